import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

const adapter = stripe({
  // During a secret roll list both; event.meta.keyIndex tells which one signed.
  secrets: [process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_new', 'whsec_old'],
});
const store = memoryStore(); // one process only; use a Redis or SQL store in production

export const paid: number[] = [];

async function handle(event: StripeEvent) {
  if (event.type === 'payment_intent.succeeded') {
    // Narrowed: data.object is a validated payment_intent.
    paid.push(event.payload.data.object.amount);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    // Claims `stripe:<evt_...>`; Stripe's retries of the same event are duplicates.
    return outcomeResponse(await processOnce(store, event, handle));
  } catch (error) {
    return errorResponse(error); // 401 bad signature or stale timestamp, 422 invalid payload...
  }
}
