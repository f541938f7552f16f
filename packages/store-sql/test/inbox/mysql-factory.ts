/** Child-process factory of the MySQL inbox suite: its own pool, the parent's table. */
import type { InboxStore } from '@hooklatch/core';
import { mysqlInbox } from '@hooklatch/store-sql/mysql';
import mysql from 'mysql2/promise';

const pools = new Map<InboxStore, mysql.Pool>();

export async function createInbox(queue: string) {
  const pool = mysql.createPool({
    uri: process.env.HOOKLATCH_MYSQL_URL as string,
    connectionLimit: 4,
  });
  const inbox = mysqlInbox({ client: pool, table: process.env.HOOKLATCH_INBOX_TABLE, queue });
  pools.set(inbox, pool);
  return inbox;
}

export async function closeInbox(inbox: InboxStore) {
  await pools.get(inbox)?.end();
}
