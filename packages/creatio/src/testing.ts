/**
 * @hooklatch/creatio/testing: Creatio-like deliveries for tests, authenticated with the same
 * `auth` entries the `creatio()` adapter takes, signed by the adapter's own verifier pair (so a
 * builder can never drift from what the adapter accepts). No test runner needed.
 *
 * @module
 */
import { type AdapterAuth, authVerifier, type Secret } from '@hooklatch/core/kit';
import { CREATIO_AUTH, type CreatioAuth } from './auth';
import { CREATIO_DEFAULT_NAME } from './options';

/** Options of {@link signedCreatioRequest}. */
export interface SignedCreatioRequestOptions {
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * A delivery ID to send in `deliveryIdHeader`; reuse it to simulate a retry.
   * @default undefined (no header, as Creatio sends none)
   */
  deliveryId?: string;
  /** The header carrying `deliveryId`. @default 'X-Creatio-Delivery-Id' */
  deliveryIdHeader?: string;
  /** How to authenticate: one entry as the adapter takes it. @default undefined (no auth) */
  auth?: CreatioAuth;
  /** Sign with this secret instead of the entry's (a forged delivery). */
  secret?: Secret;
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedCreatioRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/** Auth headers for `body` from one `auth` entry, as the adapter's verifier pair signs them. */
export function creatioAuthHeaders(
  auth: AdapterAuth,
  body: string,
  secret?: Secret,
): Record<string, string> {
  const verifier = authVerifier(CREATIO_DEFAULT_NAME, { auth }, CREATIO_AUTH);
  return (
    verifier.sign?.({
      body: new TextEncoder().encode(body),
      headers: {},
      timestamp: new Date(),
      keyIndex: 0,
      secret,
    }) ?? {}
  );
}

/**
 * Build a delivery for `parseEvent(creatio(...), ...)`. The signature covers the exact body
 * string returned, so pass a string payload to test a particular serialization.
 *
 * @example
 * const req = signedCreatioRequest({ payload: order, auth: { scheme: 'bearer', token } });
 */
export function signedCreatioRequest(options: SignedCreatioRequestOptions): SignedCreatioRequest {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.auth === undefined ? {} : creatioAuthHeaders(options.auth, body, options.secret)),
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
