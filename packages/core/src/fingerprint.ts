/**
 * Fallback event IDs for providers that send none.
 *
 * A fingerprint is `fp1:` + SHA-256 (hex) over length-prefixed parts: provider, subject, event
 * type, normalized timestamp, any extra discriminators (e.g. a changed field), and the SHA-256
 * of the canonical JSON of the payload minus declared volatile fields. Length prefixes make the
 * encoding injective: ("ab","c") and ("a","bc") can never produce the same key.
 *
 * The `fp1` algorithm is frozen: golden vectors in the tests pin it. A change means `fp2`.
 */

import { canonicalBody, canonicalHash } from './canonical-memo';
import { sha256Hex } from './crypto/index';

/** The version prefix of every fingerprint this release produces. */
export const FINGERPRINT_VERSION = 'fp1';

/** What goes into a fingerprint. */
export interface FingerprintInput {
  /** Provider name, e.g. `qualio`. */
  provider: string;
  /** The business object, e.g. `NC-2025-001`. */
  subject: string;
  /** The event type, e.g. `nc.updated`. */
  eventType: string;
  /** The source's own timestamp. Strings that parse as dates are normalized to ISO-8601 UTC. */
  timestamp: string | Date;
  /** The parsed payload. Hashed as canonical JSON, so key order and whitespace do not matter. */
  payload: unknown;
  /**
   * Dot paths removed before hashing: fields that change between re-deliveries of the same event
   * (a send time, an attempt counter). `*` matches any key or index.
   * @default []
   */
  volatileFields?: readonly string[];
  /** More discriminators, in order (e.g. the changed field name). @default [] */
  extra?: readonly string[];
}

/** Every part that went into a key, for debugging "why did these two (not) collapse?". */
export interface FingerprintExplanation {
  key: string;
  version: typeof FINGERPRINT_VERSION;
  parts: {
    provider: string;
    subject: string;
    eventType: string;
    timestamp: string;
    extra: readonly string[];
    payloadHash: string;
  };
  /** The canonical JSON that was hashed into `payloadHash`. */
  canonicalPayload: string;
}

function normalizeTimestamp(timestamp: string | Date): string {
  if (timestamp instanceof Date) {
    return Number.isNaN(timestamp.getTime()) ? 'Invalid Date' : timestamp.toISOString();
  }
  const parsed = Date.parse(timestamp);
  return Number.isNaN(parsed) ? timestamp : new Date(parsed).toISOString();
}

/** The UTF-8 length of `text` (a lone surrogate encodes as U+FFFD, 3 bytes), without encoding it. */
function utf8Length(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) length += 1;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two UTF-16 units, four bytes.
      length += 2;
      i++;
    } else length += 2;
  }
  return length;
}

/**
 * `<bytes>:<part>` for every part, as one text: its UTF-8 encoding is the concatenation of the
 * parts' encodings, each behind its byte length.
 */
function lengthPrefixed(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) text += `${utf8Length(part)}:${part}`;
  return text;
}

/** Compute a fingerprint and report every part that went into it. */
export function explainFingerprint(input: FingerprintInput): FingerprintExplanation {
  const body = canonicalBody(input.payload, input.volatileFields ?? []);
  const parts = {
    provider: input.provider,
    subject: input.subject,
    eventType: input.eventType,
    timestamp: normalizeTimestamp(input.timestamp),
    extra: [...(input.extra ?? [])],
    payloadHash: canonicalHash(body),
  };
  const digest = sha256Hex(
    lengthPrefixed([
      FINGERPRINT_VERSION,
      parts.provider,
      parts.subject,
      parts.eventType,
      parts.timestamp,
      String(parts.extra.length),
      ...parts.extra,
      parts.payloadHash,
    ]),
  );
  return {
    key: `${FINGERPRINT_VERSION}:${digest}`,
    version: FINGERPRINT_VERSION,
    parts,
    canonicalPayload: body.text,
  };
}

/** The `fp1:` key for an event without a provider ID. */
export function fingerprint(input: FingerprintInput): string {
  return explainFingerprint(input).key;
}
