/** runClaimRace child factory: a pg Pool store on HOOKLATCH_PG_URL and HOOKLATCH_RACE_TABLE. */
import pg from 'pg';
import { postgresStore } from '../../src/index';

let pool: pg.Pool | undefined;

/** A store on its own pool (one per child process). */
export async function createStore(prefix: string) {
  pool = new pg.Pool({
    connectionString: process.env.HOOKLATCH_PG_URL,
    max: 10,
    connectionTimeoutMillis: 10_000,
  });
  return postgresStore({ client: pool, table: process.env.HOOKLATCH_RACE_TABLE as string, prefix });
}

/** End the pool the factory opened. */
export async function closeStore() {
  await pool?.end();
}
