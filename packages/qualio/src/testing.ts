/**
 * @hooklatch/qualio/testing: Qualio-like deliveries for tests, authenticated with the same
 * `auth` entries the `qualio()` adapter takes and signed by the adapter's own verifier pair (so a
 * builder can never drift from what the adapter accepts). No test runner needed.
 *
 * @module
 */
import { type AuthRequestOptions, authRequest } from '@hooklatch/core/kit';
import { QUALIO_AUTH, type QualioAuth } from './auth';
import { QUALIO_DEFAULT_NAME, QUALIO_DELIVERY_ID_HEADER } from './options';

/** Options of {@link signedQualioRequest}. */
export interface SignedQualioRequestOptions extends AuthRequestOptions {
  /** How to authenticate: one entry as the adapter takes it. @default undefined (no auth) */
  auth?: QualioAuth | undefined;
  /**
   * The `X-Qualio-Delivery-Id`; reuse it to simulate a retry of one delivery.
   * @default undefined (no header, so the adapter fingerprints the event)
   */
  deliveryId?: string;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedQualioRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/**
 * Build a delivery for `parseEvent(qualio(...), ...)`. The signature covers the exact body
 * string returned, so pass a string payload to test a particular serialization.
 *
 * @example
 * const req = signedQualioRequest({ payload: ncUpdated, auth: { scheme: 'hmac', secret } });
 */
export function signedQualioRequest(options: SignedQualioRequestOptions): SignedQualioRequest {
  const { deliveryId, headers, ...rest } = options;
  return authRequest(QUALIO_DEFAULT_NAME, QUALIO_AUTH, {
    ...rest,
    headers: {
      ...(deliveryId === undefined ? {} : { [QUALIO_DELIVERY_ID_HEADER]: deliveryId }),
      ...headers,
    },
  });
}
