/** The store commands on the PostgreSQL server in HOOKLATCH_PG_URL (required with CI=true). */
import { postgresInbox, postgresStore } from '@hooklatch/store-sql/postgres';
import pg from 'pg';
import { serverUrl } from '../../testing/test-support/require-server';
import { describeSqlServerCommands } from './sql-server-backend';

describeSqlServerCommands<pg.Pool>({
  name: 'PostgreSQL',
  url: serverUrl('pg'),
  scheme: 'postgres',
  connect: (url) => new pg.Pool({ connectionString: url, max: 4 }),
  query: (pool, sql) => pool.query(sql),
  end: (pool) => pool.end(),
  store: (client, table, prefix) => postgresStore({ client, table, ...(prefix ? { prefix } : {}) }),
  inbox: (client, table, queue) => postgresInbox({ client, table, ...(queue ? { queue } : {}) }),
});
