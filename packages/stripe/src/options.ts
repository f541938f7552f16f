/** Options of the `stripe()` adapter and its documented defaults. */
import type {
  JsonLimitOptions,
  OptionKeys,
  SchemaPolicy,
  SchemaPolicyOptions,
  SecretOptions,
} from '@hooklatch/core/kit';

/**
 * Stripe's retry horizon: in live mode an undelivered event is re-sent with exponential backoff
 * for up to three days (https://docs.stripe.com/webhooks#automatic-retries,
 * https://docs.stripe.com/webhooks/process-undelivered-events). The window starts when the event
 * is created, so a record kept this long after processing outlives every automatic retry.
 */
export const STRIPE_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

/** Stripe's own default tolerance for the signed `t=` timestamp, in seconds. */
export const STRIPE_DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Body fields Stripe changes between delivery attempts of one event, left out of `event.digest`.
 * Stripe's Event objects never change once created (https://docs.stripe.com/webhooks/best-practices:
 * "Event objects can never be changed once created"), except `pending_webhooks`: the number of
 * endpoints still waiting for this event, which falls as other endpoints acknowledge it. The
 * `request` (`id`, `idempotency_key`) is fixed at creation and stays in the digest.
 */
export const STRIPE_DIGEST_EXCLUDE: readonly string[] = Object.freeze(['pending_webhooks']);

/**
 * Options of {@link stripe}. Pass `secret` (`whsec_...`), or `secrets`: a list while rotating
 * (or for two endpoints sharing one route, such as an account and a Connect endpoint), or a
 * resolver that picks them per delivery. `event.meta.keyIndex` says which secret matched. Every
 * option is checked when the adapter is created (CONFIG_INVALID naming it).
 *
 * The type parameters record `schemaPolicy` and `validatePayloads` as written, so the adapter's
 * events are typed for them; a plain `StripeOptions` value types its events for both policies.
 */
export interface StripeOptions<P extends SchemaPolicy = SchemaPolicy, V extends boolean = boolean>
  extends SecretOptions,
    JsonLimitOptions,
    SchemaPolicyOptions<P> {
  /**
   * Allowed distance between the signed `t=` timestamp and `receivedAt`, in seconds, checked in
   * both directions (a far-future timestamp is rejected too). 0 disables the check. When you
   * verify later from a queue, pass the original `receivedAt` to `parseEvent` instead of
   * raising this.
   * @default 300
   */
  toleranceSeconds?: number | undefined;
  /**
   * `false` accepts deliveries without checking `Stripe-Signature` (a private relay that
   * verified them already, a local test). It cannot be combined with `secret` or `secrets`.
   * @default undefined (a secret is required)
   */
  verify?: false | undefined;
  /**
   * How long a processed event ID is remembered (the dedupe TTL).
   * @default 259_200_000 (3 days, Stripe's live-mode retry window)
   */
  retentionMs?: number | undefined;
  /**
   * Validate the typed event types' `data.object` with their schemas. When false, every
   * snapshot event is checked against the envelope only and typed ones arrive with
   * `validated: false`.
   * @default true
   */
  validatePayloads?: V | undefined;
}

/** Every `stripe()` option, so a mistyped one is refused (the type keeps this list complete). */
export const STRIPE_OPTION_KEYS: OptionKeys<StripeOptions> = {
  secret: true,
  secrets: true,
  toleranceSeconds: true,
  verify: true,
  retentionMs: true,
  validatePayloads: true,
  schemaPolicy: true,
  maxDepth: true,
};
