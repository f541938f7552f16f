/**
 * The memory store's storage: a sharded Map from key to a slot number, and the record's fields in
 * paged typed-array columns indexed by slot (times as epoch-ms numbers, the token and a `sha256:`
 * digest packed into words). That keeps a live record near 115 bytes plus its key and Map entry,
 * where a record object with Date fields, strings and a spread copy per write cost over 1 KB.
 * Slots of dropped records are reused (`RecordPages`), and dropping a record also takes it out
 * of the expiry index, so memory follows the live keys only. The columns grow a page at a time
 * and never copy what they hold (`slot-pages.ts`). Reads build fresh `DedupeRecord` objects.
 */
import {
  DIGEST_WORDS,
  packDigest,
  packToken,
  TOKEN_WORDS,
  unpackDigest,
  unpackToken,
} from './compact-codes';
import { EXPIRY_PAGE_BYTES, ExpiryIndex } from './expiry-index';
import { KeyIndex } from './key-index';
import { type RecordPage, RecordPages, recordPageBytes } from './record-page';
import { PAGE_BITS, PAGE_MASK, PAGE_SLOTS, PageMemory } from './slot-pages';
import type { DedupeRecord, JsonValue } from './types';

/** `state` column values. */
export const IN_FLIGHT = 1;
export const COMPLETED = 2;
/** Flag in the `state` column: the digest is packed in the page's `digests`. */
const PACKED_DIGEST = 4;
/** Flag in the `state` column: the digest is in `otherDigests` (so only then is it looked up). */
const OTHER_DIGEST = 8;
/** Flag in the `state` column, with PACKED_DIGEST: the packed digest is a `sha256-body:` one. */
const BODY_DIGEST = 16;
/** The `state` flags of a digest packed with scheme code 1 (`sha256:`) or 2 (`sha256-body:`). */
const PACKED_FLAGS = [0, PACKED_DIGEST, PACKED_DIGEST | BODY_DIGEST];
const STATE_MASK = 3;

export class RecordTable {
  /** Expiry of every record, by slot. */
  readonly expiry: ExpiryIndex;
  private readonly slots = new KeyIndex();
  /** The record columns, and the free slots. */
  private readonly store: RecordPages;
  /** `store.pages`, the very array (it only ever grows in place). */
  private readonly pages: RecordPage[];
  /** Digests that are not `sha256:` / `sha256-body:` + hex, rare: kept as strings. */
  private readonly otherDigests = new Map<number, string>();
  /** The digest {@link stageDigest} packed last, its state flags and its words. */
  private staged: string | undefined;
  private stagedFlags = 0;
  private readonly stagedWords = new Uint32Array(DIGEST_WORDS);

  /** @param maxSlots most records ever held at once; page 0 stays below it when it can. */
  constructor(maxSlots: number) {
    // Full pages of every column, the expiry index's included, come from shared chunks.
    const memory = new PageMemory(recordPageBytes(PAGE_SLOTS) + EXPIRY_PAGE_BYTES);
    this.expiry = new ExpiryIndex(memory);
    this.store = new RecordPages(maxSlots, memory, (capacity) => this.expiry.reserve(capacity));
    this.pages = this.store.pages;
  }

  get size(): number {
    return this.slots.size;
  }

  /**
   * Pack `digest` ahead of the claim that stores it and say whether it is a `sha256:` or
   * `sha256-body:` + hex one, which is also a valid digest (so the caller can skip the general check). The next
   * `insert` or `claim` with this very string copies the words instead of packing it again.
   */
  stageDigest(digest: string): boolean {
    const scheme = packDigest(digest, this.stagedWords, 0);
    if (scheme === 0) return false;
    this.staged = digest;
    this.stagedFlags = PACKED_FLAGS[scheme] as number;
    return true;
  }

  /** The slot holding `key`, or -1. */
  find(key: string): number {
    return this.slots.get(key);
  }

  /** A new in-flight record for `key` (which must be absent), first claimed at `createdAt`. */
  insert(
    key: string,
    token: string,
    createdAt: number,
    leaseEnd: number,
    expiresAt: number,
    digest?: string,
  ): number {
    const slot = this.store.take();
    if (!this.write(slot, token, leaseEnd, expiresAt, 1, digest)) {
      this.store.free(slot);
      throw badToken();
    }
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    page.created[i] = createdAt;
    page.keys[i] = key;
    this.slots.add(key, slot);
    return slot;
  }

  /** Give `slot` to a new owner (a takeover of an ended lease). */
  claim(
    slot: number,
    token: string,
    leaseEnd: number,
    expiresAt: number,
    claims: number,
    digest?: string,
  ): void {
    if (!this.write(slot, token, leaseEnd, expiresAt, claims, digest)) throw badToken();
  }

  /** Mark `slot` completed at `at`, kept until `expiresAt`. */
  complete(slot: number, at: number, expiresAt: number, result: JsonValue | undefined): void {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    page.state[i] = ((page.state[i] as number) & ~STATE_MASK) | COMPLETED;
    page.completed[i] = at;
    page.results[i] = result;
    this.expiry.set(slot, expiresAt);
  }

