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

const FIELDS = ['id', 'timestamp', 'signature'] as const;

/** The family a delivery's headers use. */
export function headerFamily(headers: Readonly<Record<string, string>>): HeaderFamily {
  // A spec header anywhere wins, so that a half-migrated sender is judged by the spec names.
  if (FIELDS.some((f) => headers[`webhook-${f}`] !== undefined)) return 'webhook';
  if (FIELDS.some((f) => headers[`svix-${f}`] !== undefined)) return 'svix';
  return 'webhook';
}

/**
 * Read ID, timestamp and signature from one family. A missing signature is SIGNATURE_MISSING
 * (401); a missing ID or timestamp is HEADER_MISSING (400); a timestamp that is not an integer
 * number of seconds is SIGNATURE_MALFORMED (400).
 */
export function readHeaders(headers: Readonly<Record<string, string>>): StandardWebhookHeaders {
  const family = headerFamily(headers);
  const signatureHeader = `${family}-signature`;
  const timestampHeader = `${family}-timestamp`;
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
  return requireHeader(headers, `${family}-id`).trim();
}
