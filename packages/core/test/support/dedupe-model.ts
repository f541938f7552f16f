/**
 * A reference model of the DedupeStore contract (`src/store/types.ts`), written from the
 * contract's comments alone, for the differential test of `memoryStore`: a plain Map of the
 * records that are live at the model's clock. Expiry is a lazy min-heap of (expiry, record)
 * entries, an entry being stale once its record is gone or its expiry moved, so the Map never
 * holds a record whose `expiresAt` is at or before the clock.
 */
import type { DedupeState, JsonValue } from '../../src/store/types';

/** What the contract says a store holds for one key (times as epoch ms). */
export interface ModelRecord {
  key: string;
  state: DedupeState;
  token: string;
  leaseEnd: number;
  expiresAt: number;
  createdAt: number;
  completedAt?: number;
  claims: number;
  result?: JsonValue;
  digest?: string;
}

/** The answer the contract requires of a claim. */
export type ExpectedClaim =
  | { status: 'claimed'; record: ModelRecord; previousToken?: string }
  | { status: 'in_flight'; leaseEnd: number; remainingMs: number; digest?: string }
  | { status: 'completed'; record: ModelRecord }
  | { status: 'full' };

interface Due {
  at: number;
  record: ModelRecord;
}

export class DedupeModel {
  /** The live records, by key. */
  readonly records = new Map<string, ModelRecord>();
  /** Most live records seen at once. */
  peak = 0;
  /** Records created (first claims, not takeovers). */
  inserts = 0;
  private readonly due: Due[] = [];
  private t = Number.NEGATIVE_INFINITY;

  constructor(private readonly maxEntries: number) {}

  /** Move the clock to `t` (never backwards) and drop every record that expired by then. */
  advance(t: number): void {
    if (t < this.t) throw new Error('model clock went backwards');
    this.t = t;
    while (this.due.length > 0 && (this.due[0] as Due).at <= t) {
      const { at, record } = this.pop();
      if (this.records.get(record.key) === record && record.expiresAt === at) {
        this.records.delete(record.key);
      }
    }
  }

  /**
   * absent -> claimed (a new record, unless `maxEntries` live records exist: full);
   * completed -> completed; in flight with a live lease -> in_flight; in flight with an ended
   * lease -> claimed by a takeover (same record, claims + 1, the new digest or none).
   * `token` is the store's new token, recorded only when the model says `claimed`.
   */
  claim(
    key: string,
    leaseMs: number,
    ttlMs: number,
    digest: string | undefined,
    token: string,
  ): ExpectedClaim {
    const t = this.t;
    const record = this.records.get(key);
    if (record?.state === 'completed') return { status: 'completed', record };
    if (record !== undefined && record.leaseEnd > t) {
      const { leaseEnd } = record;
      return { status: 'in_flight', leaseEnd, remainingMs: leaseEnd - t, digest: record.digest };
    }
    const leaseEnd = t + leaseMs;
    const expiresAt = t + Math.max(leaseMs, ttlMs);
    if (record !== undefined) {
      const previousToken = record.token;
      Object.assign(record, { token, leaseEnd, expiresAt, digest, claims: record.claims + 1 });
      this.schedule(record);
      return { status: 'claimed', record, previousToken };
    }
    if (this.records.size >= this.maxEntries) return { status: 'full' };
    const created: ModelRecord = {
      key,
      state: 'in_flight',
      token,
      leaseEnd,
      expiresAt,
      createdAt: t,
      claims: 1,
      digest,
    };
    this.records.set(key, created);
    this.schedule(created);
    this.inserts += 1;
    this.peak = Math.max(this.peak, this.records.size);
    return { status: 'claimed', record: created };
  }

  /** The live in-flight record `token` owns (its lease may have ended), if any. */
  owned(key: string, token: string): ModelRecord | undefined {
    const record = this.records.get(key);
    return record?.state === 'in_flight' && record.token === token ? record : undefined;
  }

  /** Only the owner, only while its lease is live; the expiry follows a longer lease. */
  extend(key: string, token: string, leaseMs: number): boolean {
    const record = this.owned(key, token);
    if (record === undefined || record.leaseEnd <= this.t) return false;
    record.leaseEnd = this.t + leaseMs;
    if (record.expiresAt < record.leaseEnd) {
      record.expiresAt = record.leaseEnd;
      this.schedule(record);
    }
    return true;
  }

  /** Only the owner (a late one nobody took over included); kept `ttlMs` from now. */
  complete(key: string, token: string, ttlMs: number, result: JsonValue | undefined): boolean {
    const record = this.owned(key, token);
    if (record === undefined) return false;
    record.state = 'completed';
    record.completedAt = this.t;
    record.expiresAt = this.t + ttlMs;
    record.result = result === undefined ? undefined : structuredClone(result);
    this.schedule(record);
    return true;
  }

  /** Only the owner of an in-flight record; never a completed one. */
  release(key: string, token: string): boolean {
    return this.owned(key, token) !== undefined && this.records.delete(key);
  }

  /** Whatever the state, if live. */
  delete(key: string): boolean {
    return this.records.delete(key);
  }

  /** Live records whose key starts with `prefix`. */
  list(prefix: string): ModelRecord[] {
    return [...this.records.values()].filter((record) => record.key.startsWith(prefix));
  }

  /** Forget everything (what `close` does to a memory store). */
  clear(): void {
    this.records.clear();
    this.due.length = 0;
  }

  private schedule(record: ModelRecord): void {
    const due = this.due;
    due.push({ at: record.expiresAt, record });
    let i = due.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((due[parent] as Due).at <= (due[i] as Due).at) break;
      [due[parent], due[i]] = [due[i] as Due, due[parent] as Due];
      i = parent;
    }
  }

  private pop(): Due {
    const due = this.due;
    const top = due[0] as Due;
    const last = due.pop() as Due;
    if (due.length === 0) return top;
    due[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < due.length && (due[left] as Due).at < (due[least] as Due).at) least = left;
      if (right < due.length && (due[right] as Due).at < (due[least] as Due).at) least = right;
      if (least === i) break;
      [due[least], due[i]] = [due[i] as Due, due[least] as Due];
      i = least;
    }
    return top;
  }
}
