import { describe, expect, it } from 'vitest';
import { describeDuration } from './describe-duration.ts';

describe('describeDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1_000, '1 second'],
    [59_999, '59 seconds'],
    [60_000, '1 minute'],
    [3_599_999, '59 minutes'],
    [3_600_000, '1 hour'],
    [47 * 3_600_000, '47 hours'],
    [48 * 3_600_000, '2 days'],
    [3 * 86_400_000 + 5_000, '3 days'],
    [-90_000, '1 minute'],
  ])('%i ms reads %s', (ms, text) => {
    expect(describeDuration(ms)).toBe(text);
  });
});
