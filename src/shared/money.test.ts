import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMoney,
  allocate,
  convert,
  formatMoney,
  MoneyError,
  parseDecimal,
  parseDecimalAmount,
  parseMinorAmount,
  percentOf,
  roundHalfEven,
  subtractMoney,
  sumMoney,
  toDecimalString,
  type Money,
} from './money.ts';

const usd = (amount: bigint): Money => ({ amount, currency: 'USD' });
const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Independent reference: pick the nearer of floor/ceil, the even one on a tie. */
function referenceHalfEven(n: bigint, d: bigint): bigint {
  if (d < 0n) return referenceHalfEven(-n, -d);
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d);
  const ceil = floor + 1n;
  const below = n - floor * d;
  const above = ceil * d - n;
  if (below === 0n) return floor;
  if (below < above) return floor;
  if (above < below) return ceil;
  return floor % 2n === 0n ? floor : ceil;
}

describe('roundHalfEven', () => {
  it('rounds ties to even in both signs', () => {
    expect([1n, 3n, 5n, 7n, -1n, -3n, -5n, -7n].map((n) => roundHalfEven(n, 2n))).toEqual([0n, 2n, 2n, 4n, 0n, -2n, -2n, -4n]);
    expect(roundHalfEven(124875n, 1000n)).toBe(125n);
    expect(roundHalfEven(10n, -4n)).toBe(-2n);
    expect(() => roundHalfEven(1n, 0n)).toThrow(MoneyError);
  });

  it('matches a reference on random rationals (including exact ties)', () => {
    const den = fc.bigInt({ min: -10_000n, max: 10_000n }).filter((d) => d !== 0n);
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), den, (n, d) => {
        expect(roundHalfEven(n, d)).toBe(referenceHalfEven(n, d));
      }),
    );
    // Force ties: (2k+1)/2 scaled by an arbitrary factor.
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 1000n }), (k, s) => {
        const r = roundHalfEven((2n * k + 1n) * s, 2n * s);
        expect(r % 2n).toBe(0n);
        expect(r).toBe(referenceHalfEven((2n * k + 1n) * s, 2n * s));
      }),
    );
  });
});

