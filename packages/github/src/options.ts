/** Options of the `github()` adapter. */
import type {
  JsonLimitOptions,
  OptionKeys,
  SchemaPolicy,
  SchemaPolicyOptions,
  SecretOptions,
} from '@hooklatch/core/kit';

/**
 * GitHub retention default: github.com keeps deliveries redeliverable for 3 days and never
 * retries on its own (https://docs.github.com/webhooks/testing-and-troubleshooting-webhooks/redelivering-webhooks).
 */
export const GITHUB_RETENTION_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Body fields GitHub changes between deliveries of one event: none. A redelivery re-sends the
 * stored payload byte for byte under the same `X-GitHub-Delivery` GUID; only headers differ.
 */
export const GITHUB_DIGEST_EXCLUDE: readonly string[] = Object.freeze([]);

/**
 * Options of {@link github}. Pass `secret`, or `secrets`: a list while rotating, or a resolver
 * that picks them per delivery (one route for several hooks). `event.meta.keyIndex` says which
 * secret matched. Every option is checked when the adapter is created (CONFIG_INVALID naming
 * it).
 *
 * The type parameters record `schemaPolicy` and `validatePayloads` as written, so the adapter's
 * events are typed for them; a plain `GithubOptions` value types its events for both policies.
 */
export interface GithubOptions<P extends SchemaPolicy = SchemaPolicy, V extends boolean = boolean>
  extends SecretOptions,
    JsonLimitOptions,
    SchemaPolicyOptions<P> {
  /**
   * `false` accepts deliveries without checking `X-Hub-Signature-256` (a webhook configured
   * without a secret on a private network, a local test). It cannot be combined with `secret`
   * or `secrets`.
   * @default undefined (a secret is required)
   */
  verify?: false | undefined;
  /**
   * How long a processed delivery GUID is remembered. GitHub Enterprise Server keeps deliveries
   * redeliverable for 7 days: pass `7 * 24 * 3600 * 1000` there.
   * @default 259_200_000 (3 days, github.com's redelivery window)
   */
  retentionMs?: number | undefined;
  /**
   * Validate typed events against the schemas generated from GitHub's webhook OpenAPI. When
   * false, every event is checked only against the envelope (a JSON object).
   * @default true
   */
  validatePayloads?: V | undefined;
}

/** Every `github()` option, so a mistyped one is refused (the type keeps this list complete). */
export const GITHUB_OPTION_KEYS: OptionKeys<GithubOptions> = {
  secret: true,
  secrets: true,
  verify: true,
  retentionMs: true,
  validatePayloads: true,
  schemaPolicy: true,
  maxDepth: true,
};
