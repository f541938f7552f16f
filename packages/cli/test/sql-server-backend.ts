/**
 * The store scenario on a SQL server (PostgreSQL, MySQL): its own dedupe and inbox tables for
 * the file, a prefix and a queue per test, and the failure URLs of the same scheme.
 */
import type { DedupeStore, InboxStore } from '@hooklatch/core';
import { afterAll, beforeAll, describe } from 'vitest';
import { closedPort, closeSilentServers, silentPort, uniqueName } from './servers';
import { describeStoreCommands } from './store-scenario';

/** One SQL server and its store package. */
export interface SqlServer<C> {
  name: string;
  /** The server's URL, or undefined to skip (see serverUrl). */
  url: string | undefined;
  /** `postgres` or `mysql`: the scheme of the failure URLs. */
  scheme: string;
  connect(url: string): C;
  query(client: C, sql: string): Promise<unknown>;
  end(client: C): Promise<void>;
  store(client: C, table: string, prefix?: string): DedupeStore & { createSchema(): Promise<void> };
  inbox(client: C, table: string, queue?: string): InboxStore & { createSchema(): Promise<void> };
}

/** Register the scenario on `server`. */
export function describeSqlServerCommands<C>(server: SqlServer<C>): void {
  describe.skipIf(!server.url)(server.name, () => {
    const url = server.url as string;
    const client = server.connect(url);
    const table = uniqueName('hl_cli');
    const inboxTable = uniqueName('hl_cli_inbox');
    beforeAll(async () => {
      await server.store(client, table).createSchema();
      await server.inbox(client, inboxTable).createSchema();
    });
    afterAll(async () => {
      await closeSilentServers();
      await server.query(client, `DROP TABLE IF EXISTS ${table}, ${inboxTable}`);
      await server.end(client);
    });
    describeStoreCommands({
      name: server.name,
      purgesExpired: true,
      namespace: (id) => ({
        args: [
          '--store',
          url,
          '--table',
          table,
          '--inbox-table',
          inboxTable,
          '--prefix',
          `${id}:`,
          '--queue',
          id,
        ],
        store: server.store(client, table, `${id}:`),
        inbox: server.inbox(client, inboxTable, id),
      }),
      unreachable: async () => ({
        refused: `${server.scheme}://root@127.0.0.1:${await closedPort()}/hooklatch`,
        silent: `${server.scheme}://root@127.0.0.1:${await silentPort()}/hooklatch`,
      }),
    });
  });
}
