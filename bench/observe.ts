/**
 * The cost of observation (docs/observability.md#overhead). `processOnce` with its default
 * options (the console logger, which prints nothing on this path) on the memory store, a fresh
 * key per call (the full claim, handler and completion path), against the same pipeline with
 * the observation layer cut out: option checks plus `runOnce`, the internal step `processOnce`
 * wraps with channels, hooks and the logger. Both sides come from the TypeScript sources, so
 * they are the same build.
 * - `observe: nobody listening`: the price of being observable at all; target <= 1.02x.
 * - `observe: metrics()`: with an in-process recorder subscribed to every channel.
 *
 * A ratio of a few percent drowns in the noise of two timings taken one after the other (JIT
 * tiers, GC, other processes on the machine), so the sides are interleaved: batches of both
 * sides alternate in ABBA order (a drift hits both alike), each batch on a fresh store, with
 * its events built and the young generation collected before the clock starts (see
 * `minorGc`). The ratio is the median over every pair of batches (a pair hit by a pause or
 * another process is an outlier the median ignores); the spread of the rounds' medians says
 * how stable it is (within about 1% on a quiet 2-core machine).
 * Usage: tsx --tsconfig bench/tsconfig.json bench/observe.ts [--quick]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { WebhookEvent } from '../packages/core/src/event';
import { metrics } from '../packages/core/src/observe/metrics';
import { resolveProcessConfig } from '../packages/core/src/process/options';
import { runOnce } from '../packages/core/src/process/run-once';
import { processOnce } from '../packages/core/src/process-once';
import { memoryStore } from '../packages/core/src/store/memory-store';
import type { DedupeStore } from '../packages/core/src/store/types';

/** The target of `observe: nobody listening` (issue 15). */
export const MAX_IDLE_RATIO = 1.02;

/** How one side runs a batch of deliveries. */
type Side = (store: DedupeStore, events: readonly WebhookEvent[]) => Promise<void>;

/** One measured comparison. */
export interface ObserveResult {
  name: string;
  /** Median ratio (observed / bare) of every interleaved pair of batches. */
  ratio: number;
  /** The lowest and highest of the rounds' median ratios (how stable the number is). */
  min: number;
  max: number;
  /** Median nanoseconds per delivery, each side. */
  oursNs: number;
  bareNs: number;
}

const handler = () => ({ ok: true });

/**
 * A young-generation collection, run before each batch (outside the clock): otherwise a batch
 * inherits the garbage of the one before, and which side pays for the scavenge alternates
 * (batch times then swing 25% between two modes). Exposed at run time: tsx does not forward
 * `--expose-gc`.
 */
function minorGc(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
  return () => gc({ type: 'minor' });
}
let collect: (() => void) | undefined;

let serial = 0;
/** `count` verified events with keys no other batch uses. */
function events(count: number): WebhookEvent[] {
  const now = new Date();
  return Array.from({ length: count }, () => {
    const id = `evt_${(serial++).toString(36)}`;
    return {
      provider: 'bench',
      type: 'bench.event',
      id,
      idSource: 'event',
      dedupeKey: `bench:${id}`,
      occurredAt: now,
      receivedAt: now,
      meta: {},
      payload: null,
    };
  });
}

const observed: Side = async (store, batch) => {
  for (const event of batch) {
    const outcome = await processOnce(store, event, handler);
    if (outcome.outcome !== 'processed') throw new Error(`bench: ${outcome.outcome}`);
  }
};

const bare: Side = async (store, batch) => {
  for (const event of batch) {
    const outcome = await runOnce(resolveProcessConfig(store, handler, undefined), event);
    if (outcome.outcome !== 'processed') throw new Error(`bench: ${outcome.outcome}`);
  }
};

/** Nanoseconds per delivery of one batch of `side` on a fresh store. */
async function timeBatch(side: Side, size: number): Promise<number> {
  const store = memoryStore();
  const batch = events(size);
  collect ??= minorGc();
  collect();
  const started = process.hrtime.bigint();
  await side(store, batch);
  const ns = Number(process.hrtime.bigint() - started) / size;
  await store.close?.();
  return ns;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Interleaved rounds of `ours` against `bare`. */
async function compare(name: string, ours: Side, quick: boolean): Promise<ObserveResult> {
  const rounds = quick ? 3 : 15;
  const pairs = quick ? 4 : 40;
  const size = quick ? 200 : 500;
  // Warm up both sides to the optimizing tier before anything counts.
  for (let i = 0; i < (quick ? 4 : 40); i++) {
    await timeBatch(ours, size);
    await timeBatch(bare, size);
  }
  const roundRatios: number[] = [];
  const all: number[] = [];
  const oursNs: number[] = [];
  const bareNs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const ratios: number[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      // ABBA: whichever side goes first alternates, so neither always runs on a warmer heap.
      let a: number;
      let b: number;
      if (pair % 2 === 0) {
        a = await timeBatch(ours, size);
        b = await timeBatch(bare, size);
      } else {
        b = await timeBatch(bare, size);
        a = await timeBatch(ours, size);
      }
      ratios.push(a / b);
      oursNs.push(a);
      bareNs.push(b);
    }
    // A pair hit by a GC pause or another process is an outlier: medians ignore it.
    roundRatios.push(median(ratios));
    all.push(...ratios);
  }
  return {
    name,
    ratio: median(all),
    min: Math.min(...roundRatios),
    max: Math.max(...roundRatios),
    oursNs: median(oursNs),
    bareNs: median(bareNs),
  };
}

/** Both observe cases: nobody listening first, then with `metrics()` subscribed. */
export async function measureObserve(quick: boolean): Promise<ObserveResult[]> {
  const idle = await compare('observe: nobody listening', observed, quick);
  const recorder = metrics();
  try {
    const withMetrics = await compare('observe: metrics()', observed, quick);
    return [idle, withMetrics];
  } finally {
    recorder.close();
  }
}

/** Print the two cases (run.ts calls this after the timing table). */
export async function reportObserve(quick: boolean): Promise<void> {
  const results = await measureObserve(quick);
  console.table(
    results.map((r) => ({
      case: r.name,
      hooklatch: `${r.oursNs.toFixed(0)} ns`,
      peer: `${r.bareNs.toFixed(0)} ns (the pipeline without observation)`,
      ratio: r.ratio.toFixed(3),
      'rounds min..max': `${r.min.toFixed(3)}..${r.max.toFixed(3)}`,
    })),
  );
  const idle = results[0] as ObserveResult;
  const verdict = quick
    ? 'a smoke run, too short to judge'
    : `${idle.ratio <= MAX_IDLE_RATIO ? 'within' : 'OVER'} the ${MAX_IDLE_RATIO}x target`;
  console.log(`${idle.name}: ${idle.ratio.toFixed(3)}x (${verdict})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await reportObserve(process.argv.includes('--quick'));
}
