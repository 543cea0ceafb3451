import { describe, expect, it } from 'vitest';
import { validatePaypalEmail } from './validate-paypal-email.ts';

describe('validatePaypalEmail', () => {
  it('trims and lower-cases only the domain', () => {
    expect(validatePaypalEmail(' Ana.Lopez+payouts@Example.COM ')).toEqual({ ok: true, email: 'Ana.Lopez+payouts@example.com' });
    expect(validatePaypalEmail("o'brien@mail.example.ie")).toEqual({ ok: true, email: "o'brien@mail.example.ie" });
  });

  it('rejects what PayPal cannot pay', () => {
    for (const bad of ['ana@localhost', 'ana', '@example.com', 'ana@@example.com', 'ana @example.com', 'ana@exa mple.com', 'a,b@example.com', 'ана@пример.рф']) {
      expect(validatePaypalEmail(bad), bad).toMatchObject({ ok: false });
    }
    expect(validatePaypalEmail('')).toEqual({ ok: false, message: 'PayPal email is empty' });
    expect(validatePaypalEmail(`${'a'.repeat(120)}@example.com`)).toEqual({ ok: false, message: 'PayPal email is longer than 127 characters' });
    expect(validatePaypalEmail(42)).toMatchObject({ ok: false });
  });
});
