/**
 * The dedupe store (direct mode) and the inbox (inbox mode), named by one URL as the CLI names
 * stores. The default is the embedded SQLite: one file in the run's temp folder, holding both
 * tables. A shared server (Redis, PostgreSQL) gets names unique to the run, removed at the end.
 */
import { join } from 'node:path';
import { type DedupeStore, type InboxStore, memoryInbox, memoryStore } from '@hooklatch/core';

/** What the demo runs on. */
export interface DemoStores {
  /** The URL as printed: never a user name or password. */
  display: string;
  kind: 'sqlite' | 'memory' | 'redis' | 'postgres';
  store: DedupeStore;
  inbox: InboxStore;
  /** Close connections and remove what the run created on a shared server. */
  close(): Promise<void>;
}

/** The store URLs `--store` accepts, for messages. */
export const STORE_FORMS =
  'sqlite: (a temp file), sqlite:<file>, memory:, redis://..., postgres://...';

async function sqlite(filename: string, display: string): Promise<DemoStores> {
  const { sqliteInbox, sqliteStore } = await import('@hooklatch/store-sql/sqlite');
  const store = sqliteStore({ filename });
  const inbox = sqliteInbox({ filename });
  await store.createSchema();
  await inbox.createSchema();
  return {
    display,
    kind: 'sqlite',
    store,
    inbox,
    async close() {
      await inbox.close?.();
      await store.close();
    },
  };
}

async function redis(url: string, display: string, run: string): Promise<DemoStores> {
  const { default: Redis } = await import('ioredis');
  const { redisInbox, redisStore } = await import('@hooklatch/store-redis');
  // One connection attempt: a server that is down is reported at once, not retried forever.
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    retryStrategy: () => null,
  });
  let reason: Error | undefined;
  client.on('error', (error: Error) => {
    reason ??= error;
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`cannot reach ${display}: ${(reason ?? (error as Error)).message}`);
  }
  const prefix = `hooklatch-demo:${run}:`;
  return {
    display,
    kind: 'redis',
    store: redisStore({ client, prefix }),
    inbox: redisInbox({ client, prefix: `${prefix}inbox:` }),
    async close() {
      const keys = await client.keys(`${prefix}*`);
      if (keys.length > 0) await client.del(...keys);
      client.disconnect();
    },
  };
}

async function postgres(url: string, display: string, run: string): Promise<DemoStores> {
  const { default: pg } = await import('pg');
  const { postgresInbox, postgresStore } = await import('@hooklatch/store-sql/postgres');
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 3000 });
  const tables = [`hooklatch_demo_${run}`, `hooklatch_demo_inbox_${run}`] as const;
  const store = postgresStore({ client: pool, table: tables[0] });
  const inbox = postgresInbox({ client: pool, table: tables[1] });
  await store.createSchema();
  await inbox.createSchema();
  return {
    display,
    kind: 'postgres',
    store,
    inbox,
    async close() {
      for (const table of tables) await pool.query(`DROP TABLE IF EXISTS ${table}`);
      await pool.end();
    },
  };
}

/**
 * Open what `url` names. `dir` is the run's temp folder (for `sqlite:` without a file), `run`
 * a short unique name. Throws an Error whose message says what is accepted.
 */
export async function openStores(url: string, dir: string, run: string): Promise<DemoStores> {
  if (url === 'memory:' || url === 'memory') {
    return {
      display: 'memory:',
      kind: 'memory',
      store: memoryStore(),
      inbox: memoryInbox(),
      close: async () => {},
    };
  }
  if (url.startsWith('sqlite:')) {
    const given = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (given === '') return sqlite(join(dir, 'hooklatch.db'), 'sqlite: (temp file)');
    return sqlite(given, `sqlite:${given}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`--store: not a store URL; use ${STORE_FORMS}`);
  }
  const display = `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  if (parsed.protocol === 'redis:' || parsed.protocol === 'rediss:') {
    return redis(url, display, run);
  }
  if (parsed.protocol === 'postgres:' || parsed.protocol === 'postgresql:') {
    return postgres(url, display, run);
  }
  throw new Error(`--store: unknown scheme ${parsed.protocol}; use ${STORE_FORMS}`);
}
