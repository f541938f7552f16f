/**
 * The memory store's record columns, page by page (see `slot-pages.ts`), and its free slots.
 * A page holds the fields of {@link PAGE_SLOTS} records (fewer for a small page 0): the
 * numbers in typed arrays over one buffer (81 bytes a slot), the key and the stored result
 * in two plain arrays.
 */
import { DIGEST_WORDS, TOKEN_WORDS } from './compact-codes';
import {
  firstPageCapacity,
  PAGE_BITS,
  PAGE_MASK,
  PAGE_SLOTS,
  type PageBytes,
  type PageMemory,
  pagesFor,
} from './slot-pages';
import type { JsonValue } from './types';

/** Bytes of typed-array columns per slot: 3 Float64, 1 + 5 + 8 Uint32 words, 1 Uint8. */
const BYTES_PER_SLOT = 3 * 8 + (1 + TOKEN_WORDS + DIGEST_WORDS) * 4 + 1;

/** Bytes of typed arrays a page of `capacity` slots needs (a multiple of 8). */
export const recordPageBytes = (capacity: number): number =>
  Math.ceil((capacity * BYTES_PER_SLOT) / 8) * 8;

export class RecordPage {
  /** State bits (`IN_FLIGHT`, `COMPLETED`, digest flags); 0 for a free slot. */
  readonly state: Uint8Array;
  /**
   * Claims of the record; for a free slot, the next free slot (the free-slot stack of
   * {@link RecordPages} runs through this column).
   */
  readonly claims: Uint32Array;
  readonly leaseEnd: Float64Array;
  readonly created: Float64Array;
  readonly completed: Float64Array;
  /** The owner token, packed: {@link TOKEN_WORDS} words per slot. */
  readonly tokens: Uint32Array;
  /** A `sha256:` digest, packed: {@link DIGEST_WORDS} words per slot. */
  readonly digests: Uint32Array;
  readonly keys: (string | undefined)[];
  readonly results: (JsonValue | undefined)[];

  /** @param memory where the typed arrays go (zeroed); a buffer of its own when absent. */
  constructor(
    readonly capacity: number,
    memory: PageBytes = { buffer: new ArrayBuffer(recordPageBytes(capacity)), offset: 0 },
  ) {
    const { buffer } = memory;
    let at = memory.offset;
    const take = <T>(make: (offset: number) => T, bytes: number): T => {
      const view = make(at);
      at += bytes * capacity;
      return view;
    };
    // Widest elements first, so every view starts on its own alignment.
    this.leaseEnd = take((o) => new Float64Array(buffer, o, capacity), 8);
    this.created = take((o) => new Float64Array(buffer, o, capacity), 8);
    this.completed = take((o) => new Float64Array(buffer, o, capacity), 8);
    this.claims = take((o) => new Uint32Array(buffer, o, capacity), 4);
    this.tokens = take((o) => new Uint32Array(buffer, o, capacity * TOKEN_WORDS), 4 * TOKEN_WORDS);
    this.digests = take(
      (o) => new Uint32Array(buffer, o, capacity * DIGEST_WORDS),
      4 * DIGEST_WORDS,
    );
    this.state = take((o) => new Uint8Array(buffer, o, capacity), 1);
    this.keys = new Array<string | undefined>(capacity).fill(undefined);
    this.results = new Array<JsonValue | undefined>(capacity).fill(undefined);
  }

  /** Copy every slot of `smaller` (a page of lower capacity) into the same slots here. */
  copyFrom(smaller: RecordPage): void {
    this.state.set(smaller.state);
    this.claims.set(smaller.claims);
    this.leaseEnd.set(smaller.leaseEnd);
    this.created.set(smaller.created);
    this.completed.set(smaller.completed);
    this.tokens.set(smaller.tokens);
    this.digests.set(smaller.digests);
    for (let i = 0; i < smaller.capacity; i++) {
      this.keys[i] = smaller.keys[i];
      this.results[i] = smaller.results[i];
    }
  }
}

/**
 * The pages of a record table and the slots in them: a free slot is reused before a new one is
 * handed out, and a new page is added only when every slot is in use. The free slots form a
 * stack linked through the `claims` column, so freeing allocates nothing (an array of free
 * slots grew, and copied itself, to a million entries while a million keys expired).
 */
export class RecordPages {
  /** The pages, slot `s` in page `s >>> PAGE_BITS`; the array only grows in place. */
  readonly pages: RecordPage[] = [];
  /** Top of the free-slot stack, valid while `freeCount > 0`. */
  private freeHead = 0;
  private freeCount = 0;
  /** Slots handed out at least once: `0 .. used - 1`. */
  private used = 0;
  /** Slots the pages hold. */
  private capacity = 0;

  /**
   * @param maxSlots most slots ever used; page 0 stays below it when it can.
   * @param memory where full pages come from.
   * @param grown told the new capacity after each growth (the expiry index follows it).
   */
  constructor(
    private readonly maxSlots: number,
    private readonly memory: PageMemory,
    private readonly grown: (capacity: number) => void,
  ) {}

  /** A free slot: the last one freed, else a never-used one (adding a page when all are used). */
  take(): number {
    if (this.freeCount > 0) {
      const slot = this.freeHead;
      this.freeHead = this.pageOf(slot).claims[slot & PAGE_MASK] as number;
      this.freeCount -= 1;
      return slot;
    }
    const slot = this.used;
    if (slot >= this.capacity) this.reserve(slot + 1);
    this.used += 1;
    return slot;
  }

  /** Push `slot` (holding no record) on the free-slot stack. */
  free(slot: number): void {
    this.pageOf(slot).claims[slot & PAGE_MASK] = this.freeHead;
    this.freeHead = slot;
    this.freeCount += 1;
  }

  private pageOf(slot: number): RecordPage {
    return this.pages[slot >>> PAGE_BITS] as RecordPage;
  }

  /** Make room for slots `0 .. needed - 1`: grow page 0 (a bounded copy) or add pages. */
  private reserve(needed: number): void {
    const first = this.pages[0];
    if (first === undefined || first.capacity < PAGE_SLOTS) {
      const page = this.newPage(firstPageCapacity(needed, this.maxSlots));
      if (first !== undefined) page.copyFrom(first);
      this.pages[0] = page;
    }
    while (this.pages.length < pagesFor(needed)) this.pages.push(this.newPage(PAGE_SLOTS));
    this.capacity =
      this.pages.length === 1
        ? (this.pages[0] as RecordPage).capacity
        : this.pages.length * PAGE_SLOTS;
    this.grown(this.capacity);
  }

  /** A page of `capacity` slots: a small page 0 in a buffer of its own, full pages in chunks. */
  private newPage(capacity: number): RecordPage {
    if (capacity < PAGE_SLOTS) return new RecordPage(capacity);
    return new RecordPage(capacity, this.memory.take(recordPageBytes(capacity)));
  }
}
