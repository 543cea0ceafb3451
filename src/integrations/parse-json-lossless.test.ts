import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from './parse-json-lossless.ts';

const parse = (text: string) => {
  const r = parseJsonLossless(text);
  if (!r.ok) throw new Error(r.message);
  return r.value as any;
};

describe('parseJsonLossless', () => {
  it('keeps integers beyond 2^53 exact as decimal strings, and leaves safe ones as numbers', () => {
    expect(parse('{"id":820982911946154508,"n":9007199254740991,"neg":-9007199254740993}')).toEqual({
      id: '820982911946154508',
      n: 9007199254740991,
      neg: '-9007199254740993',
    });
    expect(parse('[18446744073709551615, 1]')).toEqual(['18446744073709551615', 1]);
  });

  it('never touches digits inside strings, escaped quotes included', () => {
    expect(parse('{"a":"820982911946154508","b":"say \\"820982911946154508\\"","c\\\\":820982911946154508}')).toEqual({
      a: '820982911946154508',
      b: 'say "820982911946154508"',
      'c\\': '820982911946154508',
    });
  });

  it('leaves decimals and exponents to JSON.parse', () => {
    expect(parse('{"x":12345678901234567.5,"y":1e21,"z":-0.5}')).toEqual({ x: 12345678901234567.5, y: 1e21, z: -0.5 });
  });

  it('rejects invalid JSON, including what quoting could have repaired', () => {
    for (const bad of ['{"id":', '{"id":0820982911946154508}', '{"id":820982911946154508x}', 'webhook_id=142', '']) {
      expect(parseJsonLossless(bad)).toMatchObject({ ok: false, message: expect.stringMatching(/^invalid JSON/) });
    }
  });

  it('agrees with JSON.parse on any JSON, except that unsafe integer literals become strings', () => {
    const unsafeToString = (_key: string, v: unknown) =>
      typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v) && !/e/i.test(String(v)) ? String(v) : v;
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        expect(parse(text)).toEqual(JSON.parse(text, unsafeToString));
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips any 64-bit id exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.string(), (id, text) => {
        const r = parse(`{"s":${JSON.stringify(text)},"id":${id}}`);
        expect(String(r.id)).toBe(id.toString());
        expect(r.s).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
