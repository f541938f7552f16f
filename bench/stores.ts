/**
 * The store section of `npm run bench`: the memory store always, Redis, PostgreSQL and
 * MariaDB/MySQL when their URLs are set (locally a missing server skips its rows with a
 * warning; in CI it fails the run, as the store test suites do). One table, ratios printed,
 * nothing asserted. See bench/README.md and docs/benchmarks.md.
 * Usage: tsx --tsconfig bench/tsconfig.json bench/stores.ts [--quick]
 */
import { serverUrl } from '../packages/testing/test-support/require-server';
import type { StoreRow } from './store-measure';
import { memoryRows } from './store-memory';
import { redisRows } from './store-redis';
import { sqlRows } from './store-sql';

/** Measure every store and print the table. */
export async function reportStores(quick: boolean): Promise<StoreRow[]> {
  const rows = await memoryRows(quick);
  const redis = serverUrl('redis');
  if (redis) rows.push(...(await redisRows(redis, quick)));
  rows.push(...(await sqlRows({ pg: serverUrl('pg'), mysql: serverUrl('mysql') }, quick)));
  console.log(
    `stores: ${quick ? 'quick smoke run' : 'full run'}, ratio = median (range) of interleaved rounds`,
  );
  console.table(rows);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await reportStores(process.argv.includes('--quick'));
}
