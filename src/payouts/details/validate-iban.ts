import { IBAN_LENGTHS } from './iban-lengths.ts';

export type IbanResult = { ok: true; iban: string; country: string } | { ok: false; message: string };

/**
 * ISO 7064 MOD 97-10 over the rearranged IBAN (first four characters moved to the end,
 * letters as 10..35). Digit by digit so no bigint or float is needed.
 */
function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rem = value >= 10 ? (rem * 100 + value) % 97 : (rem * 10 + value) % 97;
  }
  return rem;
}

/**
 * Checks an IBAN as a creator or brand types it: spaces (paper format) and lower case are
 * accepted, then the country, its registry length, the check-digit range and the
 * MOD 97-10 checksum are verified. Returns the electronic format (upper case, no spaces).
 * @example validateIban('de89 3704 0044 0532 0130 00') // { ok: true, iban: 'DE89370400440532013000', country: 'DE' }
 * @example validateIban('DE89 3704 0044 0532 0130 01') // { ok: false, message: 'IBAN checksum does not match: …' }
 */
export function validateIban(input: unknown): IbanResult {
  if (typeof input !== 'string') return { ok: false, message: 'IBAN must be text such as "DE89 3704 0044 0532 0130 00"' };
  // \s also covers the no-break spaces that copying from a PDF or a banking app brings along.
  const iban = input.replace(/\s+/g, '').toUpperCase();
  if (iban === '') return { ok: false, message: 'IBAN is empty' };
  if (!/^[A-Z0-9]+$/.test(iban)) return { ok: false, message: 'IBAN may contain only letters, digits and spaces' };
  if (!/^[A-Z]{2}[0-9]{2}/.test(iban)) {
    return { ok: false, message: 'IBAN must start with a two-letter country code and two check digits, e.g. DE89' };
  }
  const country = iban.slice(0, 2);
  const length = IBAN_LENGTHS.get(country);
  if (length === undefined) return { ok: false, message: `${country} is not a country that issues IBANs` };
  if (iban.length !== length) {
    return { ok: false, message: `${country} IBANs have ${length} characters; this one has ${iban.length}` };
  }
  // ISO 13616 only issues check digits 02..98; 00, 01 and 99 can pass MOD 97 by aliasing.
  const check = Number(iban.slice(2, 4));
  if (check < 2 || check > 98) return { ok: false, message: `IBAN check digits ${iban.slice(2, 4)} are outside 02–98` };
  if (ibanMod97(iban) !== 1) return { ok: false, message: 'IBAN checksum does not match: check for a mistyped or swapped character' };
  return { ok: true, iban, country };
}
