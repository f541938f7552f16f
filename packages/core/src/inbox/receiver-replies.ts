/**
 * The answers of `inboxReceiver`: a status, the `hooklatch-outcome` header and a JSON body
 * `{ outcome, code? }`, never the payload.
 */
import { isHooklatchError, statusOf } from '../errors';
import { errorReply, type WebhookReply } from '../response';
import type { InboxReceiptOutcome } from './observe-options';

/** The reply to send, with what led to it. */
export interface InboxReceipt extends WebhookReply {
  outcome: InboxReceiptOutcome;
  /** The entry's key, once the delivery was parsed. */
  key?: string;
  /** The parse or store error, when there was one. */
  error?: unknown;
}

const JSON_TYPE = 'application/json';

/** A reply without an error. */
export function reply(status: number, outcome: InboxReceiptOutcome, key: string): InboxReceipt {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, 'hooklatch-outcome': outcome },
    body: JSON.stringify({ outcome }),
    outcome,
    key,
  };
}

/**
 * A delivery `parseEvent` refused: its own status (401 bad signature, 413 too large...), and
 * like every answer the outcome in the header and the body, beside the error `errorReply`
 * gives (so a 500 PAYLOAD_SCHEMA_MISMATCH and a 500 setup mistake tell themselves apart).
 */
export function rejected(error: unknown): InboxReceipt {
  const answer = errorReply(error);
  const described = JSON.parse(answer.body) as { error: { code: string } };
  return {
    status: answer.status,
    headers: { ...answer.headers, 'hooklatch-outcome': 'rejected' },
    body: JSON.stringify({ outcome: 'rejected', code: described.error.code, ...described }),
    outcome: 'rejected',
    error,
  };
}

/** The inbox could not keep it: 503 + `Retry-After` for an outage, 500 for a setup mistake. */
export function storeFailed(key: string, error: unknown): InboxReceipt {
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
