/** The store commands on the PostgreSQL server in HOOKLATCH_PG_URL (required with CI=true). */
import { postgresInbox, postgresStore } from '@hooklatch/store-sql/postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { closedPort, closeSilentServers, silentPort, uniqueName } from './servers';
import { describeStoreCommands } from './store-scenario';

const url = serverUrl('pg');

describe.skipIf(!url)('postgres', () => {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const table = uniqueName('hl_cli');
  const inboxTable = uniqueName('hl_cli_inbox');
  beforeAll(async () => {
    await postgresStore({ client: pool, table }).createSchema();
    await postgresInbox({ client: pool, table: inboxTable }).createSchema();
  });
  afterAll(async () => {
    await closeSilentServers();
    await pool.query(`DROP TABLE IF EXISTS ${table}, ${inboxTable}`);
    await pool.end();
  });
  describeStoreCommands({
    name: 'PostgreSQL',
    purgesExpired: true,
    namespace: (id) => ({
      args: [
        '--store',
        url as string,
        '--table',
        table,
        '--inbox-table',
        inboxTable,
        '--prefix',
        `${id}:`,
        '--queue',
        id,
      ],
      store: postgresStore({ client: pool, table, prefix: `${id}:` }),
      inbox: postgresInbox({ client: pool, table: inboxTable, queue: id }),
    }),
    unreachable: async () => ({
      refused: `postgres://postgres@127.0.0.1:${await closedPort()}/hooklatch`,
      silent: `postgres://postgres@127.0.0.1:${await silentPort()}/hooklatch`,
    }),
  });
});
