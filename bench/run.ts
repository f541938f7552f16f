/**
 * hooklatch against its peers, as ratios measured in one run. See bench/README.md.
 * Usage: tsx bench/run.ts [--quick]
 */
import { cryptoBackend } from '@hooklatch/core';
import { reportObserve } from './observe';
import { reportParse } from './parse-report';
import { reportStores } from './stores';

const quick = process.argv.includes('--quick');

async function main(): Promise<void> {
  console.log(
    `hooklatch crypto backend: ${cryptoBackend()}; ${quick ? 'quick smoke run' : 'full run'}`,
  );
  // parseEvent against its floors and peers, interleaved (bench/parse-report.ts).
  await reportParse(quick);
  // Interleaved rounds of its own: a ratio of a few percent needs them (bench/observe.ts).
  await reportObserve(quick);
  // The stores: ratios over their floors, bytes, stalls and round trips (bench/stores.ts).
  await reportStores(quick);
}

await main();
