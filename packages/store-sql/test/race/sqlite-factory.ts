/**
 * runClaimRace child factory: a store-opened SQLite file (WAL, busy timeout) shared by every
 * child through HOOKLATCH_RACE_SQLITE_FILE.
 */
import { sqliteStore } from '../../src/index';

/** A store that opens the shared file itself. */
export async function createStore(prefix: string) {
  const store = sqliteStore({
    filename: process.env.HOOKLATCH_RACE_SQLITE_FILE as string,
    timeoutMs: 30_000,
    prefix,
  });
  // Opens the file (first statement) before the start barrier.
  await store.get('warm-up');
  return store;
}
