/**
 * The adapter the inbox suite delivers with: a timestamped HMAC (`x-inboxtest-timestamp`,
 * `x-inboxtest-signature: hex(HMAC-SHA256(secret, "<timestamp>.<body>"))`, 5 minutes of
 * tolerance) over a JSON body `{ id, type, ... }`. Signed and timestamped on purpose: a worker
 * that re-parses a stored delivery without its original `receivedAt` fails on old entries.
 */
import { Buffer } from 'node:buffer';
import {
  PayloadError,
  VerificationError,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import {
  checkTimestamp,
  hmacSha256,
  parseJsonBody,
  requireHeader,
  timingSafeEqual,
} from '@hooklatch/core/kit';

/** The payload of a suite delivery. */
export interface InboxTestPayload {
  id: string;
  type: string;
  /** Child workers in `hang` mode hang on such an entry (the SIGKILL case). */
  hang?: boolean;
  [field: string]: unknown;
}

/** An event of the suite's adapter. */
export type InboxTestEvent = WebhookEvent<string, InboxTestPayload>;

/** The suite's shared secret (a test value, not a secret). */
export const INBOX_TEST_SECRET = 'inbox-suite-secret';
const TOLERANCE_SECONDS = 300;

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** The suite's adapter, named `inboxtest`. */
export function inboxTestAdapter(secret = INBOX_TEST_SECRET): WebhookAdapter<InboxTestEvent> {
  return {
    name: 'inboxtest',
    retentionMs: 86_400_000,
    parse(delivery) {
      const stamp = requireHeader(delivery.headers, 'x-inboxtest-timestamp', 'SIGNATURE_MISSING');
      const given = requireHeader(delivery.headers, 'x-inboxtest-signature', 'SIGNATURE_MISSING');
      const content = Buffer.concat([Buffer.from(`${stamp}.`), delivery.rawBody]);
      const expected = hex(hmacSha256(secret, content));
      if (!timingSafeEqual(expected, given)) {
        throw new VerificationError('SIGNATURE_INVALID', 'x-inboxtest-signature does not match.');
      }
      checkTimestamp(
        Number(stamp),
        delivery.receivedAt,
        TOLERANCE_SECONDS,
        'x-inboxtest-timestamp',
      );
      const body = parseJsonBody(delivery.rawBody) as Partial<InboxTestPayload> | null;
      if (typeof body?.id !== 'string' || typeof body.type !== 'string') {
        throw new PayloadError('PAYLOAD_INVALID', 'The body needs string `id` and `type`.');
      }
      return { type: body.type, id: body.id, idSource: 'event', payload: body as InboxTestPayload };
    },
  };
}

/** Options of {@link inboxTestDelivery}. */
export interface InboxTestDeliveryOptions {
  /** When it was signed. @default new Date() */
  signedAt?: Date;
  secret?: string;
}

/** A signed delivery of `payload`: pass it to `parseEvent`, a receiver, or over HTTP. */
export function inboxTestDelivery(
  payload: InboxTestPayload,
  options: InboxTestDeliveryOptions = {},
): { method: 'POST'; headers: Record<string, string>; body: string } {
  const body = JSON.stringify(payload);
  const stamp = String(Math.floor((options.signedAt ?? new Date()).getTime() / 1000));
  const signature = hex(hmacSha256(options.secret ?? INBOX_TEST_SECRET, `${stamp}.${body}`));
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-inboxtest-timestamp': stamp,
      'x-inboxtest-signature': signature,
    },
    body,
  };
}
