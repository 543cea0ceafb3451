import { isCountryCode } from './country-codes.ts';

export type BicResult = { ok: true; bic: string; country: string } | { ok: false; message: string };

// The pain.001.001.03 XSD's BICIdentifier pattern: accepting exactly this means every BIC we
// store can be written into a SEPA file. Location code: no 0/1 first (reserved), no O second.
const BIC = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

/**
 * Checks an ISO 9362 BIC (SWIFT code): 8 or 11 characters, institution code, an ISO 3166
 * country, location and optional branch. Spaces and lower case are accepted and removed.
 * @example validateBic('cobadeffxxx') // { ok: true, bic: 'COBADEFFXXX', country: 'DE' }
 * @example validateBic('COBAXXFF')    // { ok: false, message: 'BIC country code XX is not an ISO 3166 country' }
 */
export function validateBic(input: unknown): BicResult {
  if (typeof input !== 'string') return { ok: false, message: 'BIC must be text such as "COBADEFFXXX"' };
  const bic = input.replace(/\s+/g, '').toUpperCase();
  if (bic.length !== 8 && bic.length !== 11) return { ok: false, message: `BIC has 8 or 11 characters; this one has ${bic.length}` };
  if (!BIC.test(bic)) {
    return { ok: false, message: 'BIC must be 4 letters (bank), 2 letters (country), 2 characters (location) and optionally 3 (branch)' };
  }
  const country = bic.slice(4, 6);
  if (!isCountryCode(country)) return { ok: false, message: `BIC country code ${country} is not an ISO 3166 country` };
  return { ok: true, bic, country };
}