  /** Drop the record in `slot`: out of the map, the expiry index and every column. */
  remove(slot: number): void {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    const key = page.keys[i];
    if (key === undefined) return;
    this.slots.remove(key);
    page.keys[i] = undefined;
    page.results[i] = undefined;
    if ((page.state[i] as number) & OTHER_DIGEST) this.otherDigests.delete(slot);
    page.state[i] = 0;
    this.expiry.delete(slot);
    this.store.free(slot);
  }

  /**
   * Drop up to `limit` records whose expiry is at or before `t`, earliest first; returns how
   * many went. Bounded work per call however many records are due: O(limit * log n).
   */
  dropExpired(t: number, limit: number): number {
    let dropped = 0;
    for (let slot = this.expiry.first(); dropped < limit && slot >= 0; slot = this.expiry.first()) {
      if (this.expiry.at(slot) > t) break;
      this.remove(slot);
      dropped += 1;
    }
    return dropped;
  }

  /** Remove every record, one by one (the pages stay allocated). */
  clear(): void {
    for (const slot of this.slots.values()) this.remove(slot);
  }

  stateOf(slot: number): number {
    return (this.page(slot).state[slot & PAGE_MASK] as number) & STATE_MASK;
  }
  claimsOf(slot: number): number {
    return this.page(slot).claims[slot & PAGE_MASK] as number;
  }
  createdAt(slot: number): number {
    return this.page(slot).created[slot & PAGE_MASK] as number;
  }
  leaseEndOf(slot: number): number {
    return this.page(slot).leaseEnd[slot & PAGE_MASK] as number;
  }
  setLeaseEnd(slot: number, at: number): void {
    this.page(slot).leaseEnd[slot & PAGE_MASK] = at;
  }
  tokenOf(slot: number): string {
    return unpackToken(this.page(slot).tokens, (slot & PAGE_MASK) * TOKEN_WORDS);
  }
  digestOf(slot: number): string | undefined {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    const state = page.state[i] as number;
    if (state & PACKED_DIGEST) {
      return unpackDigest(page.digests, i * DIGEST_WORDS, state & BODY_DIGEST ? 2 : 1);
    }
    return state & OTHER_DIGEST ? this.otherDigests.get(slot) : undefined;
  }

  /** A fresh record object for `slot` (the stored result is copied, so callers may mutate it). */
  read(slot: number): DedupeRecord {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    const completed = this.stateOf(slot) === COMPLETED;
    const record: DedupeRecord = {
      key: page.keys[i] as string,
      state: completed ? 'completed' : 'in_flight',
      token: this.tokenOf(slot),
      leaseExpiresAt: new Date(page.leaseEnd[i] as number),
      expiresAt: new Date(this.expiry.at(slot)),
      createdAt: new Date(page.created[i] as number),
      claims: page.claims[i] as number,
    };
    if (completed) record.completedAt = new Date(page.completed[i] as number);
    const result = page.results[i];
    if (result !== undefined) record.result = structuredClone(result);
    const digest = this.digestOf(slot);
    if (digest !== undefined) record.digest = digest;
    return record;
  }

  /** Stored keys and their slots (expired ones included), for `list`. */
  entries(): IterableIterator<[string, number]> {
    return this.slots.entries();
  }

  private page(slot: number): RecordPage {
    return this.pages[slot >>> PAGE_BITS] as RecordPage;
  }

  /** Write a claim's fields into `slot`; false (the slot untouched) if `token` is no ULID. */
  private write(
    slot: number,
    token: string,
    leaseEnd: number,
    expiresAt: number,
    claims: number,
    digest: string | undefined,
  ): boolean {
    const page = this.page(slot);
    const i = slot & PAGE_MASK;
    if (!packToken(token, page.tokens, i * TOKEN_WORDS)) return false;
    let state = page.state[i] as number;
    if (state & OTHER_DIGEST) this.otherDigests.delete(slot);
    state = IN_FLIGHT;
    if (digest !== undefined) {
      if (digest === this.staged) {
        const words = page.digests;
        const at = i * DIGEST_WORDS;
        for (let w = 0; w < DIGEST_WORDS; w++) words[at + w] = this.stagedWords[w] as number;
        state |= this.stagedFlags;
      } else {
        const scheme = packDigest(digest, page.digests, i * DIGEST_WORDS);
        if (scheme !== 0) state |= PACKED_FLAGS[scheme] as number;
        else {
          this.otherDigests.set(slot, digest);
          state |= OTHER_DIGEST;
        }
      }
    }
    page.state[i] = state;
    page.claims[i] = claims;
    page.leaseEnd[i] = leaseEnd;
    page.results[i] = undefined;
    this.expiry.set(slot, expiresAt);
    return true;
  }
}

const badToken = (): TypeError => new TypeError('memoryStore: claim tokens must be ULIDs');
