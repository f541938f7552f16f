/**
 * A PAYLOAD_SCHEMA_MISMATCH that says which event it is about. Under `schemaPolicy: 'reject'`
 * the typed schema throws before `parse` returns, so the event has no ID yet: a receiver can
 * only answer 500 and wait for a fixed deploy. `createAdapter` therefore parses the same
 * verified delivery once more with the `'envelope'` policy (on this failure path only) and
 * throws the mismatch again with the event's identity added to `details`: `eventId`,
 * `idSource`, `eventType`, and `digest` / `keyIndex` when known. Never a payload value. An inbox
 * receiver with `schemaMismatch: 'dead_letter'` keeps such a delivery in the dead letters under
 * its dedupe key, so deploying the fixed schema and replaying it recovers the event.
 */
import { type HooklatchError, isHooklatchError, PayloadError } from '../errors';
import type { IdSource, ParsedEvent, WebhookEvent } from '../event';
import { isThenable } from './secrets';

/** The identity a schema mismatch carries in its `details` (see {@link schemaMismatchIdentity}). */
export interface SchemaMismatchIdentity {
  /** The event ID the adapter read (`event.id`). */
  id: string;
  idSource: IdSource;
  /** The event type (`event.type`). */
  type: string;
  /** The payload digest the event would have carried, when the adapter computed one. */
  digest?: string;
  /** Which configured secret or key verified the delivery, when known. */
  keyIndex?: number;
}

const ID_SOURCES: ReadonlySet<string> = new Set(['event', 'delivery', 'fingerprint']);

function isMismatch(error: unknown): error is HooklatchError {
  return isHooklatchError(error) && error.code === 'PAYLOAD_SCHEMA_MISMATCH';
}

/** `error` again, with the identity of the envelope-only parse of the same delivery. */
function identified(error: HooklatchError, parsed: ParsedEvent<WebhookEvent>): unknown {
  const { id, idSource, type, digest } = parsed as Partial<WebhookEvent>;
  if (typeof id !== 'string' || id === '' || typeof type !== 'string') return error;
  if (typeof idSource !== 'string' || !ID_SOURCES.has(idSource)) return error;
  const keyIndex = parsed.meta?.keyIndex;
  return new PayloadError('PAYLOAD_SCHEMA_MISMATCH', error.message, {
    details: {
      ...error.details,
      eventId: id,
      idSource,
      eventType: type,
      ...(typeof digest === 'string' ? { digest } : {}),
      ...(typeof keyIndex === 'number' ? { keyIndex } : {}),
    },
    ...(error.cause === undefined ? {} : { cause: error.cause }),
  });
}

/**
 * Rethrow `error`; when it is a PAYLOAD_SCHEMA_MISMATCH without an identity, first run
 * `envelopeParse` (the same parse under the `'envelope'` policy) and throw the mismatch with the
 * event's identity instead. Synchronous when `envelopeParse` is; a failing `envelopeParse`
 * rethrows the original error.
 */
export function identifyMismatch(
  error: unknown,
  envelopeParse: () => ParsedEvent<WebhookEvent> | PromiseLike<ParsedEvent<WebhookEvent>>,
): never | Promise<never> {
  if (!isMismatch(error) || error.details.eventId !== undefined) throw error;
  let parsed: ParsedEvent<WebhookEvent> | PromiseLike<ParsedEvent<WebhookEvent>>;
  try {
    parsed = envelopeParse();
  } catch {
    throw error;
  }
  if (!isThenable<ParsedEvent<WebhookEvent>>(parsed)) throw identified(error, parsed);
  return Promise.resolve(parsed).then(
    (found) => {
      throw identified(error, found);
    },
    () => {
      throw error;
    },
  );
}

/**
 * The identity of a PAYLOAD_SCHEMA_MISMATCH thrown by an adapter built with `createAdapter`
 * (see {@link identifyMismatch}), or `undefined` for any other error.
 */
export function schemaMismatchIdentity(error: unknown): SchemaMismatchIdentity | undefined {
  if (!isMismatch(error)) return undefined;
  const { eventId, idSource, eventType, digest, keyIndex } = error.details;
  if (typeof eventId !== 'string' || eventId === '' || typeof eventType !== 'string') {
    return undefined;
  }
  if (typeof idSource !== 'string' || !ID_SOURCES.has(idSource)) return undefined;
  return {
    id: eventId,
    idSource: idSource as IdSource,
    type: eventType,
    ...(typeof digest === 'string' ? { digest } : {}),
    ...(typeof keyIndex === 'number' && Number.isSafeInteger(keyIndex) && keyIndex >= 0
      ? { keyIndex }
      : {}),
  };
}
