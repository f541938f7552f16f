/**
 * docs/recipes/bullmq.md and docs/recipes/pg-boss.md: the route both queue hand-offs share.
 * Verify and parse with the adapter, give the event to a queue under an identity derived from
 * its dedupe key (so the queue itself refuses a second copy), and answer 2xx only once the
 * queue has it. Typechecked by the root tsconfig; run by packages/recipes-test.
 */
import { randomUUID } from 'node:crypto';
import {
  type DeliveryInput,
  errorReply,
  idempotencyKey,
  isHooklatchError,
  parseEvent,
  type WebhookAdapter,
  type WebhookEvent,
  type WebhookReply,
} from '@hooklatch/core';

/** What a queued job carries: the verified event as plain JSON. */
export interface QueuedEvent {
  /** `event.dedupeKey` (`stripe:evt_...`): pass `{ dedupeKey: key }` to `idempotencyKey`. */
  key: string;
  provider: string;
  type: string;
  id: string;
  /** The payload digest, to tell a real retry from another body under the same ID. */
  digest: string | null;
  /** When the delivery reached us (ISO 8601). */
  receivedAt: string;
  payload: unknown;
  /** Random per delivery: only the copy that created the job finds its own receipt in it. */
  receipt: string;
}

/** What a job handler gets besides the event. */
export interface QueuedContext {
  /** `idempotencyKey(event, purpose)`: send it with every side effect downstream. */
  idempotencyKey(purpose: string): string;
  /** 1 on the first run; more after a failure or a crashed worker. */
  attempt: number;
}

/**
 * Your work for one event. Throw to have the queue retry it. A queue runs a job at least once:
 * a worker that dies mid-job is run again, so pass `ctx.idempotencyKey(purpose)` downstream.
 */
export type QueuedHandler = (event: QueuedEvent, ctx: QueuedContext) => Promise<void>;

/** The context of a job run: keys derived from the event's dedupe key. */
export function queuedContext(event: QueuedEvent, attempt: number): QueuedContext {
  return {
    idempotencyKey: (purpose) => idempotencyKey({ dedupeKey: event.key }, purpose),
    attempt,
  };
}

/** What the queue did with a job. */
export type EnqueueVerdict = 'enqueued' | 'duplicate' | 'mismatch';

/** What the route answered. */
export type HandOffOutcome = EnqueueVerdict | 'rejected' | 'queue_unavailable' | 'failed';

/** The reply to send, with what led to it. */
export interface HandOffReply extends WebhookReply {
  outcome: HandOffOutcome;
}

/** Options of {@link handOffRoute}. */
export interface HandOffOptions {
  /** The provider's adapter: every delivery is verified and parsed before it is queued. */
  adapter: WebhookAdapter<WebhookEvent>;
  /**
   * Add `job` under `jobId`; resolve only once the queue has it durably, with whether this call
   * created it (use {@link verdictOf} on the job the queue holds).
   */
  enqueue: (jobId: string, job: QueuedEvent) => Promise<EnqueueVerdict>;
  /**
   * Longest wait for the queue before answering 503. A job whose add was still on the wire may
   * land afterwards: the provider's retry then finds it and is answered 200, never run twice.
   * @default 3000
   */
  timeoutMs?: number;
}

/** The job identity of an event: a UUID derived from its dedupe key, the same in every copy. */
export function jobIdOf(event: WebhookEvent): string {
  return idempotencyKey(event, 'hand-off');
}

/** Compare the job the queue holds with the one this delivery tried to add. */
export function verdictOf(held: QueuedEvent, mine: QueuedEvent): EnqueueVerdict {
  if (held.receipt === mine.receipt) return 'enqueued';
  const other = held.digest !== null && mine.digest !== null && held.digest !== mine.digest;
  return other ? 'mismatch' : 'duplicate';
}

const STATUS: Record<EnqueueVerdict, number> = { enqueued: 202, duplicate: 200, mismatch: 422 };

function reply(status: number, outcome: HandOffOutcome, extra: Record<string, string> = {}) {
  return {
    status,
    headers: { 'content-type': 'application/json', 'hooklatch-outcome': outcome, ...extra },
    body: JSON.stringify({ outcome }),
    outcome,
  };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the queue did not answer in ${ms} ms`)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * A webhook route that hands every verified event to a queue: 202 `enqueued` once the queue
 * holds the job, 200 `duplicate` for a copy of a job it already holds, 422 `mismatch` for
 * another body under a known ID, 503 + `Retry-After` when the queue cannot take it (nothing
 * acknowledged), 500 for a setup mistake, the parse error's status for a bad delivery.
 */
export function handOffRoute(
  options: HandOffOptions,
): (input: DeliveryInput) => Promise<HandOffReply> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  return async (input) => {
    let event: WebhookEvent;
    try {
      event = await parseEvent(options.adapter, input);
    } catch (error) {
      // 401 for a bad signature, 413 too large...: the error's own status, never the payload.
      const refused = errorReply(error);
      return {
        ...refused,
        headers: { ...refused.headers, 'hooklatch-outcome': 'rejected' },
        outcome: 'rejected',
      };
    }
    const job: QueuedEvent = {
      key: event.dedupeKey,
      provider: event.provider,
      type: event.type,
      id: event.id,
      digest: event.digest ?? null,
      receivedAt: event.receivedAt.toISOString(),
      payload: event.payload,
      receipt: randomUUID(),
    };
    try {
      const verdict = await withTimeout(options.enqueue(jobIdOf(event), job), timeoutMs);
      return reply(STATUS[verdict], verdict);
    } catch (error) {
      // A setup mistake is retried by the provider until fixed; anything else may be an outage.
      if (isHooklatchError(error) && error.code === 'CONFIG_INVALID') return reply(500, 'failed');
      return reply(503, 'queue_unavailable', { 'retry-after': '5' });
    }
  };
}
