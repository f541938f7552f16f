/**
 * The README's quick start, compiled: the root tsconfig project typechecks it under
 * exactOptionalPropertyTypes and noUncheckedIndexedAccess, and a test
 * (packages/stripe/test/readme-quick-start.test.ts) fails when the README's lines are not here.
 */
import {
  errorResponse,
  handleWebhook,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
  replyResponse,
} from '@hooklatch/core';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

const store = memoryStore(); // one process only; use a Redis or SQL store in production
const adapter = stripe({
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: your app's own secret, not a build input
  secret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example',
});
export const fulfilled: string[] = []; // stands in for your business logic

async function fulfil(event: StripeEvent): Promise<void> {
  if (event.type === 'payment_intent.succeeded') fulfilled.push(event.payload.data.object.id);
}

/** Parse, claim and answer in three calls. */
export async function quickStart(request: Request): Promise<Response> {
  try {
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: your app's own secret, not a build input
    const event = await parseEvent(stripe({ secret: process.env.STRIPE_WEBHOOK_SECRET }), request);
    const outcome = await processOnce(store, event, async (e) => fulfil(e));
    return outcomeResponse(outcome); // 200 done/duplicate, 409 in flight, 422 mismatch, 500 failed, 503 store down
  } catch (error) {
    return errorResponse(error); // parseEvent refused it: 401 bad signature, 400 malformed, 413 too large...
  }
}

/** The whole route in one call. */
export async function oneCall(request: Request): Promise<Response> {
  const reply = await handleWebhook(request, { adapter, store, handler: fulfil }); // never throws
  return replyResponse(reply); // or res.writeHead(reply.status, reply.headers).end(reply.body)
}
