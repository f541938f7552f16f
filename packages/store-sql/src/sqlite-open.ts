/**
 * Opening the database file for `sqliteStore({ filename })`. better-sqlite3 is an optional peer
 * dependency, loaded on first use; a missing module then surfaces as the store's
 * CONFIG_INVALID (`reason: 'driver_missing'`), not as an outage.
 */
import type BetterSqlite3 from 'better-sqlite3';

type Loader = () => Promise<{ default: typeof BetterSqlite3 }>;

const loadDriver: Loader = () => import('better-sqlite3');

/** Open `filename` in WAL mode with `timeoutMs` as the busy timeout. `load` is for tests. */
export async function openSqliteFile(
  filename: string,
  timeoutMs: number,
  load: Loader = loadDriver,
): Promise<BetterSqlite3.Database> {
  const { default: Sqlite } = await load();
  const db = new Sqlite(filename, { timeout: timeoutMs });
  db.pragma('journal_mode = WAL');
  return db;
}
