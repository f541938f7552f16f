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
import { ConfigurationError, isHooklatchError, StoreUnavailableError } from '../errors';
import type { RawDelivery, WebhookAdapter, WebhookEvent } from '../event';
import { tracedParse } from '../observe/observed-parse';
import { deliveryFacts } from '../observe/reports';
import { parseUntraced } from '../parse-event';
import { digestsDiffer } from '../payload-digest';
import { quietly } from '../quiet-call';
import {
  type DeliveryInput,
  decodedTextError,
  hasDecodedText,
  readDelivery,
} from '../read-delivery';
import {
  type InboxObserveOptions,
  type InboxReceiverHooks,
  inboxObserver,
} from './observe-options';
import { type ReceiptObservation, receiptObservation } from './receipt-observation';
import { type InboxReceipt, rejected, reply, storeFailed } from './receiver-replies';
import {
  headersKept,
  inboxDelivery,
  type KeepHeader,
  type KeptEvent,
  refusedEvent,
  schemaIssuePaths,
  schemaMismatchError,
} from './stored-delivery';
import type { EnqueueResult, InboxErrorInfo, InboxStore } from './types';

/** A parsed delivery, or one its schema refused, ready to keep. */
interface Parsed {
  raw: RawDelivery;
  event: KeptEvent;
  /** Set when it goes straight to the dead letters. */
  dead: InboxErrorInfo | undefined;
  /** The headers the inbox keeps (`keepHeader`). */
  headers: Record<string, string>;
}

/**
 * Options of {@link inboxReceiver}. `hooks` and `logger` work as in `processOnce` (see
 * `InboxObserveOptions`).
 */
export interface InboxReceiverOptions extends InboxObserveOptions<InboxReceiverHooks> {
  /** The provider's adapter: verifies and parses every delivery before it is kept. */
  adapter: WebhookAdapter<WebhookEvent>;
  /** Where deliveries are kept until a worker runs them. */
  inbox: InboxStore;
  /**
   * An authentic delivery whose payload fails its typed schema. `'enqueue'`: an envelope-only
   * event (`schemaPolicy: 'envelope'`) is kept like any other, and a PAYLOAD_SCHEMA_MISMATCH
   * (`schemaPolicy: 'reject'`) is answered 500 for the provider to retry. `'dead_letter'`: both
   * are kept in the dead letters under the event's key (code PAYLOAD_SCHEMA_MISMATCH, the
   * failing paths only, never values) and answered 202, so deploying the fixed schema and
   * replaying recovers them. Under `'reject'` this needs an adapter built with `createAdapter`
   * (its mismatch names the event); any other mismatch is still answered 500. @default 'enqueue'
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

export type { InboxReceipt } from './receiver-replies';

/** Receives one delivery into the inbox. */
export type InboxReceive = (input: DeliveryInput) => Promise<InboxReceipt>;

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

  const observer = inboxObserver(options);

  const answer = (key: string, digest: string | undefined, result: EnqueueResult) => {
    if (result.status === 'enqueued') {
      // A wake-up hook must never turn a kept delivery into a failure (nor end the process).
      if (onEnqueued) quietly(() => onEnqueued(key));
      return reply(accepted, result.state === 'dead' ? 'dead_lettered' : 'enqueued', key);
    }
    return digestsDiffer(result.digest, digest)
      ? reply(mismatch, 'mismatch', key)
      : reply(200, 'duplicate', key);
  };

