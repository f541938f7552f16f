/**
 * docs/inbox.md, "Completing in your own transaction" and "Observing inbox mode": a worker on
 * PostgreSQL whose business write and inbox completion commit together, with hooks and a pino-
 * shaped logger; and the same on SQLite. Typechecked by the root tsconfig.
 */
import { type InboxHandlerContext, inboxReceiver, type Logger, worker } from '@hooklatch/core';
import { postgresInbox } from '@hooklatch/store-sql/postgres';
import { sqliteInbox } from '@hooklatch/store-sql/sqlite';
import { stripe } from '@hooklatch/stripe';
import Database from 'better-sqlite3';
import pg from 'pg';

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL });
const inbox = postgresInbox({ client: pool });
const adapter = stripe({ secret: env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example' });
declare const logger: Logger; // pino(), console, winston...

/** The receiver: a payload your schema refuses waits in the dead letters for a replay. */
export const receive = inboxReceiver({ adapter, inbox, schemaMismatch: 'dead_letter', logger });

export const drain = worker({
  inbox,
  adapter,
  schemaMismatch: 'dead_letter',
  logger,
  hooks: {
    onOutcome: (r) => console.log(r.outcome, r.key, r.claims, r.durationMs),
    onWarning: (r) => {
      if (r.warning.kind === 'dead_lettered')
        console.error('dead letter', r.key, r.warning.errorCode);
    },
  },
  async handler(event, ctx) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO orders (event_id, kind) VALUES ($1, $2)', [
        event.id,
        event.type,
      ]);
      // The completion joins the transaction: both commit, or neither (the entry runs again).
      if (!(await ctx.complete({ tx: client }))) throw new Error('taken over by another worker');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error; // a retry later, nothing of this attempt kept
    } finally {
      client.release();
    }
  },
});

/** SQLite: a synchronous transaction on the inbox's own connection; the statement runs inside. */
const db = new Database('./data/app.db');
export const local = sqliteInbox({ database: db });

export async function fulfil(event: { id: string }, ctx: InboxHandlerContext) {
  let completed: Promise<boolean> | undefined;
  db.transaction(() => {
    db.prepare('INSERT INTO orders (event_id) VALUES (?)').run(event.id);
    completed = ctx.complete({ tx: db });
  })();
  if (!(await completed)) throw new Error('taken over by another worker');
}
