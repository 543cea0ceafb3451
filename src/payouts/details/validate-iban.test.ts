import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateIban } from './validate-iban.ts';
import { IBAN_LENGTHS } from './iban-lengths.ts';

// Published example IBANs (SWIFT IBAN Registry / national bank examples), in paper format.
const VALID = [
  'DE89 3704 0044 0532 0130 00',
  'GB82 WEST 1234 5698 7654 32',
  'FR14 2004 1010 0505 0001 3M02 606',
  'NL91ABNA0417164300',
  'BE68 5390 0754 7034',
  'AT61 1904 3002 3457 3201',
  'CH93 0076 2011 6238 5295 7',
  'ES91 2100 0418 4502 0005 1332',
  'IT60 X054 2811 1010 0000 0123 456',
  'NO93 8601 1117 947',
  'MT84 MALT 0110 0001 2345 MTLC AST0 01S',
  'PL61 1090 1014 0000 0712 1981 2874',
  'SE45 5000 0000 0583 9825 7466',
  'FI21 1234 5600 0007 85',
  'IE29 AIBK 9311 5212 3456 78',
  'LU28 0019 4006 4475 0000',
  'PT50 0002 0123 1234 5678 9015 4',
  'DK50 0040 0440 1162 43',
  'SA03 8000 0000 6080 1016 7519',
  'BR97 0036 0305 0000 1000 9795 493P 1',
  'KW81 CBKU 0000 0000 0000 1234 5601 01',
];
const electronic = (iban: string) => iban.replace(/ /g, '');

/** Independent reference: MOD 97-10 with BigInt over the whole rearranged number. */
const asNumber = (s: string) => BigInt([...s].map((c) => parseInt(c, 36).toString()).join(''));
function referenceCheckDigits(country: string, bban: string): string {
  return String(98n - (asNumber(`${bban}${country}00`) % 97n)).padStart(2, '0');
}
const referencePasses = (iban: string) => asNumber(iban.slice(4) + iban.slice(0, 4)) % 97n === 1n;

describe('validateIban', () => {
  it.each(VALID)('accepts %s and returns the electronic format', (iban) => {
    expect(validateIban(iban)).toEqual({ ok: true, iban: electronic(iban), country: iban.slice(0, 2) });
  });

  it('accepts lower case, tabs and no-break spaces', () => {
    expect(validateIban(' de89\u00a03704\t0044 0532 0130 00 ')).toEqual({ ok: true, iban: 'DE89370400440532013000', country: 'DE' });
  });

  it('says what is wrong', () => {
    expect(validateIban('DE89 3704 0044 0532 0130 01')).toEqual({
      ok: false,
      message: 'IBAN checksum does not match: check for a mistyped or swapped character',
    });
    expect(validateIban('DE89 3704 0044 0532 0130 0')).toEqual({ ok: false, message: 'DE IBANs have 22 characters; this one has 21' });
    expect(validateIban('US12 3456 7890')).toEqual({ ok: false, message: 'US is not a country that issues IBANs' });
    expect(validateIban('DE89-3704-0044')).toEqual({ ok: false, message: 'IBAN may contain only letters, digits and spaces' });
    expect(validateIban('3704 0044 0532 0130 00')).toMatchObject({ ok: false, message: expect.stringContaining('two-letter country code') });
    expect(validateIban('')).toEqual({ ok: false, message: 'IBAN is empty' });
    expect(validateIban(null)).toMatchObject({ ok: false });
    expect(validateIban(12345)).toMatchObject({ ok: false });
  });

  it('rejects check digits 00, 01 and 99 even when MOD 97 would alias them to a pass', () => {
    // 99 ≡ 02 and 01 ≡ 98 (mod 97): NO02… is valid, so NO99… passes MOD 97 but is not an IBAN.
    const bban = '86011117947';
    expect(referenceCheckDigits('NO', bban)).toBe('93');
    const aliasSource = [...Array(1000).keys()].map((n) => `8601111${String(n).padStart(4, '0')}`)
      .find((b) => ['02', '98'].includes(referenceCheckDigits('NO', b)))!;
    const good = referenceCheckDigits('NO', aliasSource);
    const alias = good === '02' ? '99' : '01';
    expect(validateIban(`NO${good}${aliasSource}`).ok).toBe(true);
    expect(referencePasses(`NO${alias}${aliasSource}`)).toBe(true);
    expect(validateIban(`NO${alias}${aliasSource}`)).toEqual({ ok: false, message: `IBAN check digits ${alias} are outside 02–98` });
  });

  it('has a registry length for every SEPA country', () => {
    const sepa = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO CH GB MC SM VA AD AL MD ME MK';
    for (const c of sepa.split(' ')) expect(IBAN_LENGTHS.get(c), c).toBeGreaterThanOrEqual(15);
    expect(IBAN_LENGTHS.get('DE')).toBe(22);
    expect(IBAN_LENGTHS.get('NO')).toBe(15);
    expect(IBAN_LENGTHS.get('RU')).toBe(33);
  });

  it('any single substitution of a digit breaks the checksum', () => {
    const ibans = VALID.map(electronic);
    const digitPositions = fc.constantFrom(...ibans).chain((iban) =>
      fc.record({
        iban: fc.constant(iban),
        pos: fc.constantFrom(...[...iban].flatMap((c, i) => (i >= 2 && /\d/.test(c) ? [i] : []))),
        delta: fc.integer({ min: 1, max: 9 }),
      }),
    );
    fc.assert(
      fc.property(digitPositions, ({ iban, pos, delta }) => {
        const digit = (Number(iban[pos]) + delta) % 10;
        const corrupted = iban.slice(0, pos) + digit + iban.slice(pos + 1);
        expect(validateIban(corrupted).ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('any single substitution of a letter, or a swap of two adjacent different digits, breaks it too', () => {
    const ibans = VALID.map(electronic).filter((i) => /[A-Z]/.test(i.slice(4)));
    fc.assert(
      fc.property(fc.constantFrom(...ibans), fc.nat(), fc.integer({ min: 1, max: 25 }), (iban, n, delta) => {
        const letters = [...iban].flatMap((c, i) => (i >= 4 && /[A-Z]/.test(c) ? [i] : []));
        const pos = letters[n % letters.length]!;
        const letter = String.fromCharCode(((iban.charCodeAt(pos) - 65 + delta) % 26) + 65);
        expect(validateIban(iban.slice(0, pos) + letter + iban.slice(pos + 1)).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...VALID.map(electronic)), fc.nat(), (iban, n) => {
        const pairs = [...iban].flatMap((c, i) => (i >= 2 && /\d/.test(c) && /\d/.test(iban[i + 1] ?? '') && c !== iban[i + 1] ? [i] : []));
        fc.pre(pairs.length > 0);
        const i = pairs[n % pairs.length]!;
        expect(validateIban(iban.slice(0, i) + iban[i + 1] + iban[i] + iban.slice(i + 2)).ok).toBe(false);
      }),
    );
  });

  it('accepts any IBAN whose check digits the reference model computes, in every registry country', () => {
    const countryAndBban = fc.constantFrom(...IBAN_LENGTHS.entries()).chain(([country, length]) =>
      fc.tuple(fc.constant(country), fc.stringMatching(new RegExp(`^[0-9A-Z]{${length - 4}}$`))),
    );
    fc.assert(
      fc.property(countryAndBban, ([country, bban]) => {
        const iban = `${country}${referenceCheckDigits(country, bban)}${bban}`;
        expect(validateIban(iban)).toEqual({ ok: true, iban, country });
      }),
      { numRuns: 200 },
    );
  });
});
