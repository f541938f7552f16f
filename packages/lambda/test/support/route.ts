/**
 * The route the tests deploy: `lambdaHandler` over the Stripe adapter and a memory store, with
 * a handler that records each payment it fulfils and can be held open to test in-flight copies.
 */
import { memoryStore } from '@hooklatch/core';
import { type StripeEvent, stripe } from '@hooklatch/stripe';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { lambdaHandler } from '../../src/index';
import type { Delivery } from './events';

export const SECRET = 'whsec_lambda_route_0123456789';

/** A Stripe event whose body holds non-ASCII text, so a byte-level mangling shows. */
export function paymentEvent(id = 'evt_lambda_1') {
  return {
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: 1_721_954_100,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: 'pi_lambda_1',
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'eur',
        status: 'succeeded',
        customer: null,
        created: 1_721_954_000,
        livemode: false,
        metadata: { note: 'Café crème ☕ für Zoë' },
      },
    },
  };
}

/** A signed Stripe delivery of `payload` (pretty-printed, as Stripe sends it). */
export function stripeDelivery(payload: unknown = paymentEvent(), base64 = false): Delivery {
  const body = JSON.stringify(payload, null, 2);
  const signed = signedStripeRequest({ secret: SECRET, payload: body });
  return { headers: signed.headers, body, base64 };
}

/** A fresh route with its own store and side-effect log. */
export function stripeRoute() {
  const fulfilled: string[] = [];
  let hold: Promise<void> | undefined;
  let release = () => {};
  const handler = lambdaHandler({
    adapter: stripe({ secret: SECRET }),
    store: memoryStore(),
    handler: async (event: StripeEvent) => {
      if (event.type === 'payment_intent.succeeded') {
        fulfilled.push(event.payload.data.object.metadata.note ?? '');
      }
      await hold;
    },
  });
  return {
    handler,
    fulfilled,
    /** Keep the next handler runs open until `release()`. */
    holdHandler() {
      hold = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}
