/**
 * When a failed entry is tried again: exponential backoff with full jitter. The ceiling doubles
 * with every attempt (`baseMs`, `2 * baseMs`, `4 * baseMs`... capped at `maxMs`) and the delay is
 * drawn uniformly below it, so workers that failed together (a downstream outage) do not all
 * come back at the same moment.
 */

/** Backoff settings of a worker. */
export interface RetryDelayOptions {
  /** The ceiling of the first retry's delay, in ms. @default 1_000 */
  baseMs?: number;
  /** The highest ceiling, in ms. @default 3_600_000 (one hour) */
  maxMs?: number;
}

export const DEFAULT_RETRY_BASE_MS = 1_000;
export const DEFAULT_RETRY_MAX_MS = 3_600_000;

/** The ceiling of the delay after failed attempt number `attempt` (1 = the first attempt). */
export function retryCeiling(attempt: number, options: RetryDelayOptions = {}): number {
  const base = options.baseMs ?? DEFAULT_RETRY_BASE_MS;
  const max = options.maxMs ?? DEFAULT_RETRY_MAX_MS;
  // 2 ** 1023 is still finite; the cap keeps the result in range long before that.
  const exponent = Math.min(Math.max(0, Math.floor(attempt) - 1), 1_000);
  return Math.min(max, base * 2 ** exponent);
}

/**
 * The delay before the next try after failed attempt number `attempt`: a whole number of ms in
 * `[0, ceiling)`, drawn with `random` (default `Math.random`).
 *
 * @example
 * retryDelay(3, { baseMs: 1_000 }); // somewhere in [0, 4_000)
 */
export function retryDelay(
  attempt: number,
  options: RetryDelayOptions = {},
  random: () => number = Math.random,
): number {
  return Math.floor(random() * retryCeiling(attempt, options));
}
