/** Options of the Standard Webhooks adapter and its documented defaults. */
import type {
  JsonLimitOptions,
  OptionKeys,
  SchemaPolicy,
  SchemaPolicyOptions,
  SecretOptions,
} from '@hooklatch/core/kit';
import type { StandardWebhooksSchemaMap } from './envelope';

/** The default `name`: dedupe-key prefix and event provider name. */
export const STANDARD_WEBHOOKS_DEFAULT_NAME = 'standard-webhooks';

/** The spec's example schedule retries for about 75.5 hours; 4 days covers it with margin. */
export const STANDARD_WEBHOOKS_RETENTION_MS = 4 * 24 * 3600 * 1000;

/** The spec's and the reference libraries' tolerance: 5 minutes either way. */
export const STANDARD_WEBHOOKS_DEFAULT_TOLERANCE_SECONDS = 300;

/**
 * Body fields a sender changes between attempts of one message: none. The spec signs each
 * attempt anew because `webhook-timestamp` changes; the payload of a message is the same on
 * every attempt.
 */
export const STANDARD_WEBHOOKS_DIGEST_EXCLUDE: readonly string[] = Object.freeze([]);

/**
 * Options of `standardWebhooks`. Give at least one HMAC secret (`secret`/`secrets`, for `v1`
 * signatures) or one ed25519 public key (`publicKey`/`publicKeys`, for `v1a`); give both when the
 * sender may use either. Every option is checked when the adapter is created (CONFIG_INVALID
 * naming it).
 *
 * @typeParam M - the schema map (`events`), inferred from the value passed
 * @typeParam P - `schemaPolicy` as written, so the events are typed for it; a plain
 * `StandardWebhooksOptions` value types its events for both policies
 */
export interface StandardWebhooksOptions<
  M extends StandardWebhooksSchemaMap = {},
  P extends SchemaPolicy = SchemaPolicy,
> extends SecretOptions,
    JsonLimitOptions,
    SchemaPolicyOptions<P> {
  /**
   * The sender's ed25519 public key, `whpk_` + base64 (or its 32 raw bytes), for `v1a`
   * signatures. Use `publicKeys` during a rotation.
   */
  publicKey?: string | Uint8Array | undefined;
  /** Every currently valid ed25519 public key, newest first; any of them verifies. */
  publicKeys?: ReadonlyArray<string | Uint8Array> | undefined;
  /**
   * `false` accepts deliveries without checking their signatures (a test, a relay that
   * verified already). Cannot be combined with secrets or public keys.
   * @default undefined (verify; a secret or public key is required)
   */
  verify?: false | undefined;
  /**
   * Allowed difference between `webhook-timestamp` and `receivedAt`, in seconds, in both
   * directions. 0 or `Infinity` disables the check (only for replaying stored deliveries).
   * @default 300
   */
  toleranceSeconds?: number | undefined;
  /**
   * Zod schemas by event type (the body's `type` field). A delivery of a listed type is typed
   * by its schema; one that fails it is PAYLOAD_SCHEMA_MISMATCH or, under `schemaPolicy:
   * 'envelope'`, the envelope with `validated: false`. Any other type passes with the envelope
   * type. @default {}
   */
  events?: M | undefined;
  /**
   * Provider name, which prefixes every dedupe key. Set one per sender when several senders use
   * Standard Webhooks, so their message IDs can never collide.
   * @default 'standard-webhooks'
   */
  name?: string | undefined;
  /**
   * How long completed events are remembered, in ms: at least the sender's retry horizon.
   * @default 345_600_000 (4 days)
   */
  retentionMs?: number | undefined;
  /**
   * The event type used when the body has no `type` field (the field is only recommended).
   * @default 'unknown'
   */
  fallbackType?: string | undefined;
}

/** Every `standardWebhooks()` option, so a mistyped one is refused (the type keeps it complete). */
export const STANDARD_WEBHOOKS_OPTION_KEYS: OptionKeys<StandardWebhooksOptions> = {
  secret: true,
  secrets: true,
  publicKey: true,
  publicKeys: true,
  verify: true,
  toleranceSeconds: true,
  events: true,
  name: true,
  retentionMs: true,
  fallbackType: true,
  schemaPolicy: true,
  maxDepth: true,
};
