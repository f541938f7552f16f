/**
 * The webhook route in its own process, for the crash-before-commit test: `node --import tsx
 * route-child.ts <pg url> <dedupe table> <outbox table> <payments table> <warehouse url>
 * <leaseMs>`, with a signed delivery as JSON on argv[8]. It runs the recipe's handler, prints
 * `written` once the payment row and the dedupe mark are written inside the transaction, and
 * then waits there, uncommitted, for the parent's SIGKILL.
 */
import { postgresStore } from '@hooklatch/store-sql/postgres';
import type { StripeEvent } from '@hooklatch/stripe';
import pg from 'pg';
import { outboxHandler } from '../../../../docs/snippets/recipes/outbox';
import { paymentsRoute, recordPayment } from '../../../../docs/snippets/recipes/outbox-example';
import { adapter } from './stripe-events';

const [url, dedupe, outbox, payments, warehouseUrl, leaseMs, delivery] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 4 });
const store = postgresStore({ client: pool, table: dedupe as string });
const write = recordPayment({ payments: payments as string, warehouseUrl: warehouseUrl as string });
const handler = outboxHandler<StripeEvent>({
  pool,
  table: outbox as string,
  write: async (tx, event) => {
    const messages = await write(tx, event);
    console.log('written');
    await new Promise(() => {}); // the crash comes here, before COMMIT
    return messages;
  },
});
const route = paymentsRoute({ adapter, store, handler, leaseMs: Number(leaseMs) });
const reply = await route(JSON.parse(delivery as string));
console.log(`answered ${reply.status}`);
