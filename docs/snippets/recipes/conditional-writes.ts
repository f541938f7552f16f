/**
 * docs/recipes/conditional-writes.md: side effects that are safe to run twice, because the
 * database decides in one statement whether the write still applies. Typechecked by the root
 * tsconfig; run by packages/recipes-test against a real PostgreSQL.
 */
import type { Pool, PoolClient } from 'pg';

/** Your pool, or a client inside your transaction. */
export type Db = Pool | PoolClient;

/** The example tables. */
export const conditionalSchemaSql = `
CREATE TABLE IF NOT EXISTS shipments (
  event_key text PRIMARY KEY,
  order_id text NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
  id text PRIMARY KEY,
  status text NOT NULL,
  version integer NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS subscriptions (
  id text PRIMARY KEY,
  status text NOT NULL,
  event_at timestamptz NOT NULL
);`;

/**
 * Insert once: the effect's row is keyed by what makes it unique (the event's dedupe key), so a
 * second run inserts nothing. True when this call inserted it.
 */
export async function shipOnce(db: Db, eventKey: string, orderId: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO shipments (event_key, order_id) VALUES ($1, $2)
     ON CONFLICT (event_key) DO NOTHING`,
    [eventKey, orderId],
  );
  return rowCount === 1;
}

/**
 * Compare-and-set: change the order only if it is still the version you read. False means
 * someone else changed it in between: read it again and decide again (or stop).
 */
export async function setOrderStatus(
  db: Db,
  orderId: string,
  readVersion: number,
  status: string,
): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE orders SET status = $1, version = version + 1 WHERE id = $2 AND version = $3',
    [status, orderId, readVersion],
  );
  return rowCount === 1;
}

/** Read an order's status and version, for {@link setOrderStatus}. */
export async function readOrder(db: Db, orderId: string) {
  const { rows } = await db.query('SELECT status, version FROM orders WHERE id = $1', [orderId]);
  return rows[0] as { status: string; version: number } | undefined;
}

/**
 * Newest wins: providers do not deliver in order (a retry of an old event can land after a
 * newer one), so apply an event's state only if it is newer than what the row holds. True
 * when the row now reflects this event.
 */
export async function applySubscriptionEvent(
  db: Db,
  subscriptionId: string,
  status: string,
  occurredAt: Date,
): Promise<boolean> {
  const { rowCount } = await db.query(
    `INSERT INTO subscriptions AS s (id, status, event_at) VALUES ($1, $2, $3)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, event_at = EXCLUDED.event_at
     WHERE s.event_at < EXCLUDED.event_at`,
    [subscriptionId, status, occurredAt],
  );
  return rowCount === 1;
}
