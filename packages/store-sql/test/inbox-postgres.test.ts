/**
 * The PostgreSQL inbox through the shared inbox suite, against the server in HOOKLATCH_PG_URL:
 * pg Pool here and in the child workers. The outage runs the inbox through a TCP proxy that
 * resets every connection and refuses new ones for a while.
 */
import { fileURLToPath } from 'node:url';
import { postgresInbox, postgresInboxSchemaSql } from '@hooklatch/store-sql/postgres';
import { tcpProxy } from '@hooklatch/testing';
import { describeInbox } from '@hooklatch/testing/vitest';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const url = serverUrl('pg');

describe.skipIf(!url)('postgres inbox', () => {
  const table = uniqueName('hl_inbox_pg');
  const pool = new pg.Pool({ connectionString: url, max: 6 });
  beforeAll(() => postgresInbox({ client: pool, table }).createSchema());
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  describeInbox({
    name: 'postgres (pg Pool)',
    create: ({ queue }) => postgresInbox({ client: pool, table, queue }),
    processes: {
      factoryModule: fileURLToPath(new URL('./inbox/postgres-factory.ts', import.meta.url)),
      env: { HOOKLATCH_INBOX_TABLE: table },
    },
    async outage(queue) {
      const target = new URL(url as string);
      const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
      target.port = String(proxy.port);
      const proxied = new pg.Pool({
        connectionString: target.toString(),
        max: 4,
        connectionTimeoutMillis: 500,
      });
      proxied.on('error', () => {}); // idle clients reset by the proxy
      return {
        inbox: postgresInbox({ client: proxied, table, queue, timeoutMs: 1_000 }),
        begin: async () => proxy.down(),
        end: async () => proxy.up(),
        async close() {
          await proxied.end();
          await proxy.close();
        },
      };
    },
  });

  it('works over postgres.js too, and the schema SQL is idempotent', async () => {
    const sql = postgres(url as string, { max: 2, onnotice: () => {} });
    const other = uniqueName('hl_inbox_pgjs');
    try {
      await sql.unsafe(postgresInboxSchemaSql(other));
      await sql.unsafe(postgresInboxSchemaSql(other));
      const inbox = postgresInbox({ client: sql, table: other, queue: 'js' });
      await inbox.createSchema();
      const body = new Uint8Array([0, 255, 128, 10]);
      const delivery = {
        key: 'k',
        provider: 'p',
        type: 't',
        method: 'POST',
        headers: { a: 'b' },
        body,
        receivedAt: new Date(1_700_000_000_123),
      };
      expect(await inbox.enqueue(delivery)).toEqual({ status: 'enqueued', state: 'pending' });
      const [claim] = await inbox.claim({ leaseMs: 10_000, limit: 5 });
      expect(Array.from(claim?.entry.body ?? [])).toEqual([0, 255, 128, 10]);
      expect(await inbox.complete('k', claim?.token as string)).toBe(true);
      expect((await inbox.stats()).states.completed).toBe(1);
    } finally {
      await sql.unsafe(`DROP TABLE IF EXISTS ${other}`);
      await sql.end();
    }
  });
});
