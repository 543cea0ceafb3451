import { DAY_MS } from './types.ts';

const unit = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A duration in the coarsest unit that still reads naturally (rounded down), for reasons such as
 * "the click from 3 days earlier". Hours are kept up to 48 so "30 hours" is not shown as "1 day".
 * The sign is dropped: callers say "before" or "after" themselves.
 * @example
 * describeDuration(3 * 86_400_000 + 5_000) // '3 days'
 * describeDuration(-90_000) // '1 minute'
 */
export function describeDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return unit(Math.floor(abs / 1000), 'second');
  if (abs < 3_600_000) return unit(Math.floor(abs / 60_000), 'minute');
  if (abs < 2 * DAY_MS) return unit(Math.floor(abs / 3_600_000), 'hour');
  return unit(Math.floor(abs / DAY_MS), 'day');
}
