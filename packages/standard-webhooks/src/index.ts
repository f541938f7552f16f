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
 * `signStandardWebhook` / `verifyStandardWebhook` sign and check one message on their own;
 * signed test deliveries come from `@hooklatch/standard-webhooks/testing`.
 *
 * @module
 */

export { standardWebhooks } from './adapter';
export type {
  KnownStandardWebhookEvent,
  KnownTypeOf,
  StandardWebhookEvent,
  StandardWebhookPayload,
  StandardWebhooksSchemaMap,
} from './envelope';
export { isEventType, standardWebhooksEnvelopeSchema } from './envelope';
export type { HeaderFamily } from './headers';
export {
  STANDARD_WEBHOOKS_PUBLIC_KEY_PREFIX,
  STANDARD_WEBHOOKS_SECRET_PREFIX,
  STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX,
} from './keys';
export type { StandardWebhooksOptions } from './options';
export {
  STANDARD_WEBHOOKS_DEFAULT_NAME,
  STANDARD_WEBHOOKS_DEFAULT_TOLERANCE_SECONDS,
  STANDARD_WEBHOOKS_DIGEST_EXCLUDE,
  STANDARD_WEBHOOKS_RETENTION_MS,
} from './options';
export type { StandardWebhookMessage, VerifyStandardWebhookOptions } from './sign';
export { signStandardWebhook, verifyStandardWebhook } from './sign';
export type { SignatureVersion } from './signature-header';
