/**
 * Expiry bookkeeping without scanning every key: keys are dropped into one-second buckets, and
 * a small min-heap holds only the bucket numbers. Adding to an existing bucket is O(1); a heap
 * push happens once per new second, so claims stay O(1) amortized however many keys there are.
 * Entries are rechecked on removal, so a key whose expiry moved later is simply skipped.
 */
const BUCKET_MS = 1000;

export class ExpiryIndex {
  private readonly buckets = new Map<number, string[]>();
  private readonly heap: number[] = [];

  /** Remember that `key` may expire at `at` (epoch ms). */
  add(key: string, at: number): void {
    const bucket = Math.ceil(at / BUCKET_MS);
    const keys = this.buckets.get(bucket);
    if (keys) {
      keys.push(key);
      return;
    }
    this.buckets.set(bucket, [key]);
    this.push(bucket);
  }

  /** Keys from every bucket that ended at or before `t`. Callers recheck the real expiry. */
  *takeDue(t: number): Generator<string> {
    while (this.heap.length > 0 && (this.heap[0] as number) * BUCKET_MS <= t) {
      const bucket = this.pop();
      const keys = this.buckets.get(bucket) ?? [];
      this.buckets.delete(bucket);
      yield* keys;
    }
  }

  /** Number of pending (key, bucket) entries; for tests. */
  get size(): number {
    let n = 0;
    for (const keys of this.buckets.values()) n += keys.length;
    return n;
  }

  private push(value: number): void {
    const heap = this.heap;
    heap.push(value);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) <= value) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = value;
  }

  private pop(): number {
    const heap = this.heap;
    const top = heap[0] as number;
    const last = heap.pop() as number;
    if (heap.length > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && (heap[l] as number) < (m === i ? last : (heap[m] as number))) m = l;
        if (r < heap.length && (heap[r] as number) < (m === i ? last : (heap[m] as number))) m = r;
        if (m === i) break;
        heap[i] = heap[m] as number;
        i = m;
      }
      heap[i] = last;
    }
    return top;
  }
}
