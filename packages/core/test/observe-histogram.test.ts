/** The log-linear histogram: buckets hold their values, quantiles within 3.2%, merging is exact. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketBounds, bucketOf, LogHistogram } from '../src/observe/log-histogram';
import { SlidingWindow } from '../src/observe/sliding-window';

function exactQuantile(sorted: number[], q: number): number {
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] as number;
}

describe('LogHistogram', () => {
  it('every value falls inside its bucket, powers of two included', () => {
    const values = [0.001, 0.5, 1, 2, 3, 4, 1023.9, 1024, 1025, 65_536, 1e6];
    for (const v of values) {
      const [lower, upper] = bucketBounds(bucketOf(v));
      expect(v).toBeGreaterThanOrEqual(lower);
      expect(v).toBeLessThan(upper);
    }
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 4e6, noNaN: true }), (v) => {
        const [lower, upper] = bucketBounds(bucketOf(v));
        return v >= lower && v < upper && (upper - lower) / lower <= 1 / 16 + 1e-12;
      }),
    );
  });

  it('p50/p95/p99 are within 3.2% of the exact sample quantiles', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Log-normal-ish handler times: mostly ~20 ms, a tail to seconds.
    const samples = Array.from({ length: 20_000 }, () =>
      Math.exp(3 + 1.2 * (random() + random() + random() - 1.5) * 2),
    );
    const h = new LogHistogram();
    for (const s of samples) h.record(s);
    const sorted = [...samples].sort((a, b) => a - b);
    for (const q of [0.5, 0.95, 0.99]) {
      const exact = exactQuantile(sorted, q);
      expect(Math.abs((h.quantile(q) as number) - exact) / exact).toBeLessThanOrEqual(0.032);
    }
    expect(h.quantile(1)).toBe(sorted.at(-1));
    expect(h.quantile(0)).toBe(sorted[0]);
    expect(h.count).toBe(20_000);
  });

  it('merging two histograms equals one histogram of all samples', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true })),
        fc.array(fc.double({ min: 0, max: 1e5, noNaN: true })),
        (a, b) => {
          const ha = new LogHistogram();
          const hb = new LogHistogram();
          const all = new LogHistogram();
          for (const v of a) ha.record(v);
          for (const v of b) hb.record(v);
          for (const v of [...a, ...b]) all.record(v);
          ha.merge(hb);
          expect([...ha.counts]).toEqual([...all.counts]);
          expect(ha.count).toBe(all.count);
          for (const q of [0.5, 0.99]) expect(ha.quantile(q)).toBe(all.quantile(q));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('an empty histogram has no quantile; NaN and negative samples count as 0', () => {
    const h = new LogHistogram();
    expect(h.quantile(0.5)).toBeUndefined();
    h.record(Number.NaN);
    h.record(-5);
    expect(h.quantile(0.99)).toBe(0);
  });
});

describe('SlidingWindow', () => {
  it('keeps the last `intervals` intervals and forgets older ones', () => {
    const window = new SlidingWindow(
      10_000,
      10,
      () => ({ n: 0 }),
      (v) => {
        v.n = 0;
      },
    );
    const sum = (now: number) => [...window.live(now)].reduce((s, v) => s + v.n, 0);
    window.current(0).n += 1; // interval 0
    window.current(5_500).n += 2; // interval 5
    expect(sum(9_999)).toBe(3);
    expect(sum(10_000)).toBe(2); // interval 0 left the window
    window.current(15_000).n += 4; // reuses slot 5: interval 5 is gone
    expect(sum(15_000)).toBe(4);
    expect(sum(60_000)).toBe(0);
  });
});
