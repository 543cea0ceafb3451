import { describe, expect, it } from 'vitest';
import { retryDelayMs } from './backoff.ts';

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the ceiling', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, { random: () => 0 }))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, { random: () => 1 }))).toEqual([1000, 2000, 4000, 8000]);
  });
  it('stops growing at the cap', () => {
    expect(retryDelayMs(40, { baseMs: 1000, maxMs: 60_000, random: () => 1 })).toBe(60_000);
  });
});
