/**
 * @hooklatch/github/testing: GitHub deliveries for tests, signed by the adapter's own scheme
 * code (`signGithub`), so a builder can never drift from what `github()` accepts. No test
 * runner needed.
 *
 * @module
 */
import type { Secret } from '@hooklatch/core/kit';
import { GITHUB_HEADERS } from './headers';
import { signGithub } from './sign-verify';
import { GITHUB_SIGNATURE_HEADER } from './signature';

/** Options of {@link signedGithubRequest}. */
export interface SignedGithubRequestOptions {
  /** The webhook secret to sign with. */
  secret: Secret;
  /** The `X-GitHub-Event` value, e.g. `pull_request`. */
  event: string;
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The `X-GitHub-Delivery` GUID; reuse it to simulate a redelivery.
   * @default a random UUID
   */
  deliveryId?: string | undefined;
  /**
   * The `X-GitHub-Hook-ID` value.
   * @default '1'
   */
  hookId?: string | undefined;
  /**
   * Body encoding: `json` (application/json) or `form` (`payload=<urlencoded JSON>`).
   * @default 'json'
   */
  format?: 'json' | 'form' | undefined;
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedGithubRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/**
 * Build a delivery signed with `X-Hub-Signature-256` for `parseEvent(github(...), ...)`, with
 * the headers GitHub sends.
 *
 * @example
 * const req = signedGithubRequest({ secret, event: 'push', payload: { ref: 'refs/heads/main' } });
 */
export function signedGithubRequest(options: SignedGithubRequestOptions): SignedGithubRequest {
  const json =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const form = options.format === 'form';
  const body = form ? `payload=${encodeURIComponent(json)}` : json;
  const headers: Record<string, string> = {
    'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
    'user-agent': 'GitHub-Hookshot/hooklatch-testing',
    [GITHUB_HEADERS.event.toLowerCase()]: options.event,
    [GITHUB_HEADERS.delivery.toLowerCase()]: options.deliveryId ?? crypto.randomUUID(),
    [GITHUB_HEADERS.hookId.toLowerCase()]: options.hookId ?? '1',
    [GITHUB_SIGNATURE_HEADER.toLowerCase()]: signGithub(options.secret, body),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
