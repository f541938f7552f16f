/**
 * `mysql://` (and `mariadb://`): over a small `mysql2/promise` pool, checked with `SELECT 1`
 * first so a refused connection or bad credentials are reported as such.
 */
import { loadOptional } from '../optional-module';
import {
  connectOrFail,
  dedupeOptions,
  driverTimeout,
  inboxOptions,
  type StoreConnection,
  sqlConnection,
} from './connection';
import type { StoreSettings } from './options';

/** Connect to the MySQL / MariaDB database `settings.target` names. */
export async function connectMysql(settings: StoreSettings): Promise<StoreConnection> {
  const { target, timeoutMs } = settings;
  if (target.kind !== 'mysql') throw new TypeError('not a mysql target');
  const why = 'a mysql:// store';
  const sql = await loadOptional(
    '@hooklatch/store-sql',
    why,
    () => import('@hooklatch/store-sql/mysql'),
  );
  const { default: mysql } = await loadOptional('mysql2', why, () => import('mysql2/promise'));
  // mysql2 reads only mysql: URLs; mariadb: is the same protocol.
  const uri = target.url.replace(/^mariadb:/, 'mysql:');
  const pool = mysql.createPool({
    uri,
    connectionLimit: 2,
    connectTimeout: driverTimeout(timeoutMs),
  });
  const close = () => pool.end().catch(() => {});
  await connectOrFail(target, timeoutMs, pool.query('SELECT 1'), close);
  return sqlConnection(
    target,
    sql.mysqlStore({ client: pool, ...dedupeOptions(settings) }),
    () => sql.mysqlInbox({ client: pool, ...inboxOptions(settings) }),
    close,
  );
}
