/**
 * docs/inbox.md, "Workers in other processes": receivers and workers on PostgreSQL, any number
 * of each. Typechecked by the root tsconfig.
 */
import { inboxReceiver, type WorkerReport, worker } from '@hooklatch/core';
import { github } from '@hooklatch/github';
import { postgresInbox } from '@hooklatch/store-sql/postgres';
import { stripe } from '@hooklatch/stripe';
import pg from 'pg';

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL });
const inbox = postgresInbox({ client: pool, queue: 'webhooks' });
await inbox.createSchema(); // once, at deploy time; safe when many replicas run it

const adapters = [
  stripe({ secret: env.STRIPE_WEBHOOK_SECRET ?? 'whsec_docs_example' }),
  github({ secret: env.GITHUB_WEBHOOK_SECRET ?? 'docs-example' }),
];

/** In the web process: one receiver per route. */
export const receiveStripe = inboxReceiver({ adapter: adapters[0] as (typeof adapters)[0], inbox });

function log(report: WorkerReport) {
  if (report.kind === 'dead_lettered') console.error('dead letter', report.key, report.error.code);
  if (report.kind === 'complete_lost') console.error('will run again', report.key);
}

/** In each worker process: both providers' entries, eight at a time. */
export const running = worker({
  inbox,
  adapters,
  concurrency: 8,
  leaseMs: 60_000,
  retry: { baseMs: 2_000, maxMs: 30 * 60_000 },
  onReport: log,
  async handler(event, ctx) {
    console.log(event.provider, event.type, ctx.attempt, ctx.fence);
  },
});
