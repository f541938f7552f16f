/**
 * The three Standard Webhooks headers, under either name family: `webhook-*` (the spec) or
 * `svix-*` (Svix, which the spec grew out of and which many senders still use).
 */
import { VerificationError } from '@hooklatch/core';
import { requireHeader } from '@hooklatch/core/kit';

/** Which header family a delivery used. */
export type HeaderFamily = 'webhook' | 'svix';

/** The signed metadata of one delivery. */
export interface StandardWebhookHeaders {
  /** Which name family the headers came under. */
  family: HeaderFamily;
  /** The message ID: the same on every retry of one message. */
  id: string;
  /** The attempt's Unix time in seconds, as signed. */
  timestamp: string;
  /** The space-separated signature list. */
  signature: string;
  /** The name of the signature header, for error messages. */
  signatureHeader: string;
  /** The name of the timestamp header, for error messages. */
  timestampHeader: string;
}

/** Each family's three header names, made once rather than per delivery. */
const NAMES = {
  webhook: { id: 'webhook-id', timestamp: 'webhook-timestamp', signature: 'webhook-signature' },
  svix: { id: 'svix-id', timestamp: 'svix-timestamp', signature: 'svix-signature' },
} as const;

function uses(headers: Readonly<Record<string, string>>, family: HeaderFamily): boolean {
  const names = NAMES[family];
  return (
    headers[names.id] !== undefined ||
    headers[names.timestamp] !== undefined ||
    headers[names.signature] !== undefined
  );
}

/** The family a delivery's headers use. */
export function headerFamily(headers: Readonly<Record<string, string>>): HeaderFamily {
  // A spec header anywhere wins, so that a half-migrated sender is judged by the spec names.
  if (uses(headers, 'webhook')) return 'webhook';
  return uses(headers, 'svix') ? 'svix' : 'webhook';
}

/**
 * Read ID, timestamp and signature from one family. A missing signature is SIGNATURE_MISSING
 * (401); a missing ID or timestamp is HEADER_MISSING (400); a timestamp that is not an integer
 * number of seconds is SIGNATURE_MALFORMED (400).
 */
export function readHeaders(headers: Readonly<Record<string, string>>): StandardWebhookHeaders {
  const family = headerFamily(headers);
  const { signature: signatureHeader, timestamp: timestampHeader } = NAMES[family];
  const signature = requireHeader(headers, signatureHeader, 'SIGNATURE_MISSING');
  const id = messageId(headers, family);
  const timestamp = requireHeader(headers, timestampHeader).trim();
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `The ${timestampHeader} header is not a Unix time in whole seconds.`,
      { details: { header: timestampHeader } },
    );
  }
  return { family, id, timestamp, signature, signatureHeader, timestampHeader };
}

/** The message ID (`webhook-id` or `svix-id`), what `parse` keys the event on. */
export function messageId(headers: Readonly<Record<string, string>>, family: HeaderFamily): string {
  return requireHeader(headers, NAMES[family].id).trim();
}
