/** Child-process factory of the SQLite inbox suite: the file named by the parent. */
import { sqliteInbox } from '@hooklatch/store-sql/sqlite';

export async function createInbox(queue: string) {
  const inbox = sqliteInbox({ filename: process.env.HOOKLATCH_INBOX_SQLITE_FILE as string, queue });
  await inbox.createSchema();
  return inbox;
}
