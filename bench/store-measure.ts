/**
 * The timing harness of the store benchmarks: hooklatch and its floor measured in the same
 * process, interleaved. Each round runs a batch of one side, two of the other, one of the first
 * (ABBA, so a drift of the machine hits both alike) and takes the ratio of each pair; the result
 * is the median over the rounds (a round hit by a pause or another process is an outlier the
 * median ignores), with the spread of the rounds. A side runs `operations` calls, `concurrency`
 * of them in flight at once.
 */

/**
 * One side: `setup` (untimed) before each batch, then `operation(i)` for i = 0..n-1 of the
 * batch. A side that needs fresh keys makes them in `setup`.
 */
export interface Side {
  setup?: () => Promise<void> | void;
  operation: (i: number) => Promise<unknown>;
}

/** How a comparison runs. */
export interface CompareOptions {
  rounds: number;
  operations: number;
  concurrency: number;
}

/** The outcome of one comparison. */
export interface Comparison {
  /** Median ns per operation, each side. */
  oursNs: number;
  floorNs: number;
  /** Median of the rounds' ratios (ours / floor), and the lowest and highest of them. */
  ratio: number;
  min: number;
  max: number;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Nanoseconds per operation of one batch of `side`. */
async function batch(side: Side, { operations, concurrency }: CompareOptions): Promise<number> {
  await side.setup?.();
  let next = 0;
  const worker = async () => {
    while (next < operations) await side.operation(next++);
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Number(process.hrtime.bigint() - started) / operations;
}

/** Compare `ours` with `floor`, interleaved (one warm-up round is not counted). */
export async function compare(
  ours: Side,
  floor: Side,
  options: CompareOptions,
): Promise<Comparison> {
  await batch(ours, options);
  await batch(floor, options);
  const ratios: number[] = [];
  const oursNs: number[] = [];
  const floorNs: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const a1 = await batch(ours, options);
    const b1 = await batch(floor, options);
    const b2 = await batch(floor, options);
    const a2 = await batch(ours, options);
    oursNs.push(a1, a2);
    floorNs.push(b1, b2);
    ratios.push(a1 / b1, a2 / b2);
  }
  return {
    oursNs: median(oursNs),
    floorNs: median(floorNs),
    ratio: median(ratios),
    min: Math.min(...ratios),
    max: Math.max(...ratios),
  };
}

/** One printed row of a store table. */
export interface StoreRow {
  case: string;
  hooklatch: string;
  floor: string;
  ratio: string;
  target: string;
}

/** A row for a comparison: times per operation, the median ratio and its spread. */
export function comparisonRow(
  name: string,
  result: Comparison,
  floorName: string,
  target: string,
): StoreRow {
  const us = (ns: number) =>
    ns >= 10_000 ? `${(ns / 1000).toFixed(0)} µs` : `${ns.toFixed(0)} ns`;
  return {
    case: name,
    hooklatch: us(result.oursNs),
    floor: `${us(result.floorNs)} (${floorName})`,
    ratio: `${result.ratio.toFixed(2)} (${result.min.toFixed(2)}-${result.max.toFixed(2)})`,
    target,
  };
}

/** A row for a measured quantity that is not a ratio (bytes, stalls, round trips). */
export function valueRow(name: string, value: string, target: string): StoreRow {
  return { case: name, hooklatch: value, floor: '', ratio: '', target };
}
