/**
 * @hooklatch/stripe/testing: Stripe deliveries for tests, signed by the adapter's own scheme
 * code (`signStripe`), so a builder can never drift from what `stripe()` accepts. No test
 * runner needed.
 *
 * @module
 */
import type { Secret } from '@hooklatch/core/kit';
import { signStripe } from './sign-verify';
import { STRIPE_SIGNATURE_HEADER } from './signature';

/** Options of {@link signedStripeRequest}. */
export interface SignedStripeRequestOptions {
  /** The endpoint signing secret (`whsec_...`) to sign with. */
  secret: Secret;
  /** The event: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The signed Unix timestamp, in seconds (`t=`).
   * @default the current time
   */
  timestamp?: number | undefined;
  /**
   * More secrets to add a `v1=` signature for, as Stripe does while an endpoint secret is being
   * rolled (one `v1` per active secret).
   * @default []
   */
  extraSecrets?: readonly Secret[];
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedStripeRequest {
  method: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/**
 * Build a delivery signed with `Stripe-Signature` for `parseEvent(stripe(...), ...)`, with the
 * headers Stripe sends.
 *
 * @example
 * const req = signedStripeRequest({ secret, payload: { id: 'evt_1', object: 'event', ... } });
 */
export function signedStripeRequest(options: SignedStripeRequestOptions): SignedStripeRequest {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const signature = signStripe([options.secret, ...(options.extraSecrets ?? [])], body, {
    timestamp: options.timestamp,
  });
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    [STRIPE_SIGNATURE_HEADER.toLowerCase()]: signature,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
