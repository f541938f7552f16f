import { webhookMiddleware } from '@hooklatch/hono';
import { Hono } from 'hono';
import { adapter, store } from './setup';

export const app = new Hono();
export const shipped: string[] = [];

// The route runs once per event, after verification; duplicates never reach it.
app.post('/webhooks/stripe', webhookMiddleware({ adapter, store }), async (c) => {
  const { event } = c.var.webhook;
  if (event.type === 'payment_intent.succeeded') shipped.push(event.payload.data.object.id);
  return c.json({ received: true }); // a non-2xx answer (or a throw) releases the claim
});
