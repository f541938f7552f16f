import { memoryStore } from '@hooklatch/core';
import { lambdaHandler } from '@hooklatch/lambda';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

// One store per execution environment: concurrent Lambda instances do not share memory, so
// production routes use @hooklatch/store-redis or @hooklatch/store-sql here.
const store = memoryStore();

export const fulfilled: string[] = [];

async function fulfil(event: StripeEvent) {
  if (event.type === 'payment_intent.succeeded') {
    fulfilled.push(event.payload.data.object.id);
  }
}

// API Gateway (REST or HTTP API), a function URL or an ALB target group: the same handler.
export const handler = lambdaHandler({
  adapter: stripe({ secret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example' }),
  store,
  handler: fulfil,
});
