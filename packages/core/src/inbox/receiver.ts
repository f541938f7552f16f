/**
 * `inboxReceiver`: the receive side of inbox mode. Verify and parse with the adapter, keep the
 * delivery durably under its dedupe key, and only then answer 2xx; the slow work happens later
 * in a `worker`. So a provider's short timeout (Shopify's 5 s, GitHub's 10 s) never meets a
 * slow handler.
 *
 * Answers: 202 `enqueued` (the entry is committed); 200 `duplicate` for a copy of a key the
 * inbox already has (nothing is added); 422 `mismatch` for another body under a known key; 503
 * + `Retry-After` when the inbox cannot persist (nothing was acknowledged, the provider retries);
 * 500 for a setup mistake; a parse error answers its own status (401 bad signature...). Never
 * throws.
 */
import { ConfigurationError, isHooklatchError, StoreUnavailableError, statusOf } from '../errors';
import type { RawDelivery, WebhookAdapter, WebhookEvent } from '../event';
import { parseEvent } from '../parse-event';
import { type DeliveryInput, readDelivery } from '../read-delivery';
import { errorReply, type WebhookReply } from '../response';
import {
  inboxDelivery,
  type KeepHeader,
  schemaIssuePaths,
  schemaMismatchError,
} from './stored-delivery';
import type { EnqueueResult, InboxStore } from './types';

/** Options of {@link inboxReceiver}. */
export interface InboxReceiverOptions {
  /** The provider's adapter: verifies and parses every delivery before it is kept. */
  adapter: WebhookAdapter<WebhookEvent>;
  /** Where deliveries are kept until a worker runs them. */
  inbox: InboxStore;
  /**
   * An authentic delivery whose payload fails its typed schema. `'enqueue'`: kept like any other
   * (with `schemaPolicy: 'reject'` the adapter throws PAYLOAD_SCHEMA_MISMATCH first, answered
   * 500 and retried by the provider). `'dead_letter'`: with the adapter's
   * `schemaPolicy: 'envelope'`, an event that arrives with `validated: false` is kept in the
   * dead letters (code PAYLOAD_SCHEMA_MISMATCH, the failing paths only) and answered 202, so
   * deploying the fixed schema and replaying recovers it. @default 'enqueue'
   */
  schemaMismatch?: 'enqueue' | 'dead_letter';
  /**
   * Which headers to keep besides the body (called with each lower-case name). Cookies and
   * connection headers are never kept. @default every other header
   */
  keepHeader?: KeepHeader;
  /** Largest body accepted, in bytes. @default 1_048_576 */
  maxBodyBytes?: number;
  /** Status of a newly kept delivery (200 to 299). @default 202 */
  acceptedStatus?: number;
  /** Status of another body under a known key (400 to 599). @default 422 */
  mismatchStatus?: number;
  /** Called after each newly kept entry (to wake a worker in this process); errors ignored. */
  onEnqueued?: (key: string) => void;
}

/** What a receipt did. */
export type InboxReceiptOutcome =
  | 'enqueued'
  | 'dead_lettered'
  | 'duplicate'
  | 'mismatch'
  | 'rejected'
  | 'store_unavailable'
  | 'failed';

/** The reply to send, with what led to it. */
export interface InboxReceipt extends WebhookReply {
  outcome: InboxReceiptOutcome;
  /** The entry's key, once the delivery was parsed. */
  key?: string;
  /** The parse or store error, when there was one. */
  error?: unknown;
}

/** Receives one delivery into the inbox. */
export type InboxReceive = (input: DeliveryInput) => Promise<InboxReceipt>;

const JSON_TYPE = 'application/json';

function invalid(option: string, expectation: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `inboxReceiver: \`${option}\` ${expectation}.`, {
    details: { option },
  });
}

function status(option: string, value: unknown, fallback: number, min: number, max: number) {
  const n = value === undefined ? fallback : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw invalid(option, `must be an integer from ${min} to ${max}`);
  }
  return n;
}

function reply(
  code: number,
  outcome: InboxReceiptOutcome,
  key: string,
  extra: Record<string, string> = {},
): InboxReceipt {
  return {
    status: code,
    headers: { 'content-type': JSON_TYPE, 'hooklatch-outcome': outcome, ...extra },
    body: JSON.stringify({ outcome }),
    outcome,
    key,
  };
}

