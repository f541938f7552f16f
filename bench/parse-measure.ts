/**
 * The timing of the parse benchmarks: hooklatch and what it is compared with, interleaved in
 * short batches, ABBA (which side goes first alternates, so a drift of the machine hits both
 * alike), each side's batch as long as the other's. Each pair of batches gives one ratio; the
 * result is their median, with the middle half of them as its spread. Short batches and many pairs keep a ratio stable on a machine
 * shared with other processes: a batch hit by a pause or a preemption is an outlier the median
 * ignores.
 */

/** One side: a call to time (awaited, so both sides pay the same for the await). */
export type Call = () => unknown;

/** The outcome of one comparison. */
export interface ParseComparison {
  /** Median ns per call, each side. */
  oursNs: number;
  otherNs: number;
  /** Median ratio ours / other over every pair of batches, and its quartiles. */
  ratio: number;
  low: number;
  high: number;
}

/** The `q` quantile (0..1) of `values`. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = sorted[Math.floor(at)] as number;
  const above = sorted[Math.ceil(at)] as number;
  return below + (above - below) * (at - Math.floor(at));
}

async function batch(call: Call, calls: number): Promise<number> {
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await call();
  return Number(process.hrtime.bigint() - started) / calls;
}

/**
 * Calls per batch of each side, so that one batch of either takes about `batchMs`. Each side
 * gets its own count: with one count for both, the faster side's batches are a fraction of the
 * slower side's, and a collection of the slower side's garbage that falls into one of them
 * (15x more calls' worth against Shopify's peer) weighs on the faster side alone.
 */
async function callsPerBatch(
  ours: Call,
  other: Call,
  batchMs: number,
): Promise<{ ours: number; other: number }> {
  let oursMs = 0;
  let otherMs = 0;
  let calls = 0;
  while (oursMs + otherMs < 100 || calls < 4) {
    const started = performance.now();
    await ours();
    const between = performance.now();
    await other();
    oursMs += between - started;
    otherMs += performance.now() - between;
    calls++;
  }
  const count = (ms: number) => Math.max(1, Math.round(batchMs / (ms / calls)));
  return { ours: count(oursMs), other: count(otherMs) };
}

/** Options of {@link compareCalls}. */
export interface CompareCallsOptions {
  /** Pairs of batches measured (after as many warm-up batches). */
  pairs: number;
  /** The length of one batch. */
  batchMs: number;
}

/** Time `ours` against `other`, interleaved. */
export async function compareCalls(
  ours: Call,
  other: Call,
  { pairs, batchMs }: CompareCallsOptions,
): Promise<ParseComparison> {
  const calls = await callsPerBatch(ours, other, batchMs);
  // Warm both up to the optimizing tier before anything counts.
  for (let i = 0; i < Math.max(4, pairs / 4); i++) {
    await batch(ours, calls.ours);
    await batch(other, calls.other);
  }
  const ratios: number[] = [];
  const oursNs: number[] = [];
  const otherNs: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const first = pair % 2 === 0 ? ours : other;
    const second = first === ours ? other : ours;
    const a = await batch(first, first === ours ? calls.ours : calls.other);
    const b = await batch(second, second === ours ? calls.ours : calls.other);
    const [mine, theirs] = first === ours ? [a, b] : [b, a];
    ratios.push(mine / theirs);
    oursNs.push(mine);
    otherNs.push(theirs);
  }
  return {
    oursNs: quantile(oursNs, 0.5),
    otherNs: quantile(otherNs, 0.5),
    ratio: quantile(ratios, 0.5),
    low: quantile(ratios, 0.25),
    high: quantile(ratios, 0.75),
  };
}
