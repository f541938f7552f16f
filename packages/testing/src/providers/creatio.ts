/**
 * Deliveries as a Creatio-like CRM sends them, for tests: a JSON body plus basic auth, a bearer
 * token, an HMAC header, or no credentials at all.
 */

import type { PlainDeliveryInput } from '@hooklatch/core';
import { encodeSignature, hmacSha256, type SignatureEncoding } from '@hooklatch/core/kit';
import { toBase64, utf8 } from './encoding';

/** How the request authenticates; leave `auth` out to send no credentials. */
export type CreatioRequestAuth =
  | { basic: { username: string; password: string } }
  | { bearer: string }
  | {
      /** Secret of the HMAC-SHA256 over the exact body bytes. */
      hmacSecret: string;
      /** @default 'X-Creatio-Signature' */
      header?: string;
      /** Text before the digest, e.g. `sha256=`. @default '' */
      prefix?: string;
      /** @default 'hex' */
      encoding?: SignatureEncoding;
    };

/** Options of {@link signedCreatioRequest}. */
export interface SignedCreatioRequestOptions {
  /** The body: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /** The credentials to send. @default undefined (none) */
  auth?: CreatioRequestAuth;
  /**
   * A delivery ID to send in `deliveryIdHeader`; reuse it to simulate a retry.
   * @default undefined (no header, as Creatio sends none)
   */
  deliveryId?: string;
  /** The header carrying `deliveryId`. @default 'X-Creatio-Delivery-Id' */
  deliveryIdHeader?: string;
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

function authHeaders(auth: CreatioRequestAuth | undefined, body: string): Record<string, string> {
  if (auth === undefined) return {};
  if ('basic' in auth) {
    const pair = `${auth.basic.username}:${auth.basic.password}`;
    return { authorization: `Basic ${toBase64(utf8(pair))}` };
  }
  if ('bearer' in auth) return { authorization: `Bearer ${auth.bearer}` };
  const header = (auth.header ?? 'X-Creatio-Signature').toLowerCase();
  const digest = hmacSha256(auth.hmacSecret, body);
  return { [header]: encodeSignature(digest, auth.encoding ?? 'hex', auth.prefix ?? '') };
}

/**
 * Build a delivery for `parseEvent(creatio(...), ...)`.
 *
 * @example
 * const req = signedCreatioRequest({ payload: order, auth: { bearer: 'token-1' } });
 */
export function signedCreatioRequest(options: SignedCreatioRequestOptions): PlainDeliveryInput & {
  headers: Record<string, string>;
  body: string;
} {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...authHeaders(options.auth, body),
  };
  if (options.deliveryId !== undefined) {
    headers[(options.deliveryIdHeader ?? 'X-Creatio-Delivery-Id').toLowerCase()] =
      options.deliveryId;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
