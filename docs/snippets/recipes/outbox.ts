/**
 * docs/recipes/outbox.md, the write side: the business write, an outbox row per downstream call
 * and the dedupe mark (`ctx.complete({ tx })`) commit in one PostgreSQL transaction, or none of
 * them does. `outbox-relay.ts` sends the rows afterwards. Typechecked by the root tsconfig; run
 * by packages/recipes-test against a real PostgreSQL.
 */
import {
  ConfigurationError,
  type EventHandler,
  idempotencyKey,
  type WebhookEvent,
} from '@hooklatch/core';
import type { Pool, PoolClient } from 'pg';

/** A downstream call to make once the transaction has committed. */
export interface OutboxMessage {
  /** What the call is for (`'warehouse-shipment'`): with the event, it makes the key. */
  purpose: string;
  /** Where the relay sends it (a URL for `httpSender`). */
  destination: string;
  /** The JSON body. */
  body: unknown;
}

/** Table names are spliced into SQL: letters, digits and `_` only. */
export function checkTable(table: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) {
    throw new ConfigurationError('CONFIG_INVALID', 'outbox: `table` must be a plain identifier.', {
      details: { option: 'table' },
    });
  }
  return table;
}

/** The outbox table; run it with your migrations. The key is unique: one row per side effect. */
export function outboxSchemaSql(table: string): string {
  const t = checkTable(table);
  return `CREATE TABLE IF NOT EXISTS ${t} (
  id bigserial PRIMARY KEY,
  idempotency_key text NOT NULL UNIQUE,
  destination text NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  sent_at timestamptz,
  last_error text
);
CREATE INDEX IF NOT EXISTS ${t}_unsent ON ${t} (id) WHERE sent_at IS NULL;`;
}

/** Options of {@link outboxHandler}. */
export interface OutboxHandlerOptions<E extends WebhookEvent> {
  /** The pool of the database that holds the dedupe table (postgresStore) and the outbox. */
  pool: Pool;
  /** The outbox table. */
  table: string;
  /** Your business writes, on the transaction's client; return the calls to make afterwards. */
  write: (tx: PoolClient, event: E) => Promise<OutboxMessage[]>;
}

/**
 * A `processOnce` handler that runs `write` and records its messages in one transaction with
 * the dedupe mark. Use it with a `postgresStore` on the same database.
 */
export function outboxHandler<E extends WebhookEvent>(
  options: OutboxHandlerOptions<E>,
): EventHandler<E, void> {
  const table = checkTable(options.table);
  return async (event, ctx) => {
    const tx = await options.pool.connect();
    let broken = false;
    try {
      await tx.query('BEGIN');
      // The mark first: if another delivery took the claim over, nothing else is written. It
      // commits with the rest, so a crash before COMMIT leaves the claim to expire and retry.
      if (!(await ctx.complete({ tx }))) throw new Error('outbox: the claim was lost');
      for (const message of await options.write(tx, event)) {
        await tx.query(
          `INSERT INTO ${table} (idempotency_key, destination, body) VALUES ($1, $2, $3)
           ON CONFLICT (idempotency_key) DO NOTHING`,
          [
            idempotencyKey(event, message.purpose),
            message.destination,
            JSON.stringify(message.body),
          ],
        );
      }
      await tx.query('COMMIT');
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection that could not roll back is not given to the next caller.
      tx.release(broken);
    }
  };
}
