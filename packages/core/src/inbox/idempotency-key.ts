/**
 * `idempotencyKey(event, purpose)`: the key to send as `Idempotency-Key` (Stripe, email and SMS
 * APIs...) for one side effect of one event. The same in every retry, replay, worker and process,
 * different for every purpose, and part of the public contract: the derivation below never
 * changes within derivation version 1, whatever hooklatch version computes it.
 *
 * Derivation (version 1):
 *
 * 1. `input = JSON.stringify(["hooklatch/idempotency-key", 1, event.dedupeKey, purpose])`
 *    (ECMAScript's well-formed `JSON.stringify`: lone surrogates become `\udxxx` escapes, so
 *    distinct strings give distinct inputs, and the array form needs no separator);
 * 2. `digest = SHA-256(UTF-8(input))`;
 * 3. its first 16 bytes, with the version nibble set to 8 (`byte[6] = byte[6] & 0x0f | 0x80`)
 *    and the RFC 9562 variant (`byte[8] = byte[8] & 0x3f | 0x80`), written as a lower-case
 *    UUID: `xxxxxxxx-xxxx-8xxx-yxxx-xxxxxxxxxxxx`.
 *
 * A UUID (36 characters of `[0-9a-f-]`, an RFC 9562 version 8 UUID) fits every API's key rules:
 * the ones that take any string up to 255 (Stripe) or 45 characters (Square), and the ones that
 * insist on a UUID.
 */
import { sha256 } from '../crypto/index';
import { ConfigurationError } from '../errors';

const DERIVATION = 'hooklatch/idempotency-key';
const VERSION = 1;
const MAX_PURPOSE = 200;

function invalid(what: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `idempotencyKey: ${what}.`, {
    details: { option: what.split(' ')[0] },
  });
}

/**
 * A deterministic idempotency key for the side effect `purpose` (`'charge'`, `'welcome-email'`)
 * of `event`: the same event and purpose always give the same key; another purpose or another
 * event gives another. See the derivation above.
 *
 * @example
 * await stripe.refunds.create({ charge }, { idempotencyKey: idempotencyKey(event, 'refund') });
 */
export function idempotencyKey(event: { readonly dedupeKey: string }, purpose: string): string {
  const key = (event as { dedupeKey?: unknown } | null | undefined)?.dedupeKey;
  if (typeof key !== 'string' || key.length === 0) {
    throw invalid('event must have a dedupeKey (pass the event itself)');
  }
  if (typeof purpose !== 'string' || purpose.length === 0 || purpose.length > MAX_PURPOSE) {
    throw invalid(`purpose must be a string of 1 to ${MAX_PURPOSE} characters`);
  }
  const bytes = sha256(JSON.stringify([DERIVATION, VERSION, key, purpose])).slice(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
