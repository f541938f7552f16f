/** What every framework example shares: one adapter, one store, one handler. */
import { memoryStore, type WebhookEvent } from '@hooklatch/core';
import { stripe } from '@hooklatch/stripe';

export const adapter = stripe({
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: your app's own secret, not a build input
  secret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example',
});
export const store = memoryStore(); // one process only; use a Redis or SQL store in production
export const handled: string[] = []; // stands in for your business logic

export async function handler(event: WebhookEvent) {
  handled.push(event.id);
  return { handled: event.type };
}
