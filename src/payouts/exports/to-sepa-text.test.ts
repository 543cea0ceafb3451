import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toSepaText } from './to-sepa-text.ts';
import { escapeXml } from './escape-xml.ts';

describe('toSepaText', () => {
  it('drops accents and transliterates letters NFD cannot reduce', () => {
    expect(toSepaText('Zoë Ångström-Müller', 70)).toBe('Zoe Angstrom-Muller');
    expect(toSepaText('Łukasz Żółć, Søren Ærø, Straße, Œuvre', 70)).toBe('Lukasz Zolc, Soren Aero, Strasse, Oeuvre');
    expect(toSepaText('Иван Петров', 70)).toBe('Ivan Petrov');
    expect(toSepaText('Æsa ÆSA æsa', 70)).toBe('Aesa AESA aesa');
    expect(toSepaText('Жанна Щербакова', 70)).toBe('Zhanna Shterbakova');
    expect(toSepaText('ЖАННА', 70)).toBe('ZHANNA');
    expect(toSepaText('Ζωή Παπαδοπούλου', 70)).toBe('Zoi Papadopoulou');
    expect(toSepaText('ΘΕΟΔΩΡΟΣ ΣΟΥΛΗΣ', 70)).toBe('THEODOROS SOULIS');
  });

  it('maps punctuation to allowed cousins and removes what has no Latin spelling', () => {
    expect(toSepaText('Łukasz & Zoë <Ltd> [EU] {x}', 70)).toBe('Lukasz + Zoe (Ltd) (EU) (x)');
    expect(toSepaText('“Quote” — it’s_here; wow!', 70)).toBe("'Quote' - it's-here, wow.");
    expect(toSepaText('山田 Taro 🎉 #1 @home', 70)).toBe('Taro 1 home');
    expect(toSepaText('山田太郎', 70)).toBe('');
    expect(toSepaText('  a\n\tb  ', 70)).toBe('a b');
  });

  it('cuts to the length after transliteration and never ends on a space', () => {
    expect(toSepaText('Щ'.repeat(40), 70)).toHaveLength(70);
    expect(toSepaText('abc def', 4)).toBe('abc');
  });

  it('always yields SEPA Latin characters within the limit, for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.integer({ min: 1, max: 140 }), (text, max) => {
        const out = toSepaText(text, max);
        expect(out).toMatch(/^[A-Za-z0-9/\-?:().,'+ ]*$/);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(out).toBe(out.trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('escapeXml', () => {
  it('escapes markup characters and leaves apostrophes', () => {
    expect(escapeXml(`A & B <"C"> O'Brien`)).toBe('A &amp; B &lt;&quot;C&quot;&gt; O\'Brien');
  });
});
