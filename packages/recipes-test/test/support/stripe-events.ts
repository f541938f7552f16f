/**
 * Stripe deliveries for the recipes: a real `stripe()` adapter, and events signed by its own
 * scheme code (`@hooklatch/stripe/testing`), so every test goes through real verification and
 * parsing.
 */
import { randomUUID } from 'node:crypto';
import { stripe } from '@hooklatch/stripe';
import { type SignedStripeRequest, signedStripeRequest } from '@hooklatch/stripe/testing';

const SECRET = 'whsec_recipes_test_secret';

/** The adapter every recipe test verifies with. */
export const adapter = stripe({ secret: SECRET });

/** A `payment_intent.succeeded` event with a fresh ID (or `id`), as Stripe posts it. */
export function paymentSucceeded(
  options: { id?: string; amount?: number; order?: string } = {},
): Record<string, unknown> {
  const id = options.id ?? `evt_${randomUUID().replaceAll('-', '')}`;
  return {
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: `pi_${id.slice(4, 20)}`,
        object: 'payment_intent',
        amount: options.amount ?? 2000,
        amount_received: options.amount ?? 2000,
        currency: 'usd',
        status: 'succeeded',
        customer: 'cus_recipes',
        latest_charge: 'ch_recipes',
        metadata: { order: options.order ?? `order_${id.slice(4, 12)}` },
        created: Math.floor(Date.now() / 1000),
        livemode: false,
      },
    },
  };
}

/** The event signed now, as Stripe sends it: ready for `fetch` or `parseEvent`. */
export function signed(event: Record<string, unknown>): SignedStripeRequest {
  return signedStripeRequest({ secret: SECRET, payload: event });
}

/** A copy signed with a secret the adapter does not know. */
export function forged(event: Record<string, unknown>): SignedStripeRequest {
  return signedStripeRequest({ secret: 'whsec_not_the_endpoint_secret', payload: event });
}
