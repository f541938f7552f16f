/** What every integration example shares: the Stripe adapter, a store, and one typed router. */
import { memoryStore, router } from '@hooklatch/core';
import { STRIPE_EVENT_TYPES, STRIPE_THIN_EVENT_TYPES, stripe } from '@hooklatch/stripe';

export const adapter = stripe({
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: your app's own secret, not a build input
  secret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example',
});
export const store = memoryStore(); // one process only; use a Redis or SQL store in production

export const paid: string[] = []; // stands in for your business logic
export const unknownTypes: string[] = [];

// One handler for every Stripe event type, each route typed by its event type.
export const handler = router<typeof adapter>({
  types: [...STRIPE_EVENT_TYPES, ...STRIPE_THIN_EVENT_TYPES],
})
  .on('payment_intent.succeeded', async (event) => {
    paid.push(event.payload.data.object.id); // narrowed: a PaymentIntent
    return { fulfilled: event.payload.data.object.amount };
  })
  .on(['charge.refunded', 'charge.dispute.created'], async (event) => {
    return { charge: event.payload.data.object.id };
  })
  .fallback(({ known, type }) => {
    // known: a Stripe type without a route (acknowledged); unknown: newer than this SDK.
    if (!known) unknownTypes.push(type);
  });
