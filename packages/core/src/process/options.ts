/**
 * Validation of everything `processOnce` is given, at call time. A wrong value is a setup bug:
 * it is a `ConfigurationError` (`CONFIG_INVALID`, HTTP 500, so the provider keeps retrying until
 * it is fixed) naming the option in `details.option`, never a silent default. Messages name the
 * option and the expected shape, never the value.
 */
import { ConfigurationError } from '../errors';
import type { WebhookEvent } from '../event';
import type { DedupeStore } from '../store/types';
import type { ProcessWarning } from './outcome-types';
import type { EventHandler, ProcessOnceOptions } from './types';

/** setTimeout's largest delay; longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
const MAX_TTL_MS = 100 * 365.25 * 24 * 3600 * 1000;
const DEFAULT_TTL_MS = 3 * 24 * 3600 * 1000;
/** Store contract: a digest is opaque printable ASCII, at most 128 characters. */
const DIGEST = /^[\x21-\x7e]{1,128}$/;

/** Everything `processOnce` runs with, validated and defaulted. */
export interface ProcessConfig {
  store: DedupeStore;
  // biome-ignore lint/suspicious/noExplicitAny: the handler is typed at the public entry points.
  handler: EventHandler<any, unknown>;
  leaseMs: number;
  ttlMs: number | undefined;
  inFlightStatus: number;
  retryAfterSeconds: number | undefined;
  mismatchStatus: number;
  storeResult: boolean;
  maxResultBytes: number;
  completeWaitMs: number;
  replayGuard: 'off' | 'digest';
  onWarning: ((warning: ProcessWarning) => void) | undefined;
  waitUntil: ((promise: Promise<unknown>) => void) | undefined;
}

function invalid(option: string, expected: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `processOnce: "${option}" must be ${expected}.`, {
    details: { option, expected },
  });
}

function integer(
  options: ProcessOnceOptions,
  option: keyof ProcessOnceOptions,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = options[option];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(option, `an integer in ${min}..${max}`);
  }
  return value;
}

function optionalFunction<T>(options: ProcessOnceOptions, option: keyof ProcessOnceOptions): T {
  const value = options[option];
  if (value !== undefined && typeof value !== 'function') throw invalid(option, 'a function');
  return value as T;
}

function checkStore(store: unknown): DedupeStore {
  const methods = ['claim', 'extend', 'complete', 'release'] as const;
  if (typeof store !== 'object' || store === null) {
    throw invalid('store', 'a DedupeStore (an object with claim, extend, complete and release)');
  }
  for (const method of methods) {
    if (typeof (store as Record<string, unknown>)[method] !== 'function') {
      throw invalid('store', `a DedupeStore (its "${method}" is not a function)`);
    }
  }
  return store as DedupeStore;
}

/** Check the store, the handler and the options; throws `CONFIG_INVALID` at the first bad one. */
export function resolveProcessConfig(
  store: unknown,
  handler: unknown,
  options: unknown,
): ProcessConfig {
  const checkedStore = checkStore(store);
  if (typeof handler !== 'function') throw invalid('handler', 'a function');
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw invalid('options', 'an object');
  }
  const o = (options ?? {}) as ProcessOnceOptions;
  const ttlMs = o.ttlMs;
  if (
    ttlMs !== undefined &&
    (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0 || ttlMs > MAX_TTL_MS)
  ) {
    throw invalid('ttlMs', 'a finite number of ms > 0, at most 100 years');
  }
  if (o.storeResult !== undefined && typeof o.storeResult !== 'boolean') {
    throw invalid('storeResult', 'a boolean');
  }
  if ((o as { keyPrefix?: unknown }).keyPrefix !== undefined) {
    // Removed (0.x): one namespace, owned by the store, so a key reads the same in every tool.
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'processOnce: "keyPrefix" was removed; namespace keys with the store\'s `prefix` option instead.',
      { details: { option: 'keyPrefix', expected: "the store's `prefix` option" } },
    );
  }
  if (o.replayGuard !== undefined && o.replayGuard !== 'off' && o.replayGuard !== 'digest') {
    throw invalid('replayGuard', "'off' or 'digest'");
  }
  return {
    store: checkedStore,
    handler: handler as ProcessConfig['handler'],
    leaseMs: integer(o, 'leaseMs', 1, MAX_TIMER_MS, 300_000),
    ttlMs: ttlMs === undefined ? undefined : Math.ceil(ttlMs),
    inFlightStatus: integer(o, 'inFlightStatus', 300, 599, 409),
    retryAfterSeconds:
      o.retryAfterSeconds === undefined
        ? undefined
        : integer(o, 'retryAfterSeconds', 0, Number.MAX_SAFE_INTEGER, 0),
    mismatchStatus: integer(o, 'mismatchStatus', 400, 599, 422),
    storeResult: o.storeResult ?? true,
    maxResultBytes: integer(o, 'maxResultBytes', 0, MAX_TIMER_MS, 65_536),
    completeWaitMs: integer(o, 'completeWaitMs', 0, MAX_TIMER_MS, 2_000),
    replayGuard: o.replayGuard ?? 'off',
    onWarning: optionalFunction(o, 'onWarning'),
    waitUntil: optionalFunction(o, 'waitUntil'),
  };
}

/** The event's facts `processOnce` relies on, checked (a hand-built event may lack them). */
export interface CheckedEvent {
  dedupeKey: string;
  provider: string;
  digest: string | undefined;
  retentionMs: number | undefined;
  /**
   * What the dedupe key is namespaced by: `provider@tenant` for a tenant's key (a `secrets`
   * resolver's), else the provider. The digest key is scoped the same way.
   */
  namespace: string;
}

/** Check the event's key, digest and retention; throws `CONFIG_INVALID` naming the field. */
export function checkEvent(event: WebhookEvent): CheckedEvent {
  if (typeof event !== 'object' || event === null) throw invalid('event', 'a WebhookEvent');
  const { dedupeKey, provider, digest, retentionMs } = event;
  if (typeof dedupeKey !== 'string' || dedupeKey === '') {
    throw invalid('event.dedupeKey', 'a non-empty string');
  }
  if (digest !== undefined && (typeof digest !== 'string' || !DIGEST.test(digest))) {
    throw invalid('event.digest', 'printable ASCII of at most 128 characters');
  }
  if (
    retentionMs !== undefined &&
    (typeof retentionMs !== 'number' || !Number.isFinite(retentionMs) || retentionMs <= 0)
  ) {
    throw invalid('event.retentionMs', 'a finite number of ms > 0');
  }
  const name = typeof provider === 'string' ? provider : '';
  const head = dedupeKey.slice(0, Math.max(0, dedupeKey.indexOf(':')));
  return {
    dedupeKey,
    provider: name,
    namespace: name !== '' && head.startsWith(`${name}@`) ? head : name,
    digest,
    retentionMs:
      retentionMs === undefined ? undefined : Math.min(Math.ceil(retentionMs), MAX_TTL_MS),
  };
}

/** The TTL of a completed record: the option, else the provider's horizon, else 3 days. */
export function effectiveTtl(config: ProcessConfig, event: CheckedEvent): number {
  return config.ttlMs ?? event.retentionMs ?? DEFAULT_TTL_MS;
}
