/**
 * Paging of the memory store's per-slot columns. A column that is one typed array must double
 * (or grow by half) and copy itself to grow: at a million records that moved about 100 MB in
 * one claim (a 50 to 130 ms stall, measured in `bench/store-memory.ts`), and the big new
 * buffers made V8 finish a full mark-compact inside the same call. Paged, a column is a list of
 * fixed-size pages allocated one at a time as slots are needed, and nothing already stored is
 * ever copied. Slot `s` lives at index `s & PAGE_MASK` of page `s >>> PAGE_BITS`.
 *
 * Only page 0 starts small (so a store with a handful of keys does not hold a whole page) and
 * grows by doubling up to {@link PAGE_SLOTS}: a bounded copy of at most one page.
 */

/** log2 of the slots per page. */
export const PAGE_BITS = 12;
/** Slots per page (4096: a page of record columns is about 330 KB). */
export const PAGE_SLOTS = 1 << PAGE_BITS;
/** `slot & PAGE_MASK` is the slot's index inside its page. */
export const PAGE_MASK = PAGE_SLOTS - 1;
/** Slots of page 0 when it is first allocated. */
export const FIRST_PAGE_SLOTS = 64;

/**
 * The capacity page 0 should have to hold slots `0 .. needed - 1`: a power of two from
 * {@link FIRST_PAGE_SLOTS} up to {@link PAGE_SLOTS}, and no more than `limit` (the most slots
 * the store may ever use) when that is enough.
 */
export function firstPageCapacity(needed: number, limit: number): number {
  if (needed >= PAGE_SLOTS) return PAGE_SLOTS;
  let size = FIRST_PAGE_SLOTS;
  while (size < needed) size *= 2;
  return Math.min(size, Math.max(needed, limit));
}

/** Pages needed to hold slots `0 .. capacity - 1`. */
export function pagesFor(capacity: number): number {
  return Math.ceil(capacity / PAGE_SLOTS);
}

/** The most bytes {@link PageMemory} allocates in one ArrayBuffer. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

/** Where a page's typed arrays live: a byte offset into a shared buffer. */
export interface PageBytes {
  buffer: ArrayBuffer;
  offset: number;
}

/**
 * Memory for full pages, carved out of ArrayBuffers that grow (a quarter of the memory held so
 * far each) up to {@link MAX_CHUNK_BYTES}.
 * V8 counts ArrayBuffers as external memory, and each allocation made while that count is
 * over its limit and a major GC is marking runs a 5 to 10 ms marking step in the allocating
 * call (`Heap::ReportExternalMemoryPressure`). One buffer per page (or per column) hit that
 * several times per million keys; chunks make the allocations a few dozen per million, far
 * apart, for at most one chunk allocated ahead of use.
 */
export class PageMemory {
  private chunk = new ArrayBuffer(0);
  private used = 0;
  private allocated = 0;

  /**
   * @param unit the bytes the caller takes in one go at most (a record page and its expiry
   * page): chunks are whole units, so no chunk ends in a tail too short to use.
   */
  constructor(private readonly unit = 8) {}

  /** `bytes` (a multiple of 8) of zeroed memory no other page uses. */
  take(bytes: number): PageBytes {
    if (this.used + bytes > this.chunk.byteLength) {
      // A quarter of what is held already: at most that much allocated ahead of use.
      const target = Math.min(MAX_CHUNK_BYTES, this.allocated / 4);
      const size = Math.max(bytes, this.unit, Math.floor(target / this.unit) * this.unit);
      this.chunk = new ArrayBuffer(size);
      this.used = 0;
      this.allocated += size;
    }
    const offset = this.used;
    this.used += bytes;
    return { buffer: this.chunk, offset };
  }
}
