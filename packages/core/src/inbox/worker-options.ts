/** The options of `worker`, their defaults and their checks (CONFIG_INVALID naming the option). */

import { ConfigurationError } from '../errors';
import type { EventOf, WebhookAdapter, WebhookEvent } from '../event';
import { quietly } from '../quiet-call';
import { readableMessage } from './checks';
import { inboxErrorInfo } from './error-info';
import {
  type InboxObserveOptions,
  type InboxObserver,
  inboxObserver,
  type WorkerHooks,
} from './observe-options';
import { DEFAULT_RETRY_BASE_MS, DEFAULT_RETRY_MAX_MS, type RetryDelayOptions } from './retry-delay';
import type { InboxErrorInfo, InboxStore } from './types';
import type { InboxHandler, WorkerReport } from './worker-types';

export type { InboxHandler, InboxHandlerContext, WorkerReport } from './worker-types';

/**
 * Options of {@link worker}. `hooks` and `logger` work as in `processOnce` (see
 * `InboxObserveOptions`); `onReport` is the raw stream of everything the worker does.
 */
export interface WorkerOptions<A extends WebhookAdapter<WebhookEvent>>
  extends InboxObserveOptions<WorkerHooks> {
  /** The inbox to drain. */
  inbox: InboxStore;
  /** The adapter of the provider whose entries this worker runs. */
  adapter?: A;
  /** Several adapters: the worker runs the entries of each (by `adapter.name`). */
  adapters?: readonly A[];
  /** Runs once per entry to completion; a throw schedules a retry. */
  handler: InboxHandler<EventOf<A>>;
  /** Entries run at the same time. @default 4 */
  concurrency?: number;
  /** Attempts before an entry goes to the dead letters. @default 10 */
  maxAttempts?: number;
  /** Lease of a claimed entry without a renewal; renewed every third of it. @default 60_000 */
  leaseMs?: number;
  /** Wait between claims while the inbox has nothing ready, in ms. @default 1_000 */
  pollMs?: number;
  /** Backoff of failed attempts (exponential, full jitter). @default { baseMs: 1_000, maxMs: 3_600_000 } */
  retry?: RetryDelayOptions;
  /**
   * An event that re-parses with `validated: false` (an adapter with `schemaPolicy: 'envelope'`
   * whose schema refused the payload): `'handle'` runs the handler with it; `'dead_letter'`
   * dead-letters it at once (PAYLOAD_SCHEMA_MISMATCH, paths only), ready for a replay after the
   * schema is fixed, and so does a re-parse that throws PAYLOAD_SCHEMA_MISMATCH (the adapter's
   * `schemaPolicy: 'reject'`), which `'handle'` fails and retries. @default 'handle'
   */
  schemaMismatch?: 'handle' | 'dead_letter';
  /** What the inbox keeps of a failure. @default inboxErrorInfo */
  describeError?: (error: unknown) => InboxErrorInfo;
  /** Called with every report; a throwing callback is ignored. */
  onReport?: (report: WorkerReport) => void;
}

/** The checked options. */
export interface WorkerConfig {
  inbox: InboxStore;
  adapters: ReadonlyMap<string, WebhookAdapter<WebhookEvent>>;
  handler: InboxHandler<WebhookEvent>;
  concurrency: number;
  maxAttempts: number;
  leaseMs: number;
  pollMs: number;
  retry: Required<RetryDelayOptions>;
  schemaMismatch: 'handle' | 'dead_letter';
  describe: (error: unknown) => InboxErrorInfo;
  /** `onReport`, isolated. */
  report: (report: WorkerReport) => void;
  /** The checked `hooks` and `logger`. */
  observer: InboxObserver<WorkerHooks>;
}

function invalid(option: string, expectation: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `worker: \`${option}\` ${expectation}.`, {
    details: { option },
  });
}

function integer(option: string, value: unknown, fallback: number, min: number, max: number) {
  const n = value === undefined ? fallback : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < min || n > max) {
    throw invalid(option, `must be an integer from ${min} to ${max}`);
  }
  return n;
}

const MAX_TIMER_MS = 2_147_483_647;
const CODE = /^[\x21-\x7e]{1,64}$/;

/** Check every option; throws CONFIG_INVALID. */
export function resolveWorkerConfig<A extends WebhookAdapter<WebhookEvent>>(
  options: WorkerOptions<A>,
): WorkerConfig {
  if (typeof options !== 'object' || options === null)
    throw invalid('options', 'must be an object');
  const { inbox, handler, describeError, onReport } = options;
  if (typeof inbox?.claim !== 'function') throw invalid('inbox', 'must be an inbox store');
  if (typeof handler !== 'function') throw invalid('handler', 'must be a function');
  const list = options.adapters ?? (options.adapter === undefined ? [] : [options.adapter]);
  if (!Array.isArray(list) || list.length === 0) {
    throw invalid('adapter', 'or `adapters` must name at least one adapter');
  }
  const adapters = new Map<string, WebhookAdapter<WebhookEvent>>();
  for (const adapter of list) {
    if (typeof adapter?.name !== 'string' || typeof adapter.parse !== 'function') {
      throw invalid('adapters', 'must hold adapters (objects with `name` and `parse`)');
    }
    if (adapters.has(adapter.name)) throw invalid('adapters', 'has two adapters of one name');
    adapters.set(adapter.name, adapter);
  }
  const schemaMismatch = options.schemaMismatch ?? 'handle';
  if (schemaMismatch !== 'handle' && schemaMismatch !== 'dead_letter') {
    throw invalid('schemaMismatch', "must be 'handle' or 'dead_letter'");
  }
  if (describeError !== undefined && typeof describeError !== 'function') {
    throw invalid('describeError', 'must be a function');
  }
  if (onReport !== undefined && typeof onReport !== 'function') {
    throw invalid('onReport', 'must be a function');
  }
  const baseMs = integer(
    'retry.baseMs',
    options.retry?.baseMs,
    DEFAULT_RETRY_BASE_MS,
    1,
    MAX_TIMER_MS,
  );
  const maxMs = integer(
    'retry.maxMs',
    options.retry?.maxMs,
    DEFAULT_RETRY_MAX_MS,
    baseMs,
    31_536_000_000,
  );
  return {
    inbox,
    adapters,
    handler: handler as InboxHandler<WebhookEvent>,
    concurrency: integer('concurrency', options.concurrency, 4, 1, 1_000),
    maxAttempts: integer('maxAttempts', options.maxAttempts, 10, 1, 1_000),
    leaseMs: integer('leaseMs', options.leaseMs, 60_000, 3, MAX_TIMER_MS),
    pollMs: integer('pollMs', options.pollMs, 1_000, 1, MAX_TIMER_MS),
    retry: { baseMs, maxMs },
    schemaMismatch,
    describe: (error) => {
      if (!describeError) return inboxErrorInfo(error);
      // A throw, or a promise (which is no answer, and whose rejection is ignored), falls
      // through to the default description.
      const info = quietly(() => describeError(error)) as InboxErrorInfo | undefined;
      // Only a well-formed answer is kept: an inbox refuses any other (CONFIG_INVALID).
      if (
        typeof info?.code === 'string' &&
        CODE.test(info.code) &&
        typeof info.message === 'string'
      ) {
        return { code: info.code, message: readableMessage(info.message) };
      }
      return inboxErrorInfo(error);
    },
    // A logging callback must never stop a worker, by a throw or by a rejection.
    report: (report) => {
      if (onReport) quietly(() => onReport(report));
    },
    observer: inboxObserver(options),
  };
}
