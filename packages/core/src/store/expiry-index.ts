/**
 * Expiry bookkeeping for the memory store: an indexed binary min-heap of record slots ordered by
 * expiry time. Each slot is in the heap at most once and leaves it the moment its record is
 * dropped, so the index holds exactly one entry (16 bytes) per live record, never one per past
 * claim. Insert, move and remove are O(log n); the earliest expiry is O(1), so the store can
 * drop a bounded number of expired records per call instead of sweeping them all at once.
 */
export class ExpiryIndex {
  /** Expiry (epoch ms) by slot. */
  private times = new Float64Array(0);
  /** Heap position by slot, -1 when the slot is not in the heap. */
  private positions = new Int32Array(0);
  /** Slots in heap order. */
  private heap = new Int32Array(0);
  private count = 0;

  /** Number of slots in the index. */
  get size(): number {
    return this.count;
  }

  /** Make room for slots `0 .. capacity - 1`. */
  reserve(capacity: number): void {
    if (capacity <= this.times.length) return;
    const times = new Float64Array(capacity);
    times.set(this.times);
    const positions = new Int32Array(capacity).fill(-1);
    positions.set(this.positions);
    const heap = new Int32Array(capacity);
    heap.set(this.heap);
    this.times = times;
    this.positions = positions;
    this.heap = heap;
  }

  /** When `slot` expires (epoch ms); only meaningful while it is in the index. */
  at(slot: number): number {
    return this.times[slot] as number;
  }

  /** Set (or move) the expiry of `slot`, which must be below the reserved capacity. */
  set(slot: number, at: number): void {
    const position = this.positions[slot] as number;
    this.times[slot] = at;
    if (position < 0) {
      this.heap[this.count] = slot;
      this.positions[slot] = this.count;
      this.count += 1;
      this.up(this.count - 1);
    } else {
      this.down(this.up(position));
    }
  }

  /** Remove `slot` from the index (no-op when absent). */
  delete(slot: number): void {
    const position = this.positions[slot] as number;
    if (position < 0) return;
    this.positions[slot] = -1;
    this.count -= 1;
    if (position === this.count) return;
    const last = this.heap[this.count] as number;
    this.heap[position] = last;
    this.positions[last] = position;
    this.down(this.up(position));
  }

  /** The slot that expires first, or -1 when the index is empty. */
  first(): number {
    return this.count > 0 ? (this.heap[0] as number) : -1;
  }

  private place(position: number, slot: number): void {
    this.heap[position] = slot;
    this.positions[slot] = position;
  }

  /** Sift up; returns the final position. */
  private up(position: number): number {
    const slot = this.heap[position] as number;
    const at = this.times[slot] as number;
    let i = position;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentSlot = this.heap[parent] as number;
      if ((this.times[parentSlot] as number) <= at) break;
      this.place(i, parentSlot);
      i = parent;
    }
    this.place(i, slot);
    return i;
  }

  private down(position: number): void {
    const slot = this.heap[position] as number;
    const at = this.times[slot] as number;
    let i = position;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      const right = left + 1;
      let child = left;
      if (right < this.count && this.earlier(right, left)) child = right;
      const childSlot = this.heap[child] as number;
      if ((this.times[childSlot] as number) >= at) break;
      this.place(i, childSlot);
      i = child;
    }
    this.place(i, slot);
  }

  private earlier(a: number, b: number): boolean {
    return (
      (this.times[this.heap[a] as number] as number) <
      (this.times[this.heap[b] as number] as number)
    );
  }
}
