import { handleWebhook, memoryStore, replyResponse } from '@hooklatch/core';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

interface Env {
  STRIPE_WEBHOOK_SECRET: string;
}

// Lives as long as the isolate: it dedupes the copies that reach this isolate only.
const store = memoryStore();

async function fulfil(event: StripeEvent) {
  if (event.type === 'payment_intent.succeeded') {
    console.log(`paid ${event.payload.data.object.id}`);
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const adapter = stripe({ secret: env.STRIPE_WEBHOOK_SECRET });
    const reply = await handleWebhook(request, { adapter, store, handler: fulfil });
    return replyResponse(reply);
  },
};
