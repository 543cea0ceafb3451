/** Payout details a creator stores (IBAN, BIC, PayPal email): pure validators, no I/O. */
export { validateIban, type IbanResult } from './validate-iban.ts';
export { validateBic, type BicResult } from './validate-bic.ts';
export { validatePaypalEmail, type PaypalEmailResult } from './validate-paypal-email.ts';
export { isCountryCode } from './country-codes.ts';
export { IBAN_LENGTHS } from './iban-lengths.ts';
