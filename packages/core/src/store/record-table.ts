/**
 * The memory store's storage: a sharded Map from key to a slot number, and the record's fields in
 * typed-array columns indexed by slot (times as epoch-ms numbers, the token and a `sha256:`
 * digest packed into words). That keeps a live record near 150 bytes plus its key, where
 * a record object with Date fields, strings and a spread copy per write cost over 1 KB. Slots
 * of dropped records are reused, and dropping a record also takes it out of the expiry index,
 * so memory follows the live keys only. Reads build fresh `DedupeRecord` objects.
 */
import {
  DIGEST_WORDS,
  packDigest,
  packToken,
  TOKEN_WORDS,
  unpackDigest,
  unpackToken,
} from './compact-codes';
import { ExpiryIndex } from './expiry-index';
import { KeyIndex } from './key-index';
import type { DedupeRecord, JsonValue } from './types';

/** `state` column values. */
export const IN_FLIGHT = 1;
export const COMPLETED = 2;
/** Flag in the `state` column: the digest is packed in `digestWords`. */
const PACKED_DIGEST = 4;
const STATE_MASK = 3;

export class RecordTable {
  /** Expiry of every record, by slot. */
  readonly expiry = new ExpiryIndex();
  private readonly slots = new KeyIndex();
  private readonly keys: (string | undefined)[] = [];
  private readonly results: (JsonValue | undefined)[] = [];
  /** Digests that are not `sha256:` + hex, rare: kept as strings. */
  private readonly otherDigests = new Map<number, string>();
  private readonly freeSlots: number[] = [];
  private state = new Uint8Array(0);
  private claimCount = new Uint32Array(0);
  private leaseEnd = new Float64Array(0);
  private created = new Float64Array(0);
  private completed = new Float64Array(0);
  private tokenWords = new Uint32Array(0);
  private digestWords = new Uint32Array(0);
  private used = 0;

  /** @param maxSlots most records ever held at once; columns never grow past it. */
  constructor(private readonly maxSlots: number) {}

  get size(): number {
    return this.slots.size;
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
    const slot = this.freeSlots.pop() ?? this.nextSlot();
    this.claim(slot, token, leaseEnd, expiresAt, 1, digest);
    this.created[slot] = createdAt;
    this.keys[slot] = key;
    this.slots.add(key, slot);
    return slot;
  }

  /** Give `slot` to a new owner (a new claim or a takeover of an ended lease). */
  claim(
    slot: number,
    token: string,
    leaseEnd: number,
    expiresAt: number,
    claims: number,
    digest?: string,
  ): void {
    if (!packToken(token, this.tokenWords, slot * TOKEN_WORDS)) {
      throw new TypeError('memoryStore: claim tokens must be ULIDs');
    }
    this.otherDigests.delete(slot);
    let state = IN_FLIGHT;
    if (digest !== undefined) {
      if (packDigest(digest, this.digestWords, slot * DIGEST_WORDS)) state |= PACKED_DIGEST;
      else this.otherDigests.set(slot, digest);
    }
    this.state[slot] = state;
    this.claimCount[slot] = claims;
    this.leaseEnd[slot] = leaseEnd;
    this.results[slot] = undefined;
    this.expiry.set(slot, expiresAt);
  }

  /** Mark `slot` completed at `at`, kept until `expiresAt`. */
  complete(slot: number, at: number, expiresAt: number, result: JsonValue | undefined): void {
    this.state[slot] = ((this.state[slot] as number) & ~STATE_MASK) | COMPLETED;
    this.completed[slot] = at;
    this.results[slot] = result;
    this.expiry.set(slot, expiresAt);
  }

  /** Drop the record in `slot`: out of the map, the expiry index and every column. */
  remove(slot: number): void {
    const key = this.keys[slot];
    if (key === undefined) return;
    this.slots.remove(key);
    this.keys[slot] = undefined;
    this.results[slot] = undefined;
    this.otherDigests.delete(slot);
    this.state[slot] = 0;
    this.expiry.delete(slot);
    this.freeSlots.push(slot);
  }

  /** Remove every record (the columns stay allocated). */
  clear(): void {
    for (const slot of this.slots.values()) this.remove(slot);
  }

  stateOf(slot: number): number {
    return (this.state[slot] as number) & STATE_MASK;
  }
  claimsOf(slot: number): number {
    return this.claimCount[slot] as number;
  }
  createdAt(slot: number): number {
    return this.created[slot] as number;
  }
  leaseEndOf(slot: number): number {
    return this.leaseEnd[slot] as number;
  }
  setLeaseEnd(slot: number, at: number): void {
    this.leaseEnd[slot] = at;
  }
  tokenOf(slot: number): string {
    return unpackToken(this.tokenWords, slot * TOKEN_WORDS);
  }
  digestOf(slot: number): string | undefined {
    if ((this.state[slot] as number) & PACKED_DIGEST)
      return unpackDigest(this.digestWords, slot * DIGEST_WORDS);
    return this.otherDigests.get(slot);
  }

  /** A fresh record object for `slot` (the stored result is copied, so callers may mutate it). */
  read(slot: number): DedupeRecord {
    const completed = this.stateOf(slot) === COMPLETED;
    const record: DedupeRecord = {
      key: this.keys[slot] as string,
      state: completed ? 'completed' : 'in_flight',
      token: this.tokenOf(slot),
      leaseExpiresAt: new Date(this.leaseEnd[slot] as number),
      expiresAt: new Date(this.expiry.at(slot)),
      createdAt: new Date(this.created[slot] as number),
      claims: this.claimCount[slot] as number,
    };
    if (completed) record.completedAt = new Date(this.completed[slot] as number);
    const result = this.results[slot];
    if (result !== undefined) record.result = structuredClone(result);
    const digest = this.digestOf(slot);
    if (digest !== undefined) record.digest = digest;
    return record;
  }

  /** Stored keys and their slots (expired ones included), for `list`. */
  entries(): IterableIterator<[string, number]> {
    return this.slots.entries();
  }

  /** A never-used slot, growing the columns by half when they are full. */
  private nextSlot(): number {
    const slot = this.used;
    if (slot >= this.state.length)
      this.grow(Math.max(slot + 1, Math.min(this.maxSlots, Math.max(64, Math.ceil(slot * 1.5)))));
    this.used += 1;
    return slot;
  }

  private grow(capacity: number): void {
    const resize = <T extends Uint8Array | Uint32Array | Float64Array>(
      old: T,
      make: (n: number) => T,
      width = 1,
    ): T => {
      const next = make(capacity * width);
      next.set(old);
      return next;
    };
    this.state = resize(this.state, (n) => new Uint8Array(n));
    this.claimCount = resize(this.claimCount, (n) => new Uint32Array(n));
    this.leaseEnd = resize(this.leaseEnd, (n) => new Float64Array(n));
    this.created = resize(this.created, (n) => new Float64Array(n));
    this.completed = resize(this.completed, (n) => new Float64Array(n));
    this.tokenWords = resize(this.tokenWords, (n) => new Uint32Array(n), TOKEN_WORDS);
    this.digestWords = resize(this.digestWords, (n) => new Uint32Array(n), DIGEST_WORDS);
    this.expiry.reserve(capacity);
  }
}
