/** Signed GitHub deliveries for tests, built exactly as GitHub signs them. */

import type { PlainDeliveryInput } from '@hooklatch/core';
import { hmacSha256 } from '@hooklatch/core/kit';
import { toHex } from './encoding';

/** Options of {@link signedGithubRequest}. */
export interface SignedGithubRequestOptions {
  /** The webhook secret to sign with. */
  secret: string;
  /** The `X-GitHub-Event` value, e.g. `pull_request`. */
  event: string;
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The `X-GitHub-Delivery` GUID; reuse it to simulate a redelivery.
   * @default a random UUID
   */
  deliveryId?: string;
  /**
   * The `X-GitHub-Hook-ID` value.
   * @default '1'
   */
  hookId?: string;
  /**
   * Body encoding: `json` (application/json) or `form` (`payload=<urlencoded JSON>`).
   * @default 'json'
   */
  format?: 'json' | 'form';
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/**
 * Build a delivery signed with `X-Hub-Signature-256` for `parseEvent(github(...), ...)`.
 *
 * @example
 * const req = signedGithubRequest({ secret, event: 'push', payload: { ref: 'refs/heads/main' } });
 */
export function signedGithubRequest(options: SignedGithubRequestOptions): PlainDeliveryInput & {
  headers: Record<string, string>;
  body: string;
} {
  const json =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const form = options.format === 'form';
  const body = form ? `payload=${encodeURIComponent(json)}` : json;
  const headers: Record<string, string> = {
    'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
    'user-agent': 'GitHub-Hookshot/hooklatch-testing',
    'x-github-event': options.event,
    'x-github-delivery': options.deliveryId ?? crypto.randomUUID(),
    'x-github-hook-id': options.hookId ?? '1',
    'x-hub-signature-256': `sha256=${toHex(hmacSha256(options.secret, body))}`,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
