/**
 * docs/recipes/outbox.md, the relay: send each committed outbox row downstream with its
 * `Idempotency-Key`, at least once, and mark it sent. Any number of relays can run: a row is
 * leased to one of them (`FOR UPDATE SKIP LOCKED`), and a relay that dies mid-send loses the
 * lease, so another sends it again with the same key. Typechecked by the root tsconfig; run by
 * packages/recipes-test against a real PostgreSQL.
 */
import { retryDelay } from '@hooklatch/core';
import type { Pool } from 'pg';
import { checkTable } from './outbox';

/** A leased outbox row. */
export interface OutboxRow {
  id: string;
  idempotencyKey: string;
  destination: string;
  body: unknown;
  /** 1 on the first send; more after a failure or a relay that died. */
  attempts: number;
}

/** Make the downstream call; throw when it did not succeed (it is sent again later). */
export type OutboxSender = (row: OutboxRow, signal: AbortSignal) => Promise<void>;

/** Options of {@link outboxRelay}. */
export interface OutboxRelayOptions {
  pool: Pool;
  table: string;
  send: OutboxSender;
  /** How long a row is leased to the relay sending it; a send is aborted at half. @default 30_000 */
  leaseMs?: number;
  /** Rows leased at once. @default 10 */
  batchSize?: number;
  /** Wait between polls while nothing is due. @default 500 */
  pollMs?: number;
  /** Backoff after a failed send: a random delay below min(maxMs, baseMs * 2^(attempts-1)). */
  retry?: { baseMs?: number; maxMs?: number };
}

/** POST the row's body as JSON to its destination URL, with `Idempotency-Key`. */
export function httpSender(): OutboxSender {
  return async (row, signal) => {
    const response = await fetch(row.destination, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': row.idempotencyKey },
      body: JSON.stringify(row.body),
      signal,
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`downstream answered ${response.status}`);
  };
}

/** A relay: `runOnce()` sends one batch; `start()` polls until `stop()`. */
export function outboxRelay(options: OutboxRelayOptions) {
  const table = checkTable(options.table);
  const leaseMs = options.leaseMs ?? 30_000;
  const pollMs = options.pollMs ?? 500;
  let running: Promise<void> | undefined;
  let stopping = false;

  async function lease(): Promise<OutboxRow[]> {
    const { rows } = await options.pool.query(
      `UPDATE ${table} SET attempts = attempts + 1,
         locked_until = now() + $1 * interval '1 millisecond'
       WHERE id IN (
         SELECT id FROM ${table}
         WHERE sent_at IS NULL AND (locked_until IS NULL OR locked_until < now())
         ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING id, idempotency_key, destination, body, attempts`,
      [leaseMs, options.batchSize ?? 10],
    );
    return rows.map((r) => ({
      id: String(r.id),
      idempotencyKey: r.idempotency_key,
      destination: r.destination,
      body: r.body,
      attempts: r.attempts,
    }));
  }

  async function deliver(row: OutboxRow): Promise<boolean> {
    try {
      await options.send(row, AbortSignal.timeout(Math.ceil(leaseMs / 2)));
    } catch (error) {
      const wait = retryDelay(row.attempts, options.retry);
      const message = error instanceof Error ? error.message : 'send failed';
      await options.pool.query(
        `UPDATE ${table} SET locked_until = now() + $2 * interval '1 millisecond',
           last_error = $3 WHERE id = $1 AND sent_at IS NULL`,
        [row.id, wait, message.slice(0, 500)],
      );
      return false;
    }
    // A crash right here sends the row again after its lease: the key makes that harmless.
    await options.pool.query(
      `UPDATE ${table} SET sent_at = now(), locked_until = NULL, last_error = NULL WHERE id = $1`,
      [row.id],
    );
    return true;
  }

  /** Lease and send one batch; resolves to how many rows were sent. */
  async function runOnce(): Promise<number> {
    const sent = await Promise.all((await lease()).map(deliver));
    return sent.filter(Boolean).length;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let busy = false;
      try {
        busy = (await runOnce()) > 0;
      } catch {
        // The database is away: poll again; leased rows come back when their lease ends.
      }
      if (!busy && !stopping) await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  return {
    runOnce,
    start(): void {
      stopping = false;
      running ??= loop().finally(() => {
        running = undefined;
      });
    },
    /** Stop polling; resolves once the current batch is done. */
    async stop(): Promise<void> {
      stopping = true;
      await running;
    },
  };
}
