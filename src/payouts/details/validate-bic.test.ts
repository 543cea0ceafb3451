import { describe, expect, it } from 'vitest';
import { validateBic } from './validate-bic.ts';

describe('validateBic', () => {
  it('accepts 8- and 11-character BICs, normalising case and spaces', () => {
    expect(validateBic('COBADEFFXXX')).toEqual({ ok: true, bic: 'COBADEFFXXX', country: 'DE' });
    expect(validateBic('deutdeff')).toEqual({ ok: true, bic: 'DEUTDEFF', country: 'DE' });
    expect(validateBic('ABNA NL2A')).toEqual({ ok: true, bic: 'ABNANL2A', country: 'NL' });
    expect(validateBic('BNPAFRPP')).toEqual({ ok: true, bic: 'BNPAFRPP', country: 'FR' });
    expect(validateBic('NWBKGB2L')).toEqual({ ok: true, bic: 'NWBKGB2L', country: 'GB' });
    // Location code ending in 0 marks a test BIC; it is well-formed.
    expect(validateBic('NEDSZAJ0')).toEqual({ ok: true, bic: 'NEDSZAJ0', country: 'ZA' });
  });

  it('rejects wrong lengths, shapes and countries with a reason', () => {
    expect(validateBic('COBADEF')).toEqual({ ok: false, message: 'BIC has 8 or 11 characters; this one has 7' });
    expect(validateBic('COBADEFFXX')).toMatchObject({ ok: false, message: expect.stringContaining('this one has 10') });
    expect(validateBic('COBAXXFF')).toEqual({ ok: false, message: 'BIC country code XX is not an ISO 3166 country' });
    expect(validateBic('C0BADEFF')).toMatchObject({ ok: false, message: expect.stringContaining('4 letters (bank)') });
    // Location codes starting with 0 or 1, or with O as second character, are not issued.
    expect(validateBic('COBADE1F').ok).toBe(false);
    expect(validateBic('COBADEFO').ok).toBe(false);
    expect(validateBic('COBADEFF-XX').ok).toBe(false);
    expect(validateBic(undefined).ok).toBe(false);
  });
});
