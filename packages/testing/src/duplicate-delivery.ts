/**
 * The duplicate-delivery check: send the same signed delivery several times at once and then
 * again after the first finished, through `parseEvent` + `processOnce`, and prove the handler
 * ran exactly once and no copy got an answer that would lose the event. Copies are signed by the
 * adapter's own `sign`, so it works for any adapter that has one.
 */
import {
  type DedupeStore,
  type DeliveryInput,
  memoryStore,
  type ParseEventOptions,
  type ProcessOutcome,
  parseEvent,
  processOnce,
  type SignOptions,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';

/** Options of {@link assertProcessedOnce}. */
export interface AssertProcessedOnceOptions {
  /** The adapter under test. With `body`, it must have `sign`. */
  adapter: WebhookAdapter<WebhookEvent>;
  /** The body every copy carries, signed by `adapter.sign` for each copy. */
  body?: string | Uint8Array;
  /** The delivery's other headers (event type, delivery ID...), kept the same on every copy. */
  headers?: Record<string, string>;
  /** Passed to `adapter.sign` (e.g. a fixed `timestamp`). */
  signOptions?: SignOptions;
  /**
   * Instead of `body`: builds one copy of the delivery, called once per copy (a Request body
   * can be read once). For deliveries `sign` cannot make, e.g. a captured real request.
   */
  request?: () => DeliveryInput;
  /** Store to claim in. @default a fresh memoryStore() */
  store?: DedupeStore;
  /** Copies sent concurrently. @default 4 */
  copies?: number;
  /** Copies sent one after another once the first run finished. @default 2 */
  retries?: number;
  /** How long the handler takes, so concurrent copies overlap it. @default 25 */
  handlerMs?: number;
  /** Passed to parseEvent (e.g. receivedAt). */
  parseOptions?: ParseEventOptions;
}

/** What happened to every copy. */
export interface ProcessedOnceReport {
  /** How often the handler ran. */
  runs: number;
  /** Every copy's outcome, concurrent copies first. */
  outcomes: ProcessOutcome<unknown>[];
  /** The event as parsed from the first copy. */
  event: WebhookEvent;
}

/** One copy of the delivery per call: from `request`, or `body` signed by the adapter. */
function copyMaker(options: AssertProcessedOnceOptions): () => DeliveryInput {
  const { adapter, body, request } = options;
  if ((body === undefined) === (request === undefined)) {
    throw new TypeError('assertProcessedOnce: pass either `body` or `request`.');
  }
  if (request !== undefined) return request;
  const sign = adapter.sign?.bind(adapter);
  if (sign === undefined) {
    throw new TypeError(
      `assertProcessedOnce: the adapter "${adapter.name}" has no sign(); pass \`request\`.`,
    );
  }
  const headers = { ...options.signOptions?.headers, ...options.headers };
  return () => sign(body as string | Uint8Array, { ...options.signOptions, headers });
}

/**
 * Deliver the same request `copies` times concurrently and `retries` times afterwards. Throws
 * an `Error` describing the problem unless the handler ran exactly once, every concurrent loser
 * was told to retry (non-2xx) or that the work is done (200 duplicate), and every later copy was
 * a 200 duplicate. Returns the report for further assertions.
 */
export async function assertProcessedOnce(
  options: AssertProcessedOnceOptions,
): Promise<ProcessedOnceReport> {
  const store = options.store ?? memoryStore();
  const copies = options.copies ?? 4;
  const retries = options.retries ?? 2;
  const handlerMs = options.handlerMs ?? 25;
  const copy = copyMaker(options);
  let runs = 0;
  let first: WebhookEvent | undefined;
  const deliver = async () => {
    const event = await parseEvent(options.adapter, copy(), options.parseOptions);
    first ??= event;
    return processOnce(store, event, async () => {
      runs++;
      await new Promise((resolve) => setTimeout(resolve, handlerMs));
      return { ok: true };
    });
  };

  const concurrent = await Promise.all(Array.from({ length: copies }, deliver));
  const later: ProcessOutcome<unknown>[] = [];
  for (let i = 0; i < retries; i++) later.push(await deliver());
  const outcomes = [...concurrent, ...later];

  const problems: string[] = [];
  if (runs !== 1) problems.push(`handler ran ${runs} times, expected 1`);
  if (concurrent.filter((o) => o.outcome === 'processed').length !== 1) {
    problems.push('expected exactly one concurrent copy to be processed');
  }
  for (const o of concurrent) {
    if (o.outcome === 'in_flight' && o.status >= 200 && o.status < 300) {
      problems.push(
        `an in-flight duplicate was answered ${o.status}; the provider would stop retrying`,
      );
    }
    if (o.outcome === 'failed' || o.outcome === 'store_unavailable')
      problems.push(`a copy ${o.outcome}`);
  }
  for (const o of later) {
    if (o.outcome !== 'duplicate' || o.status !== 200) {
      problems.push(`a later copy got ${o.outcome} ${o.status}, expected duplicate 200`);
    }
  }
  const keys = new Set(outcomes.map((o) => o.key));
  if (keys.size !== 1) problems.push(`copies produced ${keys.size} different dedupe keys`);
  if (problems.length > 0) throw new Error(`assertProcessedOnce: ${problems.join('; ')}`);
  return { runs, outcomes, event: first as WebhookEvent };
}
