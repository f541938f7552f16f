/** runClaimRace child factory: a mysql2 pool store on HOOKLATCH_MYSQL_URL and HOOKLATCH_RACE_TABLE. */
import mysql from 'mysql2/promise';
import { mysqlStore } from '../../src/index';

let pool: mysql.Pool | undefined;

/** A store on its own pool (one per child process). */
export async function createStore(prefix: string) {
  pool = mysql.createPool({
    uri: process.env.HOOKLATCH_MYSQL_URL as string,
    connectionLimit: 10,
    connectTimeout: 10_000,
  });
  return mysqlStore({ client: pool, table: process.env.HOOKLATCH_RACE_TABLE as string, prefix });
}

/** End the pool the factory opened. */
export async function closeStore() {
  await pool?.end();
}
