/**
 * A mergeable log-linear histogram of durations in milliseconds (HDR-style): each power of two
 * from 2^-10 ms (about 1 µs) to 2^22 ms (about 70 minutes) is cut into 16 equal buckets, so a
 * bucket is at most 1/16 of its lower bound wide and a reported quantile (the bucket's middle,
 * clamped to the exact min and max) is within about 3% of the true sample. Fixed memory
 * (513 counters), O(1) record; two histograms merge by adding counters, so a window of
 * per-interval histograms answers quantiles without keeping one sample.
 */

const SUB_BUCKETS = 16;
const MIN_EXPONENT = -10;
const MAX_EXPONENT = 22;
/** Bucket 0 holds everything at or below 2^MIN_EXPONENT; the last one everything above range. */
export const BUCKET_COUNT = (MAX_EXPONENT - MIN_EXPONENT) * SUB_BUCKETS + 1;
const FLOOR = 2 ** MIN_EXPONENT;

/** The bucket of `ms`. */
export function bucketOf(ms: number): number {
  if (!(ms > FLOOR)) return 0;
  let exponent = Math.floor(Math.log2(ms));
  // log2 rounds near powers of two: settle the exponent exactly.
  if (2 ** exponent > ms) exponent--;
  else if (2 ** (exponent + 1) <= ms) exponent++;
  if (exponent >= MAX_EXPONENT) return BUCKET_COUNT - 1;
  const sub = Math.min(SUB_BUCKETS - 1, Math.floor((ms / 2 ** exponent - 1) * SUB_BUCKETS));
  return 1 + (exponent - MIN_EXPONENT) * SUB_BUCKETS + sub;
}

/** `[lower, upper)` of bucket `index`, in ms. */
export function bucketBounds(index: number): [number, number] {
  if (index <= 0) return [0, FLOOR];
  const exponent = MIN_EXPONENT + Math.floor((index - 1) / SUB_BUCKETS);
  const sub = (index - 1) % SUB_BUCKETS;
  const base = 2 ** exponent;
  return [base * (1 + sub / SUB_BUCKETS), base * (1 + (sub + 1) / SUB_BUCKETS)];
}

/** Durations in ms: count, sum, exact min and max, and log-linear buckets. */
export class LogHistogram {
  readonly counts = new Uint32Array(BUCKET_COUNT);
  count = 0;
  sum = 0;
  min = Number.POSITIVE_INFINITY;
  max = Number.NEGATIVE_INFINITY;

  /** Add one sample (negative and NaN samples count as 0). */
  record(ms: number): void {
    const value = Math.max(0, ms || 0); // NaN counts as 0 too
    const index = bucketOf(value);
    this.counts[index] = (this.counts[index] as number) + 1;
    this.count++;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  /** Add every sample of `other` into this one. */
  merge(other: LogHistogram): this {
    if (other.count === 0) return this;
    for (let i = 0; i < BUCKET_COUNT; i++) {
      this.counts[i] = (this.counts[i] as number) + (other.counts[i] as number);
    }
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    return this;
  }

  /** Forget every sample. */
  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = Number.NEGATIVE_INFINITY;
  }

  /** The `q` quantile (0..1) in ms, `undefined` when empty. */
  quantile(q: number): number | undefined {
    if (this.count === 0) return undefined;
    const rank = Math.max(1, Math.ceil(Math.min(1, Math.max(0, q)) * this.count));
    let seen = 0;
    for (let i = 0; i < BUCKET_COUNT; i++) {
      seen += this.counts[i] as number;
      if (seen >= rank) {
        const [lower, upper] = bucketBounds(i);
        return Math.min(this.max, Math.max(this.min, (lower + upper) / 2));
      }
    }
    return this.max;
  }
}
