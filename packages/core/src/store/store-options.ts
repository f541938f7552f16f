/**
 * The option and argument checks every dedupe store shares, so that `prefix`, `timeoutMs`,
 * `leaseMs`, `ttlMs` and `digest` mean the same and fail the same on the memory, Redis and SQL
 * stores (and on a store of your own): `CONFIG_INVALID` naming the option, before anything
 * reaches a backend. A NaN `leaseMs` would otherwise make every concurrent copy look like the
 * takeover of an ended lease. Messages never quote the value, which may be a key or a secret.
 */
import { ConfigurationError } from '../errors';
import type { ClaimOptions } from './types';

/**
 * Longest lease or TTL accepted: 100 years. Far inside the `Date` range, Lua's exact integers
 * and every SQL date type, so no backend ever rounds or overflows a deadline.
 */
export const MAX_STORE_DURATION_MS = 3_155_760_000_000;

/** Longest `timeoutMs`: `setTimeout` fires at once for delays above 2^31 - 1 ms. */
export const MAX_STORE_TIMEOUT_MS = 2_147_483_647;

/** Longest store `prefix`: 55 ASCII characters plus a 200-character plain key fit in 255. */
export const MAX_STORE_PREFIX_LENGTH = 55;

/** The `prefix` of every hooklatch store when none is given. */
export const DEFAULT_STORE_PREFIX = 'hooklatch:';

/** The `timeoutMs` of every hooklatch store when none is given. */
export const DEFAULT_STORE_TIMEOUT_MS = 5_000;

const PREFIX = new RegExp(`^[\\x21-\\x7e]{0,${MAX_STORE_PREFIX_LENGTH}}$`);
const DIGEST = /^[\x20-\x7e]{1,128}$/;

/** The checks of one store, each throwing CONFIG_INVALID that names the store and the option. */
export interface StoreOptionChecks {
  /** The error itself: `<store>: \`<option>\` <expectation>.`, the option in `details.option`. */
  invalid(option: string, expectation: string): ConfigurationError;
  /** An options object (of the factory, or of a call such as `claim`). Returns it. */
  object<T extends object>(option: string, value: T | undefined): T;
  /**
   * The namespace prefix: printable ASCII without spaces, at most 55 characters.
   * @param fallback used for `undefined`. @default DEFAULT_STORE_PREFIX ('hooklatch:')
   */
  prefix(value: unknown, fallback?: string): string;
  /**
   * The per-call timeout in ms: above 0, at most 2^31 - 1. Returns it unchanged.
   * @param fallback used for `undefined`. @default DEFAULT_STORE_TIMEOUT_MS (5000)
   */
  timeoutMs(value: unknown, fallback?: number): number;
  /** A lease or TTL in ms: finite, above 0, at most 100 years. Returns it unchanged. */
  duration(option: string, value: unknown): number;
  /** A caller's key: any string (see `storageKey` for keys a backend cannot hold as they are). */
  key(value: unknown): string;
  /** A claim's digest: 1 to 128 printable ASCII characters, or `undefined`. */
  digest(value: unknown): string | undefined;
  /** A `claim` call's options: the object, `leaseMs`, `ttlMs` and `digest`. */
  claim(options: ClaimOptions): { leaseMs: number; ttlMs: number; digest: string | undefined };
  /** Refuse an option this store renamed, pointing at the new name. */
  renamed(options: object, from: string, to: string): void;
  /**
   * A `complete` call's `tx` on a store with no transaction to join: must be absent. Ignored,
   * the mark would be written at once, and a rolled-back side effect would leave a completed
   * record behind (the retry answered `duplicate` for work that never happened).
   */
  noTransaction(tx: unknown): void;
}

/**
 * The shared checks for the store called `store` in messages (`redisStore`, `mysqlStore`...).
 * `details` are added to every error's details (for example `{ store: 'redis' }`).
 *
 * @example
 * const checks = storeOptionChecks('dynamoStore');
 * const prefix = checks.prefix(options.prefix); // 'hooklatch:' when not given
 * const timeoutMs = checks.timeoutMs(options.timeoutMs); // 5000 when not given
 */
export function storeOptionChecks(
  store: string,
  details: Readonly<Record<string, unknown>> = {},
): StoreOptionChecks {
  const invalid = (option: string, expectation: string) =>
    new ConfigurationError('CONFIG_INVALID', `${store}: \`${option}\` ${expectation}.`, {
      details: { ...details, option },
    });
  const duration = (option: string, value: unknown): number => {
    // `undefined` is no default here: a missing lease is as wrong as a NaN one.
    if (typeof value !== 'number' || !(value > 0) || value > MAX_STORE_DURATION_MS) {
      throw invalid(option, 'must be a finite number of milliseconds above 0, at most 100 years');
    }
    return value;
  };
  const digest = (value: unknown): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !DIGEST.test(value)) {
      throw invalid('digest', 'must be 1 to 128 printable ASCII characters');
    }
    return value;
  };
  const object = <T extends object>(option: string, value: T | undefined): T => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalid(option, 'must be an object');
    }
    return value;
  };
  return {
    invalid,
    object,
    duration,
    digest,
    prefix(value, fallback = DEFAULT_STORE_PREFIX) {
      // Only `undefined` means "default": a null is a mistake worth reporting.
      const prefix = value === undefined ? fallback : value;
      if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
        throw invalid('prefix', 'must be printable ASCII without spaces, at most 55 characters');
      }
      return prefix;
    },
    timeoutMs(value, fallback = DEFAULT_STORE_TIMEOUT_MS) {
      const ms = value === undefined ? fallback : value;
      if (typeof ms !== 'number' || !(ms > 0) || ms > MAX_STORE_TIMEOUT_MS) {
        throw invalid(
          'timeoutMs',
          `must be a number of milliseconds above 0, at most ${MAX_STORE_TIMEOUT_MS}`,
        );
      }
      return ms;
    },
    key(value) {
      if (typeof value !== 'string') throw invalid('key', 'must be a string');
      return value;
    },
    claim(options) {
      const { leaseMs, ttlMs, digest: given } = object('claim options', options);
      return {
        leaseMs: duration('leaseMs', leaseMs),
        ttlMs: duration('ttlMs', ttlMs),
        digest: digest(given),
      };
    },
    renamed(options, from, to) {
      if (from in options) throw invalid(from, `was renamed \`${to}\``);
    },
    noTransaction(tx) {
      if (tx !== undefined) {
        throw invalid('tx', 'is not supported: this store cannot join your transaction');
      }
    },
  };
}
