/** The store commands on the MySQL / MariaDB server in HOOKLATCH_MYSQL_URL (required with CI=true). */
import { mysqlInbox, mysqlStore } from '@hooklatch/store-sql/mysql';
import mysql from 'mysql2/promise';
import { serverUrl } from '../../testing/test-support/require-server';
import { describeSqlServerCommands } from './sql-server-backend';

describeSqlServerCommands<mysql.Pool>({
  name: 'MySQL',
  url: serverUrl('mysql'),
  scheme: 'mysql',
  connect: (uri) => mysql.createPool({ uri, connectionLimit: 4 }),
  query: (pool, sql) => pool.query(sql),
  end: (pool) => pool.end(),
  store: (client, table, prefix) => mysqlStore({ client, table, ...(prefix ? { prefix } : {}) }),
  inbox: (client, table, queue) => mysqlInbox({ client, table, ...(queue ? { queue } : {}) }),
});
