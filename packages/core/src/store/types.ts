/**
 * The dedupe store contract. A store is a tiny key/state machine:
 *
 *     (absent) --claim--> in_flight --complete--> completed --ttl--> (absent)
 *                           |  ^ \--release--> (absent)
 *                           |  \--extend (same token, lease still live)
 *                           \--lease expires--> re-claimable by the next claim
 *
 * Implementations must keep every method a single atomic operation on the backend (one
 * command, one statement or one script). Time is the store's clock wherever the backend has one
 * (Redis `TIME`, the SQL server's clock, SQLite's SQL clock): app servers with skewed clocks must
 * still agree on when a lease ends. Keys are opaque strings of any length and content: two keys
 * that differ in any UTF-16 code unit are two records (see `storageKey`). Tests for all of it:
 * `describeStore` in `@hooklatch/testing`.
 */

/** State of a stored record. */
export type DedupeState = 'in_flight' | 'completed';

/** A JSON-serializable value a handler may store as its result. */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** What a store holds for one key. */
export interface DedupeRecord {
  /** The key exactly as the caller passed it (without the store's own prefix). */
  key: string;
  state: DedupeState;
  /** Owner token of the current (or last) claim; a ulid. */
  token: string;
  /** When the current lease ends (meaningful while `in_flight`). */
  leaseExpiresAt: Date;
  /** When the record may be dropped; after this it counts as absent. */
  expiresAt: Date;
  /** When the key was first claimed. */
  createdAt: Date;
  /** When `complete` succeeded. */
  completedAt?: Date;
  /** How many times the key has been claimed (re-claims after expired leases add one). */
  claims: number;
  /** The handler's stored result, if it kept one. */
  result?: JsonValue;
  /** The payload digest passed to the claim that created (or last took over) the record. */
  digest?: string;
}

/** Options of {@link DedupeStore.claim}. */
export interface ClaimOptions {
  /** How long the claim is exclusive. After that another caller may take it over. */
  leaseMs: number;
  /** How long the in-flight record may be kept at most (at least `leaseMs`). */
  ttlMs: number;
  /**
   * A digest of the delivery's canonical payload (an opaque ASCII string of at most 128
   * characters). Stored with a new claim or a takeover and reported back on `in_flight` and
   * `completed`, so the caller can tell a true retry from a different body under the same key.
   */
  digest?: string;
}

/** Options of {@link DedupeStore.complete}. */
export interface CompleteOptions {
  /** How long the completed record is kept: re-deliveries within it are duplicates. */
  ttlMs: number;
  /** A JSON value returned to later duplicates. */
  result?: JsonValue;
  /**
   * A store-specific transaction handle (SQL stores) so the mark commits with business writes.
   * `true` then means "marked when your transaction commits".
   */
  tx?: unknown;
}

/** Result of a claim. Exactly one of any set of concurrent callers gets `claimed`. */
export type ClaimResult =
  | {
      status: 'claimed';
      /** Owner token: pass it to `extend` / `complete` / `release`. */
      token: string;
      leaseExpiresAt: Date;
      /**
       * 1 for the first claim, more when an expired claim was taken over (a release deletes the
       * record, so the next claim counts 1 again).
       */
      claims: number;
    }
  | {
      status: 'in_flight';
      leaseExpiresAt: Date;
      /**
       * Milliseconds left on the live lease by the store's clock (> 0). Use this, not
       * `leaseExpiresAt - Date.now()`, which is wrong by the app server's clock skew.
       */
      leaseRemainingMs: number;
      /** The digest the owner claimed with, if any. */
      digest?: string;
    }
  | { status: 'completed'; record: DedupeRecord };

/** Options of {@link DedupeStore.list}. */
export interface ListOptions {
  /** Only keys that start with this. @default '' */
  prefix?: string;
  /** @default 100 */
  limit?: number;
}

/** The contract every dedupe store implements. */
export interface DedupeStore {
  /** A short name for logs (`memory`, `redis`, `postgres`...). */
  readonly name: string;
  /**
   * Atomically: if the key is absent, expired, or in flight with an expired lease, record a new
   * in-flight claim owned by a fresh token and return `claimed`; if a live lease exists, return
   * `in_flight`; if a completed record exists, return `completed`.
   *
   * Concurrency: ONE atomic backend operation. Of N concurrent callers on one key exactly one
   * gets `claimed`. Throws `StoreUnavailableError` when the backend cannot answer (connectivity,
   * timeouts) and `ConfigurationError` (`CONFIG_INVALID`) when it is set up wrong (a missing
   * table, a missing driver, bad options).
   */
  claim(key: string, options: ClaimOptions): Promise<ClaimResult>;
  /**
   * Renew a live lease: only if `token` owns the key, the record is in flight and its lease has
   * not ended by the store's clock, set the lease to end `leaseMs` from now (the record's expiry
   * moves out too if the new lease would outlive it). Returns false otherwise: the lease is lost
   * and the owner must stop (another caller may already hold the key).
   *
   * Concurrency: ONE atomic compare-and-set on the token; never revives an expired lease, so it
   * can never give two owners a live lease at once.
   */
  extend(key: string, token: string, leaseMs: number): Promise<boolean>;
  /**
   * Mark the key completed, only if `token` still owns it (compare-and-set). Returns false for a
   * stale owner (its lease expired and someone re-claimed, or the record is gone); a stale
   * owner never overwrites a newer claim. An owner whose lease ran out but whom nobody took over
   * may still complete (the work is done; nobody else ran it).
   */
  complete(key: string, token: string, options: CompleteOptions): Promise<boolean>;
  /**
   * Drop the in-flight claim so the provider's next retry can run, only if `token` still owns
   * it (compare-and-set). Returns false for a stale owner. Never deletes a completed record.
   */
  release(key: string, token: string): Promise<boolean>;
  /** The live record for a key, or null (expired records count as absent). */
  get(key: string): Promise<DedupeRecord | null>;
  /** Remove a key whatever its state (operator tooling: "replay this event"). */
  delete(key: string): Promise<boolean>;
  /**
   * Live records, for tooling. Optional: stores that cannot enumerate omit it. `prefix` matches
   * keys stored verbatim (see `storageKey`); keys kept in digest form are listed without it.
   */
  list?(options?: ListOptions): Promise<DedupeRecord[]>;
  /** Release resources the store itself created (never a client the user passed in). */
  close?(): Promise<void>;
}
