/**
 * The MySQL / MariaDB inbox through the shared inbox suite, against the server in
 * HOOKLATCH_MYSQL_URL (SKIP LOCKED needs MariaDB 10.6+ or MySQL 8). The outage runs the inbox
 * through a TCP proxy that resets every connection and refuses new ones for a while.
 */
import { fileURLToPath } from 'node:url';
import { mysqlInbox, mysqlInboxSchemaSql } from '@hooklatch/store-sql/mysql';
import { tcpProxy } from '@hooklatch/testing';
import { describeInbox } from '@hooklatch/testing/vitest';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const url = serverUrl('mysql');

describe.skipIf(!url)('mysql inbox', () => {
  const table = uniqueName('hl_inbox_my');
  const pool = mysql.createPool({ uri: url as string, connectionLimit: 6 });
  beforeAll(() => mysqlInbox({ client: pool, table }).createSchema());
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  describeInbox({
    name: 'mysql (mysql2 Pool)',
    create: ({ queue }) => mysqlInbox({ client: pool, table, queue }),
    processes: {
      factoryModule: fileURLToPath(new URL('./inbox/mysql-factory.ts', import.meta.url)),
      env: { HOOKLATCH_INBOX_TABLE: table },
    },
    async outage(queue) {
      const target = new URL(url as string);
      const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 3306) });
      target.port = String(proxy.port);
      const proxied = mysql.createPool({
        uri: target.toString(),
        connectionLimit: 4,
        connectTimeout: 500,
      });
      return {
        inbox: mysqlInbox({ client: proxied, table, queue, timeoutMs: 1_000 }),
        begin: async () => proxy.down(),
        end: async () => proxy.up(),
        async close() {
          await proxied.end();
          await proxy.close();
        },
      };
    },
  });

  it('the schema SQL creates the same table createSchema would', async () => {
    const other = uniqueName('hl_inbox_my_ddl');
    try {
      await pool.query(mysqlInboxSchemaSql(other));
      const inbox = mysqlInbox({ client: pool, table: other });
      await inbox.createSchema();
      expect((await inbox.stats()).total).toBe(0);
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${other}`);
    }
  });

  it('refuses a single connection: claims need a pool', () => {
    const fake = { query: async () => [[], []] as [unknown, unknown] };
    expect(() => mysqlInbox({ client: fake as never })).toThrow(/Pool/);
  });
});