function storeFailed(key: string, error: unknown): InboxReceipt {
  // A setup mistake is 500 (retried until fixed); anything else may be an outage: 503.
  const setup = isHooklatchError(error) && error.code === 'CONFIG_INVALID';
  const outcome = setup ? 'failed' : 'store_unavailable';
  const code = isHooklatchError(error) ? String(error.code) : 'STORE_UNAVAILABLE';
  return {
    status: setup ? statusOf(error) : 503,
    headers: {
      'content-type': JSON_TYPE,
      'hooklatch-outcome': outcome,
      ...(setup ? {} : { 'retry-after': '5' }),
    },
    body: JSON.stringify({ outcome, code }),
    outcome,
    key,
    error,
  };
}

/**
 * Create the receive function of one provider's route.
 *
 * @example
 * const receive = inboxReceiver({ adapter: stripe({ secret }), inbox });
 * app.post('/webhooks/stripe', async (req, res) => {
 *   const reply = await receive(req);
 *   res.writeHead(reply.status, reply.headers).end(reply.body);
 * });
 */
export function inboxReceiver(options: InboxReceiverOptions): InboxReceive {
  if (typeof options !== 'object' || options === null)
    throw invalid('options', 'must be an object');
  const { adapter, inbox, keepHeader, onEnqueued, maxBodyBytes } = options;
  if (typeof adapter?.name !== 'string' || typeof adapter.parse !== 'function') {
    throw invalid('adapter', 'must be an adapter (an object with `name` and `parse`)');
  }
  if (typeof inbox?.enqueue !== 'function') throw invalid('inbox', 'must be an inbox store');
  const mode = options.schemaMismatch ?? 'enqueue';
  if (mode !== 'enqueue' && mode !== 'dead_letter') {
    throw invalid('schemaMismatch', "must be 'enqueue' or 'dead_letter'");
  }
  if (keepHeader !== undefined && typeof keepHeader !== 'function') {
    throw invalid('keepHeader', 'must be a function');
  }
  if (onEnqueued !== undefined && typeof onEnqueued !== 'function') {
    throw invalid('onEnqueued', 'must be a function');
  }
  const accepted = status('acceptedStatus', options.acceptedStatus, 202, 200, 299);
  const mismatch = status('mismatchStatus', options.mismatchStatus, 422, 400, 599);
  const readOptions = maxBodyBytes === undefined ? {} : { maxBodyBytes };

  const answer = (key: string, digest: string | undefined, result: EnqueueResult) => {
    if (result.status === 'enqueued') {
      try {
        onEnqueued?.(key);
      } catch {
        // A wake-up hook must never turn a kept delivery into a failure.
      }
      return reply(accepted, result.state === 'dead' ? 'dead_lettered' : 'enqueued', key);
    }
    const other = digest !== undefined && result.digest !== undefined && digest !== result.digest;
    return other ? reply(mismatch, 'mismatch', key) : reply(200, 'duplicate', key);
  };

  return async (input) => {
    let raw: RawDelivery;
    let event: WebhookEvent;
    try {
      raw = await readDelivery(input, readOptions);
      // The bytes are read once; parseEvent gets them (and the same receivedAt) as plain input.
      event = await parseEvent(
        adapter,
        { method: raw.method, headers: raw.headers, body: raw.rawBody },
        { ...readOptions, receivedAt: raw.receivedAt },
      );
    } catch (error) {
      return { ...errorReply(error), outcome: 'rejected', error };
    }
    const key = event.dedupeKey;
    try {
      const paths = mode === 'dead_letter' ? schemaIssuePaths(event) : undefined;
      const dead = paths === undefined ? undefined : schemaMismatchError(event.provider, paths);
      const result = await inbox.enqueue(inboxDelivery(event, raw, keepHeader, dead));
      if (result?.status !== 'enqueued' && result?.status !== 'duplicate') {
        throw new StoreUnavailableError('The inbox gave no enqueue result.');
      }
      return answer(key, event.digest, result);
    } catch (error) {
      return storeFailed(key, error);
    }
  };
}
