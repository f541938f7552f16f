/**
 * A relay in its own process, for the crash tests: `node --import tsx relay-child.ts <pg url>
 * <table> <leaseMs> <mode>`. Mode `send` runs the recipe's relay with `httpSender`; mode
 * `hang-before-send` leases rows and then stops short of sending (printing `leased <key>`),
 * so the parent can SIGKILL it between the commit and the send.
 */
import pg from 'pg';
import {
  httpSender,
  type OutboxSender,
  outboxRelay,
} from '../../../../docs/snippets/recipes/outbox-relay';

const [url, table, leaseMs, mode] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: url, max: 2 });
const http = httpSender();
const send: OutboxSender = async (row, signal) => {
  console.log(`leased ${row.idempotencyKey}`);
  if (mode === 'hang-before-send') await new Promise(() => {});
  console.log(`sending ${row.idempotencyKey}`);
  await http(row, signal);
  console.log(`sent ${row.idempotencyKey}`);
};
outboxRelay({ pool, table: table as string, send, leaseMs: Number(leaseMs), pollMs: 50 }).start();
console.log('ready');
