/**
 * The store section of `npm run bench`: the memory store always, Redis, PostgreSQL and
 * MariaDB/MySQL when their URLs are set (locally a missing server skips its rows with a
 * warning; in CI it fails the run, as the store test suites do). One table, ratios printed,
 * nothing asserted. See bench/README.md and docs/benchmarks.md.
 * Usage: tsx --tsconfig bench/tsconfig.json bench/stores.ts [--quick] [--only=<stores>]
 * where <stores> is a comma-separated list of memory, redis, postgres, mysql.
 */
import { serverUrl } from '../packages/testing/test-support/require-server';
import type { StoreRow } from './store-measure';
import { memoryRows } from './store-memory';
import { redisRows } from './store-redis';
import { sqlRows } from './store-sql';

/** The stores `--only=` may name. */
export const STORE_NAMES = ['memory', 'redis', 'postgres', 'mysql'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Measure every store (or only those in `only`) and print the table. */
export async function reportStores(
  quick: boolean,
  only: readonly StoreName[] = STORE_NAMES,
): Promise<StoreRow[]> {
  const rows: StoreRow[] = [];
  if (only.includes('memory')) rows.push(...(await memoryRows(quick)));
  const redis = only.includes('redis') ? serverUrl('redis') : undefined;
  if (redis) rows.push(...(await redisRows(redis, quick)));
  const pg = only.includes('postgres') ? serverUrl('pg') : undefined;
  const mysql = only.includes('mysql') ? serverUrl('mysql') : undefined;
  if (pg || mysql) rows.push(...(await sqlRows({ pg, mysql }, quick)));
  console.log(
    `stores: ${quick ? 'quick smoke run' : 'full run'}, ratio = median (range) of interleaved rounds`,
  );
  console.table(rows);
  return rows;
}

/** The stores named by `--only=a,b` (every store without the flag); throws on an unknown one. */
export function parseOnly(argv: readonly string[]): StoreName[] {
  const flag = argv.find((a) => a.startsWith('--only='));
  if (flag === undefined) return [...STORE_NAMES];
  const names = flag.slice('--only='.length).split(',').filter(Boolean);
  for (const name of names) {
    if (!(STORE_NAMES as readonly string[]).includes(name)) {
      throw new Error(
        `bench/stores.ts: unknown store "${name}" (one of ${STORE_NAMES.join(', ')})`,
      );
    }
  }
  return names as StoreName[];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await reportStores(process.argv.includes('--quick'), parseOnly(process.argv));
}
