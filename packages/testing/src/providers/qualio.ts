/**
 * Qualio-like deliveries for tests, authenticated the way the `qualio()` adapter's three schemes
 * expect: `X-Qualio-Signature: sha256=<hex>` over the raw body, an API-key header, or basic auth.
 */

import type { PlainDeliveryInput } from '@hooklatch/core';
import { hmacSha256 } from '@hooklatch/core/kit';
import { toBase64, toHex, utf8 } from './encoding';

/** How a built request authenticates; leave `auth` out for an unauthenticated request. */
export type SignedQualioRequestAuth =
  | {
      /** Sign the body with this secret (`X-Qualio-Signature: sha256=<hex>`). */
      hmacSecret: string | Uint8Array;
      /** The signature header. @default 'X-Qualio-Signature' */
      header?: string;
    }
  | {
      /** Send this key as is. */
      apiKey: string;
      /** The key's header. @default 'X-Api-Key' */
      header?: string;
    }
  | {
      /** Send `Authorization: Basic base64(username:password)`. */
      basic: { username: string; password: string };
    };

/** Options of {@link signedQualioRequest}. */
export interface SignedQualioRequestOptions {
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The `X-Qualio-Delivery-Id`; reuse it to simulate a retry of one delivery.
   * @default undefined (no header, so the adapter fingerprints the event)
   */
  deliveryId?: string;
  /** How to authenticate. @default undefined (no auth header) */
  auth?: SignedQualioRequestAuth;
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedQualioRequest extends PlainDeliveryInput {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

function authHeaders(
  auth: SignedQualioRequestAuth | undefined,
  body: string,
): Record<string, string> {
  if (auth === undefined) return {};
  if ('hmacSecret' in auth) {
    const header = (auth.header ?? 'X-Qualio-Signature').toLowerCase();
    return { [header]: `sha256=${toHex(hmacSha256(auth.hmacSecret, body))}` };
  }
  if ('apiKey' in auth) return { [(auth.header ?? 'X-Api-Key').toLowerCase()]: auth.apiKey };
  const { username, password } = auth.basic;
  return { authorization: `Basic ${toBase64(utf8(`${username}:${password}`))}` };
}

/**
 * Build a delivery for `parseEvent(qualio(...), ...)`. The HMAC is computed over the exact body
 * string returned, so pass a string payload to test a particular serialization.
 *
 * @example
 * const req = signedQualioRequest({ payload: ncUpdated, auth: { hmacSecret: secret } });
 */
export function signedQualioRequest(options: SignedQualioRequestOptions): SignedQualioRequest {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...authHeaders(options.auth, body),
  };
  if (options.deliveryId !== undefined) headers['x-qualio-delivery-id'] = options.deliveryId;
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