  /** Read and parse; a payload its schema refused may still be kept, as a dead letter. */
  const readAndParse = async (input: DeliveryInput): Promise<Parsed> => {
    const raw = await readDelivery(input, readOptions);
    let parsed: Parsed;
    let leftOut: boolean;
    let refusedFirst = false;
    try {
      // The bytes are read once; the parse gets them (and the same receivedAt) as plain input.
      const event = await parseFrom(raw, raw.headers);
      const paths = mode === 'dead_letter' ? schemaIssuePaths(event) : undefined;
      const dead = paths === undefined ? undefined : schemaMismatchError(event.provider, paths);
      const kept = headersKept(raw.headers, keepHeader);
      parsed = { raw, event, dead, headers: kept.headers };
      leftOut = kept.leftOut;
    } catch (error) {
      if (isHooklatchError(error) && error.code === 'CONFIG_INVALID') throw error;
      const refused =
        mode === 'dead_letter' ? refusedEvent(adapter, error, raw.rawBody) : undefined;
      if (refused === undefined) throw error;
      const kept = headersKept(raw.headers, keepHeader);
      const dead = schemaMismatchError(adapter.name, refused.paths);
      parsed = { raw, event: refused, dead, headers: kept.headers };
      leftOut = kept.leftOut;
      refusedFirst = true;
    }
    if (leftOut) await verifiesWith(raw, parsed.headers, refusedFirst);
    return parsed;
  };

  const parseFrom = (raw: RawDelivery, headers: Record<string, string>) => {
    const parsed = parseUntraced(
      adapter,
      { method: raw.method, headers, body: raw.rawBody },
      { ...readOptions, receivedAt: raw.receivedAt },
    );
    // Text a body parser decoded (see readDelivery): a failed signature is the setup's fault.
    return hasDecodedText(raw)
      ? parsed.catch((error: unknown) => Promise.reject(decodedTextError(raw, error) ?? error))
      : parsed;
  };

  /**
   * The worker verifies the delivery again from the headers kept: a `keepHeader` that drops one
   * the adapter needs must be found now, answered 500 (the provider retries; nothing is stored),
   * not after a 2xx, when the entry could only end as a dead letter. A payload its schema
   * refused (`refused`) passes when it is refused again, verified first: a replay after a
   * schema fix can then verify it.
   */
  const verifiesWith = async (
    raw: RawDelivery,
    headers: Record<string, string>,
    refused: boolean,
  ) => {
    try {
      await parseFrom(raw, headers);
    } catch (error) {
      if (refused && refusedEvent(adapter, error, raw.rawBody) !== undefined) return;
      const code = isHooklatchError(error) ? error.code : 'INTERNAL';
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `inboxReceiver: the delivery does not parse from the headers \`keepHeader\` keeps (${code}): keep every header the adapter reads.`,
        { details: { option: 'keepHeader', code } },
      );
    }
  };

  /**
   * One `hooklatch:parse` trace for reading and parsing, as `parseEvent(request)` has: a body
   * refused while it is read (too large, already parsed) is a parse reject too, and a payload
   * kept as a dead letter (answered 202) is not one.
   */
  const parse = (input: DeliveryInput): Promise<Parsed | InboxReceipt> =>
    tracedParse(
      adapter,
      () => readAndParse(input),
      (parsed) => parsed.event,
    ).catch(rejected);

  const receive = async (
    input: DeliveryInput,
    observed: ReceiptObservation | undefined,
  ): Promise<[InboxReceipt, InboxErrorInfo | undefined]> => {
    const parsed = await parse(input);
    if ('outcome' in parsed) return [parsed, undefined];
    const { raw, event, dead, headers } = parsed;
    const key = event.dedupeKey;
    observed?.received(deliveryFacts(event as WebhookEvent), raw.receivedAt);
    try {
      const result = await inbox.enqueue(inboxDelivery(event, raw, headers, dead));
      if (result?.status !== 'enqueued' && result?.status !== 'duplicate') {
        throw new StoreUnavailableError('The inbox gave no enqueue result.');
      }
      return [answer(key, event.digest, result), dead];
    } catch (error) {
      return [storeFailed(key, error), dead];
    }
  };

  return async (input) => {
    const observed = receiptObservation(observer, adapter.name);
    const [receipt, dead] = await receive(input, observed);
    observed?.answered(receipt, dead);
    return receipt;
  };
}
