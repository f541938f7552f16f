/**
 * `postgres://` and `postgresql://`: over `pg` when it is installed, else postgres.js. A small
 * pool (a command makes a few calls at most), and a `SELECT 1` first so a refused connection or
 * bad credentials are reported as such before any store call.
 */
import { loadFirst, loadOptional } from '../optional-module';
import {
  connectOrFail,
  dedupeOptions,
  driverTimeout,
  inboxOptions,
  type StoreConnection,
  sqlConnection,
} from './connection';
import type { StoreSettings } from './options';

interface OpenClient {
  client: unknown;
  close(): Promise<void>;
}

async function openClient(url: string, settings: StoreSettings): Promise<OpenClient> {
  const { timeoutMs } = settings;
  const driver = await loadFirst('a postgres:// store', [
    ['pg', () => import('pg')],
    ['postgres', () => import('postgres')],
  ]);
  if (driver.name === 'pg') {
    const pg = (driver.module as typeof import('pg')).default;
    const pool = new pg.Pool({
      connectionString: url,
      max: 2,
      connectionTimeoutMillis: driverTimeout(timeoutMs),
    });
    pool.on('error', () => {});
    const close = () => pool.end().catch(() => {});
    await connectOrFail(settings.target, timeoutMs, pool.query('SELECT 1'), close);
    return { client: pool, close };
  }
  const postgres = (driver.module as { default: typeof import('postgres') }).default;
  const sql = postgres(url, {
    max: 2,
    connect_timeout: Math.ceil(driverTimeout(timeoutMs) / 1000),
    onnotice: () => {},
  });
  const close = () => sql.end({ timeout: 1 }).catch(() => {});
  await connectOrFail(settings.target, timeoutMs, sql.unsafe('SELECT 1'), close);
  return { client: sql, close };
}

/** Connect to the PostgreSQL database `settings.target` names. */
export async function connectPostgres(settings: StoreSettings): Promise<StoreConnection> {
  const { target } = settings;
  if (target.kind !== 'postgres') throw new TypeError('not a postgres target');
  const sql = await loadOptional(
    '@hooklatch/store-sql',
    'a postgres:// store',
    () => import('@hooklatch/store-sql/postgres'),
  );
  const opened = await openClient(target.url, settings);
  const client = opened.client as Parameters<typeof sql.postgresStore>[0]['client'];
  return sqlConnection(
    target,
    sql.postgresStore({ client, ...dedupeOptions(settings) }),
    () => sql.postgresInbox({ client, ...inboxOptions(settings) }),
    opened.close,
  );
}
