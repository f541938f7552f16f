/**
 * The parse rows of `npm run bench`: every floor and peer case measured interleaved (the store
 * benchmarks' harness, bench/store-measure.ts), each floor first checked to return the same
 * event as `parseEvent`. Printed as one table with the targets of issue 15. The portable row
 * runs in a child process of its own: a portable user's process never loads the Node build,
 * and after the Node-build rows the shared JIT and heap state moved that row by about 0.2.
 * Usage alone: tsx --tsconfig bench/tsconfig.json bench/parse-report.ts [--quick] [--only=<name>]
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { floorCases, type ParseCase } from './parse-cases';
import { reportParseCosts } from './parse-costs';
import { compareCalls, type ParseComparison } from './parse-measure';
import { PARSE_SIZES, type ParseSize } from './parse-payloads';
import { peerCases } from './parse-peers';
import { portableCases } from './parse-portable';

/** One printed row. */
export interface ParseRow {
  case: string;
  size: string;
  hooklatch: string;
  other: string;
  result: string;
  target: string;
  met: string;
}

const us = (ns: number) =>
  ns >= 100_000 ? `${(ns / 1000).toFixed(0)} µs` : `${(ns / 1000).toFixed(1)} µs`;

async function measure(c: ParseCase, quick: boolean): Promise<ParseComparison> {
  // A side that fails would be timed failing: run both once, and the floor's check, first.
  await c.ours();
  await c.other();
  await c.check?.();
  return compareCalls(
    c.ours,
    c.other,
    quick ? { pairs: 4, batchMs: 2 } : { pairs: 120, batchMs: 4 },
  );
}

function row(c: ParseCase, result: ParseComparison): ParseRow {
  const faster = c.target.kind === 'faster-at-least';
  // The pairs give ours / other; a speed-up is its inverse.
  const value = faster ? 1 / result.ratio : result.ratio;
  const spread = faster
    ? `${(1 / result.high).toFixed(2)}-${(1 / result.low).toFixed(2)}`
    : `${result.low.toFixed(2)}-${result.high.toFixed(2)}`;
  const met = faster ? value >= c.target.value : value <= c.target.value;
  return {
    case: c.ceiling ? `${c.name}: its floor (ceiling)` : c.name,
    size: c.size,
    hooklatch: c.ceiling ? `${us(result.oursNs)} (floor)` : us(result.oursNs),
    other: `${us(result.otherNs)} (${c.otherName})`,
    result: faster ? `${value.toFixed(2)}x faster (${spread})` : `${value.toFixed(2)} (${spread})`,
    target: faster ? `>= ${c.target.value}x faster` : `<= ${c.target.value.toFixed(2)}`,
    met: c.ceiling ? 'n/a' : met ? 'yes' : 'NO',
  };
}

const CHILD_FLAG = '--portable-child';

/** Measure the cases `only` keeps, in this process. */
async function measureRows(
  factories: Array<() => ParseCase>,
  quick: boolean,
  only: string | undefined,
): Promise<ParseRow[]> {
  const rows: ParseRow[] = [];
  for (const make of factories) {
    const c = make();
    if (only !== undefined && !`${c.name} ${c.size} ${c.otherName}`.includes(only)) continue;
    rows.push(row(c, await measure(c, quick)));
  }
  return rows;
}

/** The portable rows, measured in a fresh process (this file with CHILD_FLAG). */
function portableRows(quick: boolean, only: string | undefined): ParseRow[] {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG];
  if (quick) args.push('--quick');
  if (only !== undefined) args.push(`--only=${only}`);
  const out = execFileSync(process.execPath, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const last = out.trim().split('\n').pop() ?? '[]';
  return JSON.parse(last) as ParseRow[];
}

/** Measure and print every parse case (`only` keeps the cases whose name contains it). */
export async function reportParse(quick: boolean, only?: string): Promise<ParseRow[]> {
  const sizes = Object.keys(PARSE_SIZES) as ParseSize[];
  const rows = await measureRows([...floorCases(sizes), ...peerCases(sizes)], quick, only);
  rows.push(...portableRows(quick, only));
  console.log(
    `parse: ratio = median (middle half) of interleaved pairs; ${quick ? 'a smoke run, too short to judge the targets' : 'full run'}`,
  );
  console.table(rows);
  // The reason the peer targets are out of reach, measured in the same run.
  if (only === undefined) reportParseCosts(quick);
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const quick = process.argv.includes('--quick');
  if (process.argv.includes(CHILD_FLAG)) {
    // The parent reads the last line.
    console.log(JSON.stringify(await measureRows(await portableCases(), quick, only)));
  } else await reportParse(quick, only);
}
