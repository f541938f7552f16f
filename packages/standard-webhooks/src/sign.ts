/**
 * The octokit-shaped pair: `signStandardWebhook` writes a `webhook-signature` entry as a sender
 * does, `verifyStandardWebhook` checks one. The adapter's verifier and `sign` run this code.
 */
import { ConfigurationError, isHooklatchError } from '@hooklatch/core';
import {
  hmacSha256,
  knownOptions,
  type OptionKeys,
  optionInvalid,
  rawPayloadBytes,
  resolveSecrets,
  type Secret,
  toleranceOption,
} from '@hooklatch/core/kit';
import { encodeBase64 } from './base64';
import { type Ed25519Scheme, requireEd25519 } from './ed25519-scheme';
import {
  decodePublicKeys,
  decodeSecrets,
  decodeSigningKey,
  STANDARD_WEBHOOKS_PUBLIC_KEY_PREFIX,
  STANDARD_WEBHOOKS_SECRET_PREFIX,
  STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX,
} from './keys';
import {
  STANDARD_WEBHOOKS_DEFAULT_NAME,
  STANDARD_WEBHOOKS_DEFAULT_TOLERANCE_SECONDS,
} from './options';
import { readSignedParts, signedContent, verifySignedParts } from './verify-signature';

/** One signed message: the `webhook-id`, the attempt time and the exact body. */
export interface StandardWebhookMessage {
  /** The `webhook-id`. */
  id: string;
  /** The attempt time: a Date, Unix seconds, or the `webhook-timestamp` header value. */
  timestamp: Date | number | string;
  /** The exact body bytes (or text, sent as UTF-8). */
  payload: string | Uint8Array;
}

/** Options of {@link verifyStandardWebhook}. */
export interface VerifyStandardWebhookOptions {
  /** Allowed skew of the timestamp either way, in seconds; 0 disables. @default 300 */
  toleranceSeconds?: number;
  /** When the delivery arrived (pass the original time when verifying from a queue). @default now */
  receivedAt?: Date;
}

// Checked so that a mistyped key (`{ now }` for `receivedAt`) is refused, not ignored.
const VERIFY_OPTION_KEYS: OptionKeys<VerifyStandardWebhookOptions> = {
  toleranceSeconds: true,
  receivedAt: true,
};

/** A key ready to sign with: an HMAC key (`v1`) or an ed25519 seed (`v1a`). */
export interface SigningKey {
  version: 'v1' | 'v1a';
  key: Uint8Array;
}

/**
 * Read a signing secret: `whsk_` text is an ed25519 signing key, `whsec_` text an HMAC secret;
 * text without a prefix and raw bytes are of the `fallback` kind.
 */
export function signingKeyOf(secret: Secret, fallback: 'v1' | 'v1a', provider: string): SigningKey {
  const [checked] = resolveSecrets({ secret }, provider) as [Secret];
  // Prefixes are looked for past surrounding spaces, as keys.ts decodes them.
  const text = typeof checked === 'string' ? checked.trim() : undefined;
  const version =
    text === undefined
      ? fallback
      : text.startsWith(STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX)
        ? 'v1a'
        : text.startsWith(STANDARD_WEBHOOKS_SECRET_PREFIX)
          ? 'v1'
          : fallback;
  const key =
    version === 'v1a'
      ? decodeSigningKey(checked, provider)
      : (decodeSecrets([checked], provider, () => 'secret')[0] as Uint8Array);
  return { version, key };
}

/** One `<version>,<base64>` entry over the signed content (`ed` for a `v1a` key). */
export function signatureEntry(
  { version, key }: SigningKey,
  content: Uint8Array,
  ed: Ed25519Scheme | undefined,
  provider: string,
): string {
  const signature =
    version === 'v1'
      ? hmacSha256(key, content)
      : requireEd25519(ed, provider, 'secret').sign(content, key);
  return `${version},${encodeBase64(signature)}`;
}

/** The `webhook-timestamp` value of a time: whole Unix seconds. */
export function timestampSeconds(value: Date | number | string, provider: string): string {
  const seconds =
    value instanceof Date
      ? Math.floor(value.getTime() / 1000)
      : typeof value === 'string' && /^\d{1,15}$/.test(value.trim())
        ? Number(value)
        : value;
  if (typeof seconds !== 'number' || !Number.isSafeInteger(seconds) || seconds < 0) {
    throw optionInvalid(provider, 'timestamp', 'must be a Date or whole Unix seconds');
  }
  return String(seconds);
}

