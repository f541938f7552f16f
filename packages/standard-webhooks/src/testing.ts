/**
 * @hooklatch/standard-webhooks/testing: requests signed the way a Standard Webhooks sender signs
 * them, with the adapter's own `signStandardWebhook`: `v1` entries for `whsec_` secrets and `v1a`
 * entries for `whsk_` signing keys, all in one `webhook-signature` (or `svix-signature`) list.
 * No test runner needed.
 *
 * @module
 */
import { ConfigurationError } from '@hooklatch/core';
import { ed25519 } from '@noble/curves/ed25519.js';
import { encodeBase64 } from './base64';
import { nobleEd25519 } from './ed25519-noble';
import { STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX } from './keys';
import { signMessage, timestampSeconds } from './sign';

/** Options of {@link signedStandardWebhooksRequest}. Give at least one secret or signing key. */
export interface SignedStandardWebhooksRequestOptions {
  /** HMAC secret (`whsec_` + base64, or raw bytes); adds a `v1` entry. */
  secret?: string | Uint8Array;
  /** More HMAC secrets, one `v1` entry each (a sender mid-rotation signs with old and new). */
  secrets?: ReadonlyArray<string | Uint8Array>;
  /** ed25519 signing key (`whsk_` + base64 of the 32-byte seed or 64-byte seed+public key). */
  signingKey?: string | Uint8Array;
  /** More ed25519 signing keys, one `v1a` entry each. */
  signingKeys?: ReadonlyArray<string | Uint8Array>;
  /**
   * The payload, sent as `JSON.stringify(payload)`. The default depends on the `id` only, so two
   * calls with one `id` (a retry) send byte-identical bodies, and two ids two different bodies.
   * @default { type: 'test.event', timestamp: '2025-01-01T00:00:00.000Z', data: { id } }
   */
  payload?: unknown;
  /** The exact body to send and sign; wins over `payload`. */
  body?: string | Uint8Array;
  /** The `webhook-id`. @default a random `msg_...` ID */
  id?: string;
  /** The signed attempt time (a Date, or Unix seconds). @default now */
  timestamp?: Date | number;
  /** Send `webhook-*` (the spec) or `svix-*` header names. @default 'webhook' */
  headerFamily?: 'webhook' | 'svix';
}

/** A signed delivery, ready for `parseEvent`. */
export interface SignedStandardWebhooksRequest {
  method: 'POST';
  headers: Record<string, string>;
  body: string | Uint8Array;
}

/** An ed25519 key pair as Standard Webhooks serializes it. */
export interface StandardWebhooksKeyPair {
  /** `whsk_` + base64 of seed and public key (64 bytes): give it to the sender. */
  signingKey: string;
  /** `whpk_` + base64 of the 32-byte public key: give it to the receiver. */
  publicKey: string;
}

/** A new random ed25519 key pair (or a fixed one from a 32-byte `seed`, for reproducible tests). */
export function standardWebhooksKeyPair(seed?: Uint8Array): StandardWebhooksKeyPair {
  const secretKey = seed ?? ed25519.utils.randomSecretKey();
  const publicKey = ed25519.getPublicKey(secretKey);
  const both = new Uint8Array(64);
  both.set(secretKey.subarray(0, 32));
  both.set(publicKey, 32);
  return {
    signingKey: `${STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX}${encodeBase64(both)}`,
    publicKey: `whpk_${encodeBase64(publicKey)}`,
  };
}

/** A new random `whsec_` secret (24 bytes, the spec's minimum). */
export function standardWebhooksSecret(): string {
  return `whsec_${encodeBase64(crypto.getRandomValues(new Uint8Array(24)))}`;
}

/**
 * The event time of the default payload. Fixed, not "now": a retry re-sends the message as it
 * was, so a body holding the build time would make every retry read as a changed body.
 */
const DEFAULT_EVENT_TIME = '2025-01-01T00:00:00.000Z';

/** The default payload of message `id`: the same for every attempt, different per message. */
function defaultPayload(id: string) {
  return { type: 'test.event', timestamp: DEFAULT_EVENT_TIME, data: { id } };
}

function randomId(): string {
  return `msg_${encodeBase64(crypto.getRandomValues(new Uint8Array(15))).replace(/[+/=]/g, 'x')}`;
}

/** A signing key in the `whsk_` text form `signStandardWebhook` reads as ed25519. */
function asSigningKey(key: string | Uint8Array): string {
  if (typeof key !== 'string') return `${STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX}${encodeBase64(key)}`;
  return key.startsWith(STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX)
    ? key
    : `${STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX}${key}`;
}

/** Build a POST signed with every given secret (`v1`) and signing key (`v1a`). */
export function signedStandardWebhooksRequest(
  options: SignedStandardWebhooksRequestOptions,
): SignedStandardWebhooksRequest {
  const keys = [
    // An empty secret is kept, so the signer refuses it (CONFIG_INVALID) instead of dropping it.
    ...(options.secret !== undefined ? [options.secret] : []),
    ...(options.secrets ?? []),
    ...[...(options.signingKey ? [options.signingKey] : []), ...(options.signingKeys ?? [])].map(
      asSigningKey,
    ),
  ];
  if (keys.length === 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'signedStandardWebhooksRequest needs a secret or a signing key.',
      { details: { option: 'secret' } },
    );
  }
  const id = options.id ?? randomId();
  const body = options.body ?? JSON.stringify(options.payload ?? defaultPayload(id));
  const timestamp = timestampSeconds(options.timestamp ?? new Date(), 'standard-webhooks');
  const message = { id, timestamp, payload: body };
  const family = options.headerFamily ?? 'webhook';
  return {
    method: 'POST',
    headers: {
      [`${family}-id`]: id,
      [`${family}-timestamp`]: timestamp,
      // With ed25519 loaded: a builder signs `v1a` whatever entry the application imports.
      [`${family}-signature`]: keys.map((key) => signMessage(key, message, nobleEd25519)).join(' '),
      'content-type': 'application/json',
    },
    body,
  };
}
