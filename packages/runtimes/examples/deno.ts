import { handleWebhook, memoryStore, replyResponse } from '@hooklatch/core';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

const adapter = stripe({ secret: Deno.env.get('STRIPE_WEBHOOK_SECRET') ?? '' });
const store = memoryStore(); // one process; use a Redis or SQL store when you run several

async function fulfil(event: StripeEvent) {
  if (event.type === 'payment_intent.succeeded') {
    console.log(`paid ${event.payload.data.object.id}`);
  }
}

Deno.serve({ port: Number(Deno.env.get('PORT') ?? 8000) }, async (request) =>
  replyResponse(await handleWebhook(request, { adapter, store, handler: fulfil })),
);
