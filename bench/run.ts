/**
 * hooklatch against its peers, as ratios measured in one run. See bench/README.md.
 * Usage: tsx bench/run.ts [--quick]
 */
import { cryptoBackend } from '@hooklatch/core';
import { Bench } from 'tinybench';
import { type BenchCase, parseCases } from './cases';
import { reportObserve } from './observe';
import { reportStores } from './stores';

const quick = process.argv.includes('--quick');

function ns(mean: number | undefined): string {
  return mean === undefined ? 'n/a' : `${(mean * 1e6).toFixed(0)} ns`;
}

async function measure(c: BenchCase): Promise<{ ours: number; peer: number }> {
  const bench = new Bench({ time: quick ? 50 : 1000, warmupTime: quick ? 10 : 200 });
  bench.add('hooklatch', c.ours).add('peer', c.peer);
  await bench.run();
  const mean = (name: string) => {
    const task = bench.getTask(name);
    const latency = task?.result && 'latency' in task.result ? task.result.latency : undefined;
    if (latency === undefined) throw new Error(`${c.name}: ${name} produced no result`);
    return latency.mean;
  };
  return { ours: mean('hooklatch'), peer: mean('peer') };
}

async function main(): Promise<void> {
  console.log(
    `hooklatch crypto backend: ${cryptoBackend()}; ${quick ? 'quick smoke run' : '1 s per task'}`,
  );
  const cases = parseCases();
  const rows: Record<string, string>[] = [];
  for (const c of cases) {
    // Each side must work before it is timed: a benchmark of a failing call measures nothing.
    await c.ours();
    await c.peer();
    const { ours, peer } = await measure(c);
    rows.push({
      case: c.name,
      hooklatch: ns(ours),
      peer: `${ns(peer)} (${c.peerName})`,
      ratio: (ours / peer).toFixed(2),
    });
  }
  console.table(rows);
  for (const c of cases) await c.close?.();
  // Interleaved rounds of its own: a ratio of a few percent needs them (bench/observe.ts).
  await reportObserve(quick);
  // The stores: ratios over their floors, bytes, stalls and round trips (bench/stores.ts).
  await reportStores(quick);
}

await main();
