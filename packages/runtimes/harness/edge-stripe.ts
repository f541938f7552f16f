/** The smallest real Worker with core + the Stripe adapter: what the edge size budget measures. */
import { handleWebhook, memoryStore, replyResponse } from '@hooklatch/core';
import { stripe } from '@hooklatch/stripe';

const store = memoryStore();

export default {
  async fetch(request: Request, env: { STRIPE_WEBHOOK_SECRET: string }): Promise<Response> {
    const adapter = stripe({ secret: env.STRIPE_WEBHOOK_SECRET });
    return replyResponse(await handleWebhook(request, { adapter, store, handler: () => {} }));
  },
};
