/**
 * Checks on the store's options (once, at construction) and on each call's arguments. A bad value
 * is a `CONFIG_INVALID` naming the option, never a Redis error later: `leaseMs: NaN` would
 * otherwise reach the script as "nan" and a lease that never blocks anyone.
 */
import { ConfigurationError } from '@hooklatch/core';

/** Longest lease, TTL or timeout accepted: 100 years, well inside `Date` and Lua's exact range. */
const MAX_DURATION_MS = 3_155_760_000_000;

/** `setTimeout` fires at once for delays above 2^31 - 1 ms, so a longer timeout would never wait. */
const MAX_TIMEOUT_MS = 2_147_483_647;

/** Printable ASCII without space; 55 leaves room for a 200-character key in 255. */
const PREFIX = /^[\x21-\x7e]{0,55}$/;

/** The contract's digest: opaque ASCII text of at most 128 characters. */
const DIGEST = /^[\x20-\x7e]{1,128}$/;

function invalid(option: string, rule: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `redisStore: \`${option}\` must be ${rule}.`, {
    details: { store: 'redis', option },
  });
}

/** A duration in ms: a finite number above 0 (at most `max`). Returns it unchanged. */
export function checkDuration(option: string, value: unknown, max = MAX_DURATION_MS): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max) {
    throw invalid(option, `a finite number of milliseconds above 0 and at most ${max}`);
  }
  return value;
}

/** The store's key prefix, validated. */
export function checkPrefix(value: unknown): string {
  if (typeof value !== 'string' || !PREFIX.test(value)) {
    throw invalid('prefix', 'printable ASCII without spaces, at most 55 characters');
  }
  return value;
}

/** The per-call timeout, validated. */
export function checkTimeoutMs(value: unknown): number {
  return checkDuration('timeoutMs', value, MAX_TIMEOUT_MS);
}

/** A caller's key: any string (its content is the store's business, see `storageKey`). */
export function checkKey(value: unknown): string {
  if (typeof value !== 'string') throw invalid('key', 'a string');
  return value;
}

/** A claim's digest, when given. */
export function checkDigest(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !DIGEST.test(value)) {
    throw invalid('digest', '1 to 128 printable ASCII characters');
  }
  return value;
}

/** An options object of a call (`claim`'s or `complete`'s). */
export function checkCallOptions<T extends object>(option: string, value: T | undefined): T {
  if (typeof value !== 'object' || value === null) throw invalid(option, 'an object');
  return value;
}
