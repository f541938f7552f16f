/**
 * User callbacks, isolated: a throwing `onWarning` or `waitUntil` (or one returning a rejected
 * promise) must never change an outcome, throw out of `processOnce`, or crash the process with
 * an unhandled rejection.
 */
import type { ProcessConfig } from './options';
import type { ProcessWarning } from './outcome-types';
import type { RunProbe } from './probe';

function swallow(value: unknown): void {
  if (typeof (value as { then?: unknown } | null)?.then === 'function') {
    (value as PromiseLike<unknown>).then(undefined, () => {});
  }
}

const ignore = (): void => {};

/** A warning sink that never throws: the `onWarning` option, then the probe (when observed). */
export function warner(
  config: ProcessConfig,
  probe: RunProbe | undefined,
): (warning: ProcessWarning) => void {
  const onWarning = config.onWarning;
  if (onWarning === undefined) return probe === undefined ? ignore : (w) => probe.warned(w);
  return (warning) => {
    try {
      swallow(onWarning(warning));
    } catch {
      // The user's logger failed; the outcome stands.
    }
    probe?.warned(warning);
  };
}

/** Hand background work to the runtime's `waitUntil`, if any, without ever throwing. */
export function keepAlive(config: ProcessConfig, work: Promise<unknown>): void {
  if (config.waitUntil === undefined) return;
  try {
    swallow(config.waitUntil(work));
  } catch {
    // Without waitUntil the promise still runs as long as the runtime does.
  }
}

const warnedTtl = new Set<string>();
/** Remembered combinations at most: a `ttlMs` that varies per call must not grow memory forever. */
const MAX_WARNED_TTL = 1_024;

/**
 * Warn once per process per (provider, TTL) when `ttlMs` is shorter than the provider's retry
 * horizon: a retry that arrives after the record expired would run the handler again.
 */
export function checkRetention(
  config: ProcessConfig,
  warn: (warning: ProcessWarning) => void,
  key: string,
  provider: string,
  retentionMs: number | undefined,
): void {
  if (config.ttlMs === undefined || retentionMs === undefined || config.ttlMs >= retentionMs) {
    return;
  }
  const id = `${provider}\u0000${config.ttlMs}\u0000${retentionMs}`;
  if (warnedTtl.has(id) || warnedTtl.size >= MAX_WARNED_TTL) return;
  warnedTtl.add(id);
  warn({ kind: 'ttl_below_retention', key, ttlMs: config.ttlMs, retentionMs });
}
