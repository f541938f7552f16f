/**
 * Expiry bookkeeping for the memory store: an indexed binary min-heap of record slots ordered by
 * expiry time. Each slot is in the heap at most once and leaves it the moment its record is
 * dropped, so the index holds exactly one entry (16 bytes) per live record, never one per past
 * claim. Insert, move and remove are O(log n); the earliest expiry is O(1), so the store can
 * drop a bounded number of expired records per call instead of sweeping them all at once.
 * Its arrays are paged like the record columns (`slot-pages.ts`): growing never copies them.
 */
import {
  PAGE_BITS,
  PAGE_MASK,
  PAGE_SLOTS,
  type PageBytes,
  PageMemory,
  pagesFor,
} from './slot-pages';

/** Bytes of a full page of the index (16 a slot). */
export const EXPIRY_PAGE_BYTES = PAGE_SLOTS * 16;

/** The index's arrays for one page: by slot (`times`, `positions`) and by heap position. */
class ExpiryPage {
  /** Expiry (epoch ms) by slot. */
  readonly times: Float64Array;
  /** Heap position by slot, -1 when the slot is not in the heap. */
  readonly positions: Int32Array;
  /** Slots in heap order, for positions of this page. */
  readonly heap: Int32Array;

  /** @param memory where the arrays go (zeroed); a buffer of its own when absent. */
  constructor(
    readonly capacity: number,
    memory: PageBytes = { buffer: new ArrayBuffer(capacity * 16), offset: 0 },
  ) {
    const { buffer, offset } = memory;
    this.times = new Float64Array(buffer, offset, capacity);
    this.positions = new Int32Array(buffer, offset + capacity * 8, capacity).fill(-1);
    this.heap = new Int32Array(buffer, offset + capacity * 12, capacity);
  }

  copyFrom(smaller: ExpiryPage): void {
    this.times.set(smaller.times);
    this.positions.set(smaller.positions);
    this.heap.set(smaller.heap);
  }
}

export class ExpiryIndex {
  private readonly pages: ExpiryPage[] = [];
  private capacity = 0;
  private count = 0;

  /** @param memory where full pages come from (the record table shares its own). */
  constructor(private readonly memory: PageMemory = new PageMemory()) {}

  /** Number of slots in the index. */
  get size(): number {
    return this.count;
  }

  /**
   * Make room for slots `0 .. capacity - 1`. Below one page, page 0 is sized to `capacity`
   * (copied when it grows); past it, whole pages are added and nothing is copied.
   */
  reserve(capacity: number): void {
    if (capacity <= this.capacity) return;
    const first = this.pages[0];
    if (first === undefined || first.capacity < PAGE_SLOTS) {
      const size = Math.min(capacity, PAGE_SLOTS);
      const page =
        size < PAGE_SLOTS
          ? new ExpiryPage(size)
          : new ExpiryPage(size, this.memory.take(EXPIRY_PAGE_BYTES));
      if (first !== undefined) page.copyFrom(first);
      this.pages[0] = page;
    }
    while (this.pages.length < pagesFor(capacity)) {
      this.pages.push(new ExpiryPage(PAGE_SLOTS, this.memory.take(EXPIRY_PAGE_BYTES)));
    }
    this.capacity =
      this.pages.length === 1
        ? (this.pages[0] as ExpiryPage).capacity
        : this.pages.length * PAGE_SLOTS;
  }

  /** When `slot` expires (epoch ms); only meaningful while it is in the index. */
  at(slot: number): number {
    return this.page(slot).times[slot & PAGE_MASK] as number;
  }

  /** Set (or move) the expiry of `slot`, which must be below the reserved capacity. */
  set(slot: number, at: number): void {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    const position = page.positions[i] as number;
    page.times[i] = at;
    if (position < 0) {
      this.count += 1;
      this.up(this.count - 1, slot, at);
    } else {
      this.down(this.up(position, slot, at), slot, at);
    }
  }

  /** Remove `slot` from the index (no-op when absent). */
  delete(slot: number): void {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    const position = page.positions[i] as number;
    if (position < 0) return;
    page.positions[i] = -1;
    this.count -= 1;
    if (position === this.count) return;
    const last = this.slotAt(this.count);
    const at = this.at(last);
    this.down(this.up(position, last, at), last, at);
  }

  /** The slot that expires first, or -1 when the index is empty. */
  first(): number {
    return this.count > 0 ? this.slotAt(0) : -1;
  }

  private page(slot: number): ExpiryPage {
    return this.pages[slot >>> PAGE_BITS] as ExpiryPage;
  }

  private slotAt(position: number): number {
    return this.page(position).heap[position & PAGE_MASK] as number;
  }

  private place(position: number, slot: number): void {
    this.page(position).heap[position & PAGE_MASK] = slot;
    this.page(slot).positions[slot & PAGE_MASK] = position;
  }

  /** Sift `slot` (expiring `at`) up from the hole at `position`; returns where it landed. */
  private up(position: number, slot: number, at: number): number {
    let i = position;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const parentSlot = this.slotAt(parent);
      if (this.at(parentSlot) <= at) break;
      this.place(i, parentSlot);
      i = parent;
    }
    this.place(i, slot);
    return i;
  }

  /** Sift `slot` (expiring `at`, placed at `position`) down. */
  private down(position: number, slot: number, at: number): void {
    let i = position;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.count) break;
      let child = left;
      let childSlot = this.slotAt(left);
      let childAt = this.at(childSlot);
      if (left + 1 < this.count) {
        const rightSlot = this.slotAt(left + 1);
        const rightAt = this.at(rightSlot);
        if (rightAt < childAt) {
          child = left + 1;
          childSlot = rightSlot;
          childAt = rightAt;
        }
      }
      if (childAt >= at) break;
      this.place(i, childSlot);
      i = child;
    }
    this.place(i, slot);
  }
}