/** The message's ID and `webhook-timestamp` text; CONFIG_INVALID when either is unusable. */
function messageHeaders(message: StandardWebhookMessage, provider: string) {
  if (typeof message?.id !== 'string' || message.id.trim() === '') {
    throw optionInvalid(provider, 'id', 'must be the non-empty webhook-id');
  }
  return { id: message.id, timestamp: timestampSeconds(message.timestamp, provider) };
}

/**
 * The `webhook-signature` entry a sender writes for one message: `v1,<base64 HMAC-SHA256>` for
 * a `whsec_` secret (or raw HMAC key bytes), `v1a,<base64 ed25519>` for a `whsk_` signing key.
 * Join several with a space to sign with more than one key. A bad key is CONFIG_INVALID.
 *
 * @example
 * headers['webhook-signature'] = signStandardWebhook(secret, { id, timestamp: new Date(), payload });
 */
export function signStandardWebhook(secret: Secret, message: StandardWebhookMessage): string {
  return signMessage(secret, message, undefined);
}

/** {@link signStandardWebhook} with `ed` for `whsk_` keys (the `/ed25519` entry passes one). */
export function signMessage(
  secret: Secret,
  message: StandardWebhookMessage,
  ed: Ed25519Scheme | undefined,
): string {
  const provider = STANDARD_WEBHOOKS_DEFAULT_NAME;
  const body = rawPayloadBytes('signStandardWebhook', message?.payload);
  const { id, timestamp } = messageHeaders(message, provider);
  const key = signingKeyOf(secret, 'v1', provider);
  return signatureEntry(key, signedContent(id, timestamp, body), ed, provider);
}

/**
 * Whether `signature` (a `webhook-signature` list) signs `message` under one of the keys, with
 * the timestamp within `toleranceSeconds` of `receivedAt`. Keys are `whsec_` secrets (or raw
 * HMAC key bytes) for `v1` and `whpk_` public keys for `v1a`. `false` for a wrong, malformed or
 * stale signature, never a throw; a bad key is CONFIG_INVALID.
 *
 * @example
 * verifyStandardWebhook(secret, { id, timestamp, payload: rawBody }, headers['webhook-signature']);
 */
export function verifyStandardWebhook(
  secretOrSecrets: Secret | readonly Secret[],
  message: StandardWebhookMessage,
  signature: string,
  options: VerifyStandardWebhookOptions = {},
): boolean {
  return verifyMessage(secretOrSecrets, message, signature, options, undefined);
}

/** {@link verifyStandardWebhook} with `ed` for `whpk_` keys (the `/ed25519` entry passes one). */
export function verifyMessage(
  secretOrSecrets: Secret | readonly Secret[],
  message: StandardWebhookMessage,
  signature: string,
  options: VerifyStandardWebhookOptions,
  ed: Ed25519Scheme | undefined,
): boolean {
  knownOptions('verifyStandardWebhook', options, VERIFY_OPTION_KEYS);
  const provider = STANDARD_WEBHOOKS_DEFAULT_NAME;
  const all = resolveSecrets(
    Array.isArray(secretOrSecrets)
      ? { secrets: secretOrSecrets as readonly Secret[] }
      : { secret: secretOrSecrets as Secret },
    provider,
  );
  const isPublic = (s: Secret) =>
    typeof s === 'string' && s.trim().startsWith(STANDARD_WEBHOOKS_PUBLIC_KEY_PREFIX);
  // Secrets and public keys share the one argument, so it is what a bad key is named by.
  const argument = () => (Array.isArray(secretOrSecrets) ? 'secrets' : 'secret');
  const keys = {
    secrets: decodeSecrets(
      all.filter((s) => !isPublic(s)),
      provider,
      argument,
    ),
    publicKeys: decodePublicKeys(all.filter(isPublic), provider, ed, argument),
    ed25519: ed,
  };
  const tolerance = toleranceOption(
    provider,
    'toleranceSeconds',
    options.toleranceSeconds,
    STANDARD_WEBHOOKS_DEFAULT_TOLERANCE_SECONDS,
  );
  const body = rawPayloadBytes('verifyStandardWebhook', message?.payload);
  try {
    // A message without its ID or time is an unauthenticated one, not a configuration error.
    let parts: ReturnType<typeof messageHeaders>;
    try {
      parts = messageHeaders(message, provider);
    } catch {
      return false;
    }
    const { id, timestamp } = parts;
    const headers = {
      'webhook-id': id,
      'webhook-timestamp': timestamp,
      'webhook-signature': signature,
    };
    const signed = readSignedParts(headers, options.receivedAt ?? new Date(), tolerance);
    verifySignedParts(signed, body, keys, provider);
    return true;
  } catch (error) {
    // A bad signature, header or time is an answer; a configuration mistake is not.
    if (isHooklatchError(error) && !(error instanceof ConfigurationError)) return false;
    throw error;
  }
}
