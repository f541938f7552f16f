/**
 * docs/inbox.md, "Set up": the receive route and a worker in one process, on the embedded SQLite
 * inbox. Typechecked by the root tsconfig.
 */
import { createServer } from 'node:http';
import { inboxReceiver, worker } from '@hooklatch/core';
import { sqliteInbox } from '@hooklatch/store-sql/sqlite';
import { type StripeEvent, stripe } from '@hooklatch/stripe';

const inbox = sqliteInbox({ filename: './data/inbox.db' });
await inbox.createSchema();
// biome-ignore lint/suspicious/noUndeclaredEnvVars: your app's own secret, not a build input
const adapter = stripe({ secret: process.env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example' });

/** Stands in for your API client: it takes an idempotency key like Stripe's or an email API's. */
async function ship(
  paymentIntent: string,
  options: { idempotencyKey: string; signal: AbortSignal },
) {
  await fetch('https://shipping.example/labels', {
    method: 'POST',
    headers: { 'idempotency-key': options.idempotencyKey },
    body: JSON.stringify({ paymentIntent }),
    signal: options.signal,
  });
}

const drain = worker({
  inbox,
  adapter,
  concurrency: 8,
  maxAttempts: 10,
  async handler(event: StripeEvent, ctx) {
    if (event.type !== 'payment_intent.succeeded') return;
    // The same key on every retry and replay of this event: the label is bought once.
    const idempotencyKey = ctx.idempotencyKey('shipping-label');
    await ship(event.payload.data.object.id, { idempotencyKey, signal: ctx.signal });
  },
});

// Kept durably, then answered: 202 at once, however slow the handler is.
const receive = inboxReceiver({ adapter, inbox, onEnqueued: () => drain.wake() });

const server = createServer(async (req, res) => {
  const reply = await receive(req);
  res.writeHead(reply.status, reply.headers).end(reply.body);
}).listen(3000);

process.on('SIGTERM', async () => {
  server.close();
  await drain.stop({ graceMs: 20_000 }); // finishes or releases what it holds
  await inbox.close();
});
