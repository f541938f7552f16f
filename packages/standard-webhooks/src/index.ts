/**
 * @hooklatch/standard-webhooks: verify and normalize deliveries from any sender that follows the
 * Standard Webhooks spec (or Svix): `v1` HMAC-SHA256 with `whsec_` secrets, `v1a` ed25519 with
 * `whpk_` public keys, key rotation, two-sided timestamp tolerance, and `webhook-id` as the
 * dedupe ID.
 *
 * ```ts
 * const adapter = standardWebhooks({ secret: 'whsec_...' });
 * const event = await parseEvent(adapter, request);
 * ```
 *
 * @module
 */

export { standardWebhooks } from './adapter';
export type {
  EventSchemas,
  KnownStandardWebhookEvent,
  KnownTypeOf,
  StandardWebhookEvent,
  StandardWebhookPayload,
} from './envelope';
export { envelopeSchema, isEventType } from './envelope';
export type { HeaderFamily } from './headers';
export { PUBLIC_KEY_PREFIX, SECRET_PREFIX } from './keys';
export type { StandardWebhooksOptions } from './options';
export {
  DEFAULT_RETENTION_MS,
  DEFAULT_TOLERANCE_SECONDS,
  STANDARD_WEBHOOKS_DIGEST_EXCLUDE,
} from './options';
export type { SignatureVersion } from './signature-header';
export type { SignatureMatch } from './verify-signature';
