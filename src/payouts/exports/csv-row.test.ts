import { describe, expect, it } from 'vitest';
import { csvRow } from './csv-row.ts';
import { oneLine } from './one-line.ts';

describe('csvRow and oneLine', () => {
  it('quotes only what RFC 4180 needs quoted', () => {
    expect(csvRow(['Lopez, Ana', 'say "hi"', '12.50', '', "O'Brien"])).toBe('"Lopez, Ana","say ""hi""",12.50,,O\'Brien\r\n');
    expect(csvRow(['a\nb'])).toBe('"a\nb"\r\n');
  });

  it('folds whitespace and drops invisible formatting characters', () => {
    expect(oneLine(' March\r\n\tcommissions ')).toBe('March commissions');
    expect(oneLine('Ana\u202eZepol\u200b')).toBe('AnaZepol');
  });
});
