/** Signed Stripe deliveries for tests, built exactly as Stripe signs them. */
import type { PlainDeliveryInput } from '@hooklatch/core';
import { hmacSha256 } from '@hooklatch/core/kit';
import { concatBytes, toHex, utf8 } from './encoding';

/** Options of {@link signedStripeRequest}. */
export interface SignedStripeRequestOptions {
  /** The endpoint signing secret (`whsec_...`) to sign with. */
  secret: string;
  /** The event: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The signed Unix timestamp, in seconds (`t=`).
   * @default the current time
   */
  timestamp?: number;
  /**
   * More secrets to add a `v1=` signature for, as Stripe does while an endpoint secret is being
   * rolled (one `v1` per active secret).
   * @default []
   */
  extraSecrets?: readonly string[];
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** `v1` signature of one delivery: hex HMAC-SHA256 of `${t}.${body}`. */
function v1(secret: string, timestamp: number, body: string): string {
  return toHex(hmacSha256(secret, concatBytes(utf8(`${timestamp}.`), utf8(body))));
}

/**
 * Build a delivery signed with `Stripe-Signature` for `parseEvent(stripe(...), ...)`.
 *
 * @example
 * const req = signedStripeRequest({ secret, payload: { id: 'evt_1', object: 'event', ... } });
 */
export function signedStripeRequest(options: SignedStripeRequestOptions): PlainDeliveryInput & {
  headers: Record<string, string>;
  body: string;
} {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signatures = [options.secret, ...(options.extraSecrets ?? [])]
    .map((secret) => `v1=${v1(secret, timestamp, body)}`)
    .join(',');
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=utf-8',
    'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    'stripe-signature': `t=${timestamp},${signatures}`,
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
