/**
 * The timing of the parse benchmarks: hooklatch and what it is compared with, interleaved in
 * short batches, ABBA (which side goes first alternates, so a drift of the machine hits both
 * alike). Each pair of batches gives one ratio; the result is their median, with the middle
 * half of them as its spread. Short batches and many pairs keep a ratio stable on a machine
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

/** Calls per batch so that one batch of either side takes about `batchMs`. */
async function callsPerBatch(ours: Call, other: Call, batchMs: number): Promise<number> {
  const started = performance.now();
  let calls = 0;
  while (performance.now() - started < 50 || calls < 4) {
    await ours();
    await other();
    calls++;
  }
  const perCallMs = (performance.now() - started) / calls / 2;
  return Math.max(1, Math.round(batchMs / perCallMs));
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
    await batch(ours, calls);
    await batch(other, calls);
  }
  const ratios: number[] = [];
  const oursNs: number[] = [];
  const otherNs: number[] = [];
  for (let pair = 0; pair < pairs; pair++) {
    const first = pair % 2 === 0 ? ours : other;
    const second = first === ours ? other : ours;
    const a = await batch(first, calls);
    const b = await batch(second, calls);
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
