/**
 * Free text as a single trimmed line: control characters, tabs and line breaks become one space
 * and invisible formatting characters (zero-width, bidi overrides, BOM) are dropped.
 * PayPal's schema patterns (`^.*$`) reject line breaks, multi-line quoted CSV fields are where
 * upload parsers differ most, and a bidi override in a name could disguise it on review.
 * @example oneLine(' March\r\ncommissions\t ') // 'March commissions'
 */
export function oneLine(text: string): string {
  return text
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/gu, ' ')
    .trim();
}
