import { handleWebhook, memoryStore, replyResponse } from '@hooklatch/core';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

const adapter = stripe({ secret: Bun.env.STRIPE_WEBHOOK_SECRET ?? '' });
const store = memoryStore(); // one process; use a Redis or SQL store when you run several

async function fulfil(event: StripeEvent) {
  if (event.type === 'payment_intent.succeeded') {
    console.log(`paid ${event.payload.data.object.id}`);
  }
}

const server = Bun.serve({
  port: Number(Bun.env.PORT ?? 3000),
  fetch: async (request) =>
    replyResponse(await handleWebhook(request, { adapter, store, handler: fulfil })),
});
console.log(`Listening on ${server.url}`);
