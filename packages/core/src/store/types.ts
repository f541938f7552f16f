/**
 * The dedupe store contract. A store is a tiny key/state machine:
 *
 *     (absent) --claim--> in_flight --complete--> completed --ttl--> (absent)
 *                             |  \--release--> (absent)
 *                             \--lease expires--> re-claimable by the next claim
 *
 * Implementations must keep every method a single atomic operation on the backend (one
 * command, one statement or one script). Tests for all of it: `describeStore` in
 * `@hooklatch/testing`.
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
}

/** Options of {@link DedupeStore.claim}. */
export interface ClaimOptions {
  /** How long the claim is exclusive. After that another caller may take it over. */
  leaseMs: number;
  /** How long the in-flight record may be kept at most (at least `leaseMs`). */
  ttlMs: number;
}

/** Options of {@link DedupeStore.complete}. */
export interface CompleteOptions {
  /** How long the completed record is kept: re-deliveries within it are duplicates. */
  ttlMs: number;
  /** A JSON value returned to later duplicates. */
  result?: JsonValue;
  /** A store-specific transaction handle (SQL stores) so the mark commits with business writes. */
  tx?: unknown;
}

/** Result of a claim. Exactly one of any set of concurrent callers gets `claimed`. */
export type ClaimResult =
  | {
      status: 'claimed';
      /** Owner token: pass it to `complete` / `release`. */
      token: string;
      leaseExpiresAt: Date;
      /** 1 for the first claim, more when an expired or released claim was taken over. */
      claims: number;
    }
  | { status: 'in_flight'; leaseExpiresAt: Date }
  | { status: 'completed'; record: DedupeRecord };

/** Options of {@link DedupeStore.list}. */
export interface ListOptions {
  /** Only keys that start with this. */
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
   * gets `claimed`. Throws `StoreUnavailableError` when the backend cannot answer.
   */
  claim(key: string, options: ClaimOptions): Promise<ClaimResult>;
  /**
   * Mark the key completed, only if `token` still owns it (compare-and-set). Returns false for a
   * stale owner (its lease expired and someone re-claimed, or the record is gone); a stale
   * owner never overwrites a newer claim.
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
  /** Live records, for tooling. Optional: stores that cannot enumerate omit it. */
  list?(options?: ListOptions): Promise<DedupeRecord[]>;
  /** Release resources the store itself created (never a client the user passed in). */
  close?(): Promise<void>;
}
