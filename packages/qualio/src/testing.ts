/**
 * @hooklatch/qualio/testing: Qualio-like deliveries for tests, authenticated with the same
 * `auth` entries the `qualio()` adapter takes, signed by the adapter's own verifier pair (so a
 * builder can never drift from what the adapter accepts). No test runner needed.
 *
 * @module
 */
import { type AdapterAuth, authVerifier, type Secret } from '@hooklatch/core/kit';
import { QUALIO_AUTH, type QualioAuth } from './auth';
import { QUALIO_DEFAULT_NAME, QUALIO_DELIVERY_ID_HEADER } from './options';

/** Options of {@link signedQualioRequest}. */
export interface SignedQualioRequestOptions {
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The `X-Qualio-Delivery-Id`; reuse it to simulate a retry of one delivery.
   * @default undefined (no header, so the adapter fingerprints the event)
   */
  deliveryId?: string;
  /** How to authenticate: one entry as the adapter takes it. @default undefined (no auth) */
  auth?: QualioAuth;
  /** Sign with this secret instead of the entry's (a forged delivery). */
  secret?: Secret;
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedQualioRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/** Auth headers for `body` from one `auth` entry, as the adapter's verifier pair signs them. */
export function qualioAuthHeaders(
  auth: AdapterAuth,
  body: string,
  secret?: Secret,
): Record<string, string> {
  const verifier = authVerifier(QUALIO_DEFAULT_NAME, { auth }, QUALIO_AUTH);
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
 * Build a delivery for `parseEvent(qualio(...), ...)`. The signature covers the exact body
 * string returned, so pass a string payload to test a particular serialization.
 *
 * @example
 * const req = signedQualioRequest({ payload: ncUpdated, auth: { scheme: 'hmac', secret } });
 */
export function signedQualioRequest(options: SignedQualioRequestOptions): SignedQualioRequest {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.auth === undefined ? {} : qualioAuthHeaders(options.auth, body, options.secret)),
  };
  if (options.deliveryId !== undefined) {
    headers[QUALIO_DELIVERY_ID_HEADER.toLowerCase()] = options.deliveryId;
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
