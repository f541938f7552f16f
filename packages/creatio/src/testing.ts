/**
 * @hooklatch/creatio/testing: Creatio-like deliveries for tests, authenticated with the same
 * `auth` entries the `creatio()` adapter takes and signed by the adapter's own verifier pair (so
 * a builder can never drift from what the adapter accepts). No test runner needed.
 *
 * @module
 */
import { type AuthRequestOptions, authRequest } from '@hooklatch/core/kit';
import { CREATIO_AUTH, type CreatioAuth } from './auth';
import { CREATIO_DEFAULT_NAME } from './options';

/** Options of {@link signedCreatioRequest}. */
export interface SignedCreatioRequestOptions extends AuthRequestOptions {
  /** How to authenticate: one entry as the adapter takes it. @default undefined (no auth) */
  auth?: CreatioAuth | undefined;
  /**
   * A delivery ID to send in `deliveryIdHeader`; reuse it to simulate a retry.
   * @default undefined (no header, as Creatio sends none)
   */
  deliveryId?: string;
  /** The header carrying `deliveryId`. @default 'X-Creatio-Delivery-Id' */
  deliveryIdHeader?: string;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedCreatioRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/**
 * Build a delivery for `parseEvent(creatio(...), ...)`.
 *
 * @example
 * const req = signedCreatioRequest({ payload: order, auth: { scheme: 'bearer', token } });
 */
export function signedCreatioRequest(options: SignedCreatioRequestOptions): SignedCreatioRequest {
  const { deliveryId, deliveryIdHeader = 'X-Creatio-Delivery-Id', headers, ...rest } = options;
  return authRequest(CREATIO_DEFAULT_NAME, CREATIO_AUTH, {
    ...rest,
    headers: {
      ...(deliveryId === undefined ? {} : { [deliveryIdHeader]: deliveryId }),
      ...headers,
    },
  });
}
