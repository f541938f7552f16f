/** Options of the `github()` adapter. */
import type { JsonLimitOptions, SecretOptions } from '@hooklatch/core/kit';

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
 * Options of {@link github}. Pass `secret`, or `secrets` while rotating. Every option is checked
 * when the adapter is created (CONFIG_INVALID naming it).
 */
export interface GithubOptions extends SecretOptions, JsonLimitOptions {
  /**
   * How long a processed delivery GUID is remembered. GitHub Enterprise Server keeps deliveries
   * redeliverable for 7 days: pass `7 * 24 * 3600 * 1000` there.
   * @default 259_200_000 (3 days, github.com's redelivery window)
   */
  retentionMs?: number;
  /**
   * Validate typed events against the schemas generated from GitHub's webhook OpenAPI. When
   * false, every event is checked only against the envelope (a JSON object).
   * @default true
   */
  validatePayloads?: boolean;
}