describe('parseMinorAmount', () => {
  it('accepts safe integers and bigints', () => {
    expect(parseMinorAmount(1234, 'USD')).toEqual({ ok: true, value: usd(1234n) });
    expect(parseMinorAmount(1234n, 'KWD')).toEqual({ ok: true, value: { amount: 1234n, currency: 'KWD' } });
    expect(parseMinorAmount(-50, 'USD', { allowNegative: true })).toEqual({ ok: true, value: usd(-50n) });
  });

  it('rejects decimals, unsafe integers, strings, negatives and unknown currencies with a message', () => {
    const bad: [unknown, string, RegExp][] = [
      [12.5, 'JPY', /JPY has no minor unit/],
      [12.5, 'USD', /1234 means 12\.34 USD/],
      [2 ** 53, 'USD', /beyond 2\^53/],
      [BigInt(2 ** 53), 'USD', /beyond 2\^53/],
      ['1234', 'USD', /integer number of minor units/],
      [Number.NaN, 'USD', /integer number of minor units/],
      [-1, 'USD', /must not be negative/],
      [100, 'XXX', /unknown currency/],
      [100, 'usd', /unknown currency/],
    ];
    for (const [input, currency, message] of bad) {
      const r = parseMinorAmount(input, currency);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
  });
});

describe('parseDecimal / parseDecimalAmount', () => {
  it('parses exact decimals from strings and JSON numbers', () => {
    expect(parseDecimal('12.5')).toEqual({ ok: true, value: { num: 125n, den: 10n } });
    expect(parseDecimal(0.1)).toEqual({ ok: true, value: { num: 1n, den: 10n } });
    expect(parseDecimal('-0.05')).toEqual({ ok: true, value: { num: -5n, den: 100n } });
    for (const bad of ['1e3', '', ' 1', '1.', '.5', '+1', '1,5', 1e21, 0.1 + 0.2, Number.POSITIVE_INFINITY]) {
      expect(parseDecimal(bad).ok).toBe(false);
    }
  });

  it('converts to minor units per currency', () => {
    expect(parseDecimalAmount('12.34', 'USD')).toEqual({ ok: true, value: usd(1234n) });
    expect(parseDecimalAmount('12.3', 'USD')).toEqual({ ok: true, value: usd(1230n) });
    expect(parseDecimalAmount('12', 'KWD')).toEqual({ ok: true, value: { amount: 12000n, currency: 'KWD' } });
    expect(parseDecimalAmount('1.234', 'KWD')).toEqual({ ok: true, value: { amount: 1234n, currency: 'KWD' } });
    expect(parseDecimalAmount('1000.00', 'JPY')).toEqual({ ok: true, value: { amount: 1000n, currency: 'JPY' } });
    expect(parseDecimalAmount(19.99, 'USD')).toEqual({ ok: true, value: usd(1999n) });
    expect(parseDecimalAmount('-3.10', 'USD', { allowNegative: true })).toEqual({ ok: true, value: usd(-310n) });
  });

  it('rejects too many decimals instead of rounding', () => {
    const r = parseDecimalAmount('1.5', 'JPY');
    expect(r).toEqual({ ok: false, message: '"1.5" has more decimals than JPY allows (0)' });
    expect(parseDecimalAmount('1.005', 'USD').ok).toBe(false);
    expect(parseDecimalAmount('1.0005', 'KWD').ok).toBe(false);
    expect(parseDecimalAmount('-1.00', 'USD').ok).toBe(false);
    expect(parseDecimalAmount('90071992547409.92', 'USD').ok).toBe(false);
    expect(parseDecimalAmount(null, 'USD').ok).toBe(false);
  });
});

describe('toDecimalString / formatMoney', () => {
  it('spells exact decimals', () => {
    expect(toDecimalString(usd(-5n))).toBe('-0.05');
    expect(toDecimalString(usd(123456n))).toBe('1234.56');
    expect(toDecimalString({ amount: 1234n, currency: 'KWD' })).toBe('1.234');
    expect(toDecimalString({ amount: -7n, currency: 'KWD' })).toBe('-0.007');
    expect(toDecimalString({ amount: -1234n, currency: 'JPY' })).toBe('-1234');
  });

  it('formats with locale and ISO minor units', () => {
    expect(formatMoney(usd(123456n))).toBe('$1,234.56');
    expect(formatMoney(usd(-5n))).toBe('-$0.05');
    expect(formatMoney({ amount: 1234n, currency: 'JPY' }, 'ja-JP')).toBe('￥1,234');
    expect(formatMoney({ amount: 1234n, currency: 'KWD' })).toMatch(/^KWD\s1\.234$/); // ICU puts a no-break space here
    expect(formatMoney(usd(SAFE))).toBe('$90,071,992,547,409.91');
  });

  for (const currency of ['USD', 'JPY', 'KWD']) {
    it(`round-trips parse/format for ${currency}, negatives included`, () => {
      fc.assert(
        fc.property(fc.bigInt({ min: -SAFE, max: SAFE }), (amount) => {
          const m = { amount, currency };
          const text = toDecimalString(m);
          expect(parseDecimalAmount(text, currency, { allowNegative: true })).toEqual({ ok: true, value: m });
          const digits = formatMoney(m).replace(/[^0-9.-]/g, '');
          expect(parseDecimalAmount(digits, currency, { allowNegative: true })).toEqual({ ok: true, value: m });
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('arithmetic', () => {
  it('adds, subtracts and sums one currency', () => {
    expect(addMoney(usd(100n), usd(-250n))).toEqual(usd(-150n));
    expect(subtractMoney(usd(100n), usd(250n))).toEqual(usd(-150n));
    expect(sumMoney([], 'JPY')).toEqual({ amount: 0n, currency: 'JPY' });
    expect(sumMoney([usd(1n), usd(2n), usd(-4n)], 'USD')).toEqual(usd(-1n));
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(usd(1n), { amount: 1n, currency: 'EUR' })).toThrow(/USD and EUR/);
    expect(() => subtractMoney(usd(1n), { amount: 1n, currency: 'JPY' })).toThrow(MoneyError);
    expect(() => sumMoney([usd(1n)], 'EUR')).toThrow(MoneyError);
  });
});

describe('percentOf', () => {
  it('applies exact decimal percents and basis points, rounding half-even once', () => {
    expect(percentOf(999n, '12.5')).toBe(125n); // 124.875
    expect(percentOf(10000n, 10)).toBe(1000n);
    expect(percentOf(5n, 10)).toBe(0n); // 0.5 → 0 (even)
    expect(percentOf(15n, 10)).toBe(2n); // 1.5 → 2 (even)
    expect(percentOf(-999n, '12.5')).toBe(-125n);
    expect(percentOf(10000n, { num: 1250n, den: 100n })).toBe(1250n); // 1250 bps
    expect(percentOf(333n, '33.3333')).toBe(111n);
    expect(() => percentOf(1n, '1e2')).toThrow(MoneyError);
  });
});

describe('allocate', () => {
  it('splits deterministically by largest remainder', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(-100n, [1, 1, 1])).toEqual([-34n, -33n, -33n]);
    expect(allocate(5n, [3n, 7n])).toEqual([2n, 3n]); // 1.5 / 3.5: equal remainders → earlier index
    expect(allocate(1n, [0n, 1n, 0n])).toEqual([0n, 1n, 0n]);
    expect(() => allocate(1n, [0n])).toThrow(MoneyError);
    expect(() => allocate(1n, [-1n, 2n])).toThrow(MoneyError);
  });

  it('always sums exactly and stays within one unit of the exact share', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { minLength: 1, maxLength: 12 }).filter((w) => w.some((x) => x > 0n)),
        (amount, weights) => {
          const shares = allocate(amount, weights);
          expect(shares.reduce((s, x) => s + x, 0n)).toBe(amount);
          const total = weights.reduce((s, x) => s + x, 0n);
          shares.forEach((share, i) => {
            const exactTimesTotal = amount * weights[i]!;
            const diff = share * total - exactTimesTotal;
            expect(diff < 0n ? -diff : diff).toBeLessThan(total);
            if (weights[i] === 0n) expect(share).toBe(0n);
          });
        },
      ),
    );
  });
});

describe('convert', () => {
  it('respects the target minor units and rounds half-even', () => {
    expect(convert(usd(1000n), '151.237', 'JPY')).toEqual({ amount: 1512n, currency: 'JPY' });
    expect(convert(usd(10000n), '0.30712', 'KWD')).toEqual({ amount: 30712n, currency: 'KWD' });
    expect(convert({ amount: 1000n, currency: 'JPY' }, '0.0066123', 'USD')).toEqual(usd(661n));
    expect(convert({ amount: 1n, currency: 'KWD' }, '3.25', 'USD')).toEqual(usd(0n)); // 0.325 → 0
    expect(convert(usd(-1000n), '151.5', 'JPY')).toEqual({ amount: -1515n, currency: 'JPY' });
    expect(convert({ amount: 5n, currency: 'JPY' }, '0.5', 'JPY')).toEqual({ amount: 2n, currency: 'JPY' }); // 2.5 → 2
    expect(() => convert(usd(1n), '0', 'EUR')).toThrow(/positive/);
    expect(() => convert(usd(1n), 'abc', 'EUR')).toThrow(MoneyError);
  });
});
