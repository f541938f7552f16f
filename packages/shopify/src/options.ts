/** Options of the `shopify()` adapter and its documented defaults. */
import type {
  JsonLimitOptions,
  OptionKeys,
  SchemaPolicy,
  SchemaPolicyOptions,
  SecretOptions,
} from '@hooklatch/core/kit';

/**
 * Shopify's retry horizon: a failed delivery is retried 8 times over 4 hours, always with the
 * original payload (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism). The window
 * starts when the event is triggered, so a record kept 4 hours after processing outlives it.
 */
export const SHOPIFY_RETENTION_MS = 4 * 60 * 60 * 1000;

/**
 * Body fields Shopify changes between attempts of one delivery: none. Retries always carry the
 * original payload (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism); what
 * changes is headers only.
 */
export const SHOPIFY_DIGEST_EXCLUDE: readonly string[] = Object.freeze([]);

/**
 * Options of {@link shopify}. Pass the app's client secret as `secret`, or `secrets` while
 * rotating. Every option is checked when the adapter is created (CONFIG_INVALID naming it).
 *
 * The type parameters record `schemaPolicy` and `validatePayloads` as written, so the adapter's
 * events are typed for them; a plain `ShopifyOptions` value types its events for both policies.
 */
export interface ShopifyOptions<P extends SchemaPolicy = SchemaPolicy, V extends boolean = boolean>
  extends SecretOptions,
    JsonLimitOptions,
    SchemaPolicyOptions<P> {
  /**
   * `false` accepts deliveries without checking `X-Shopify-Hmac-Sha256` (a test, a trusted
   * relay that verified already). Cannot be combined with `secret`/`secrets`.
   * @default undefined (verify; a secret is required)
   */
  verify?: false | undefined;
  /**
   * How long a processed event ID is remembered (the dedupe TTL).
   * @default 14_400_000 (4 hours, Shopify's retry window)
   */
  retentionMs?: number | undefined;
  /**
   * Reject deliveries whose `X-Shopify-Triggered-At` is further than this from `receivedAt`, in
   * seconds, either way (TIMESTAMP_OUT_OF_TOLERANCE). Off by default: the header is not signed
   * (so this is no replay protection, and not a `toleranceSeconds`), and legitimate retries
   * arrive up to 4 hours late with the original time. Use the stale-retry guard to ignore
   * outdated payloads instead.
   * @default 0 (disabled)
   */
  maxEventAgeSeconds?: number | undefined;
  /**
   * Validate typed topics against their payload schemas. Turn off for subscriptions that use
   * `include_fields` (trimmed payloads); every payload is then checked as a JSON object only and
   * typed topics arrive with `validated: false`. `schemaPolicy: 'envelope'` keeps validating
   * what fits instead.
   * @default true
   */
  validatePayloads?: V | undefined;
}

/**
 * Every `shopify()` option, so a mistyped one is refused (the type keeps this list complete).
 * The pre-0.2 `toleranceSeconds` is not one: it is refused first, with its new name.
 */
export const SHOPIFY_OPTION_KEYS: OptionKeys<ShopifyOptions> = {
  secret: true,
  secrets: true,
  verify: true,
  retentionMs: true,
  maxEventAgeSeconds: true,
  validatePayloads: true,
  schemaPolicy: true,
  maxDepth: true,
};
