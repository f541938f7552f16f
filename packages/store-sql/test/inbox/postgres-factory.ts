/** Child-process factory of the PostgreSQL inbox suite: its own pool, the parent's table. */
import type { InboxStore } from '@hooklatch/core';
import { postgresInbox } from '@hooklatch/store-sql/postgres';
import pg from 'pg';

const pools = new Map<InboxStore, pg.Pool>();

export async function createInbox(queue: string) {
  const pool = new pg.Pool({ connectionString: process.env.HOOKLATCH_PG_URL, max: 4 });
  const inbox = postgresInbox({ client: pool, table: process.env.HOOKLATCH_INBOX_TABLE, queue });
  pools.set(inbox, pool);
  return inbox;
}

export async function closeInbox(inbox: InboxStore) {
  await pools.get(inbox)?.end();
}
