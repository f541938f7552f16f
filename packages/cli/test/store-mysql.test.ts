/** The store commands on the MySQL / MariaDB server in HOOKLATCH_MYSQL_URL (required with CI=true). */
import { mysqlInbox, mysqlStore } from '@hooklatch/store-sql/mysql';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { closedPort, closeSilentServers, silentPort, uniqueName } from './servers';
import { describeStoreCommands } from './store-scenario';

const url = serverUrl('mysql');

describe.skipIf(!url)('mysql', () => {
  const pool = mysql.createPool({ uri: url as string, connectionLimit: 4 });
  const table = uniqueName('hl_cli');
  const inboxTable = uniqueName('hl_cli_inbox');
  beforeAll(async () => {
    await mysqlStore({ client: pool, table }).createSchema();
    await mysqlInbox({ client: pool, table: inboxTable }).createSchema();
  });
  afterAll(async () => {
    await closeSilentServers();
    await pool.query(`DROP TABLE IF EXISTS ${table}, ${inboxTable}`);
    await pool.end();
  });
  describeStoreCommands({
    name: 'MySQL',
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
      store: mysqlStore({ client: pool, table, prefix: `${id}:` }),
      inbox: mysqlInbox({ client: pool, table: inboxTable, queue: id }),
    }),
    unreachable: async () => ({
      refused: `mysql://root@127.0.0.1:${await closedPort()}/hooklatch`,
      silent: `mysql://root@127.0.0.1:${await silentPort()}/hooklatch`,
    }),
  });
});
