/**
 * docs/recipes/outbox.md, the example: a Stripe route that records the payment and asks the
 * warehouse to ship, through the outbox. Typechecked by the root tsconfig; run by
 * packages/recipes-test against a real PostgreSQL.
 */
import {
  type DedupeStore,
  type DeliveryInput,
  type EventHandler,
  errorReply,
  outcomeReply,
  parseEvent,
  processOnce,
  type WebhookAdapter,
  type WebhookEvent,
  type WebhookReply,
} from '@hooklatch/core';
import type { StripeEvent } from '@hooklatch/stripe';
import type { PoolClient } from 'pg';
import { checkTable, type OutboxMessage } from './outbox';

/** The business table of the example. */
export function paymentsSchemaSql(table: string): string {
  return `CREATE TABLE IF NOT EXISTS ${checkTable(table)} (
  payment_intent text PRIMARY KEY,
  amount bigint NOT NULL,
  currency text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);`;
}

/** The business write: one payment row, and one shipment request for the relay to send. */
export function recordPayment(options: { payments: string; warehouseUrl: string }) {
  const payments = checkTable(options.payments);
  return async (tx: PoolClient, event: StripeEvent): Promise<OutboxMessage[]> => {
    if (event.type !== 'payment_intent.succeeded') return [];
    const intent = event.payload.data.object;
    // The dedupe mark commits with this row, so the event does not run twice within its
    // retention; after it (a record expired or purged) the same event is new again, and must
    // commit as a no-op rather than fail every retry on the primary key.
    await tx.query(
      `INSERT INTO ${payments} (payment_intent, amount, currency) VALUES ($1, $2, $3)
       ON CONFLICT (payment_intent) DO NOTHING`,
      [intent.id, intent.amount, intent.currency],
    );
    return [
      {
        purpose: 'warehouse-shipment',
        destination: options.warehouseUrl,
        body: { paymentIntent: intent.id, order: intent.metadata.order ?? null },
      },
    ];
  };
}

/** The webhook route: verify, claim, run the handler (one transaction), answer. */
export function paymentsRoute<E extends WebhookEvent>(options: {
  adapter: WebhookAdapter<E>;
  store: DedupeStore;
  handler: EventHandler<E, void>;
  /** @default 300_000 */
  leaseMs?: number;
}): (input: DeliveryInput) => Promise<WebhookReply> {
  const processOptions = options.leaseMs === undefined ? {} : { leaseMs: options.leaseMs };
  return async (input) => {
    try {
      const event = await parseEvent(options.adapter, input);
      return outcomeReply(await processOnce(options.store, event, options.handler, processOptions));
    } catch (error) {
      return errorReply(error); // 401 bad signature, 400 malformed...: nothing was run
    }
  };
}
