/**
 * The inbox contract. An inbox keeps every accepted delivery, durably, until a worker has run it:
 *
 *     enqueue --> pending --claim--> running --complete--> completed
 *                  ^   ^               | | \--fail (attempts left)--> pending (later)
 *                  |   \---release-----/ \--deadLetter / fail at maxAttempts--> dead
 *                  |   \--lease ends: claimable again (same state, a new owner)
 *                  \--replay (completed or dead only, with a reason)
 *
 * Implementations keep every method one atomic operation on the backend (one statement, one
 * script, one transaction), and judge every time by the backend's clock (the SQL server's, Redis
 * `TIME`), so workers on skewed app servers agree on when a lease ends and when a retry is due.
 * Keys are opaque strings (the event's `dedupeKey`): two keys that differ in any UTF-16 code unit
 * are two entries. The shared conformance suite is `describeInbox` in `@hooklatch/testing`.
 */

/** Where an entry is in its life. */
export type InboxState = 'pending' | 'running' | 'completed' | 'dead';

/** Every state, in life order. */
export const INBOX_STATES: readonly InboxState[] = Object.freeze([
  'pending',
  'running',
  'completed',
  'dead',
]);

/**
 * Why the last attempt failed: a code and a message, never the payload. Codes are short
 * printable ASCII (a hooklatch error code, an error's own `code`, or its class name).
 */
export interface InboxErrorInfo {
  /** 1 to 64 printable ASCII characters. */
  code: string;
  /** At most 1 024 characters. */
  message: string;
}

/** One delivery to keep, as {@link InboxStore.enqueue} takes it. */
export interface InboxDelivery {
  /** The event's `dedupeKey` (`stripe:evt_1`): the entry's identity. */
  key: string;
  /** The adapter that verified it (`stripe`): the worker re-parses with the adapter of this name. */
  provider: string;
  /** The event type, for listing and replay by type (at most 200 characters). */
  type: string;
  /** Upper-case HTTP method. */
  method: string;
  /** The lower-cased headers the adapter needs to verify the delivery again. */
  headers: Readonly<Record<string, string>>;
  /** The body bytes exactly as received. */
  body: Uint8Array;
  /** When the delivery reached the receiver: the worker re-parses with it. */
  receivedAt: Date;
  /** Which configured secret or key verified it (`event.meta.keyIndex`), when known. */
  keyIndex?: number;
  /** The event's payload digest, to tell a true copy from another body under the same key. */
  digest?: string;
  /** Enqueue straight into the dead letters with this error (a payload the schema refused). */
  deadLetter?: InboxErrorInfo;
}

/** What {@link InboxStore.enqueue} did. */
export type EnqueueResult =
  | {
      status: 'enqueued';
      /** `pending`, or `dead` for an enqueue with `deadLetter`. */
      state: 'pending' | 'dead';
    }
  | {
      /** The key was already there: nothing was written. */
      status: 'duplicate';
      state: InboxState;
      /** The digest the entry was enqueued with, if any. */
      digest?: string;
    };

/** An entry without its body and headers: what listings return. */
export interface InboxEntrySummary {
  key: string;
  provider: string;
  type: string;
  state: InboxState;
  /**
   * Claims since the entry was enqueued or last replayed. A claim counts as an attempt when it
   * is made, so a worker that dies mid-handler still used one up.
   */
  attempts: number;
  /**
   * The fencing token: goes up by one with every claim and never goes down (replays included).
   * Store it beside a side effect to refuse a write from an owner that was replaced.
   */
  fence: number;
  receivedAt: Date;
  /** When the store accepted it (its clock). */
  enqueuedAt: Date;
  /** Pending: when it may be claimed. Running: when its lease ends. */
  availableAt?: Date;
  /** When it completed or was dead-lettered. */
  finishedAt?: Date;
  lastError?: InboxErrorInfo;
  /** How many times it was replayed. */
  replays: number;
  /** The reason given with the last replay. */
  replayReason?: string;
  replayedAt?: Date;
  keyIndex?: number;
  digest?: string;
  /** Size of the stored body. */
  bodyBytes: number;
}

/** A whole entry: the summary plus what the worker needs to parse it again. */
export interface InboxEntry extends InboxEntrySummary {
  method: string;
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
  /** Owner token of the current or last claim (kept on completed and dead entries). */
  token?: string;
}

/** One entry a claim handed out. */
export interface InboxClaim {
  /** Owner token: pass it to `extend`, `complete`, `fail`, `deadLetter` and `release`. */
  token: string;
  /** When the lease ends, by the store's clock. */
  leaseExpiresAt: Date;
  entry: InboxEntry;
}

/** Options of {@link InboxStore.claim}. */
export interface InboxClaimOptions {
  /** How long each claimed entry is exclusive without a renewal. */
  leaseMs: number;
  /** Most entries handed out by this call (1 to 1 000). */
  limit: number;
  /** Only entries of these providers (the adapters a worker has). @default every provider */
  providers?: readonly string[];
}

/** Options of {@link InboxStore.fail}. */
export interface InboxFailOptions {
  error: InboxErrorInfo;
  /** How long from now (store clock) until the entry may be claimed again; 0 or more. */
  retryInMs: number;
}

/** Options of {@link InboxStore.complete}. */
export interface InboxCompleteOptions {
  /**
   * Your open transaction (SQL inboxes: the `pg` client you ran `BEGIN` on or the `sql` of a
   * postgres.js `sql.begin`, the `mysql2` connection of your transaction, the better-sqlite3
   * `Database` inside `db.transaction(fn)`). The completion is written in it, so it commits
   * with your business writes or not at all; `true` then means "completed when your transaction
   * commits". A backend with no transaction to join refuses it (CONFIG_INVALID).
   */
  tx?: unknown;
}

/** Options of {@link InboxStore.deadLetter}. */
export interface InboxDeadLetterOptions {
  error: InboxErrorInfo;
}

/** Which finished entries {@link InboxStore.replay} runs again. */
export interface InboxReplayOptions {
  /** Why (recorded on each entry): 1 to 500 characters. */
  reason: string;
  /** Only this key. */
  key?: string;
  /** Only this provider. */
  provider?: string;
  /** Only this event type. */
  type?: string;
  /** Only entries received at or after this time. */
  receivedFrom?: Date;
  /** Only entries received before this time. */
  receivedBefore?: Date;
  /** Which finished states to replay. @default ['dead'] */
  states?: ReadonlyArray<'completed' | 'dead'>;
  /** Most entries replayed by this call (1 to 10 000). @default 1000 */
  limit?: number;
}

/** Options of {@link InboxStore.list}. */
export interface InboxListOptions {
  state?: InboxState;
  provider?: string;
  type?: string;
  receivedFrom?: Date;
  receivedBefore?: Date;
  /** @default 100 (at most 1 000) */
  limit?: number;
  /** The `cursor` of the previous page. */
  cursor?: string;
}

/** A page of {@link InboxStore.list}. */
export interface InboxListPage {
  entries: InboxEntrySummary[];
  /** Pass it as `cursor` for the next page; absent on the last page. */
  cursor?: string;
}

/** Counts by state. */
export type InboxStateCounts = Record<InboxState, number>;

/** What {@link InboxStore.stats} reports. */
export interface InboxStats {
  total: number;
  states: InboxStateCounts;
  providers: Record<string, InboxStateCounts>;
  /** Entries a claim could take right now (pending and due, or running with an ended lease). */
  ready: number;
}

/** Options of {@link InboxStore.purge}. */
export interface InboxPurgeOptions {
  /** Remove entries that finished at least this long ago (ms). */
  olderThanMs: number;
  /** @default ['completed'] */
  states?: ReadonlyArray<'completed' | 'dead'>;
}

/** The contract every inbox backend implements. */
export interface InboxStore {
  /** A short name for logs (`memory`, `sqlite`, `postgres`...). */
  readonly name: string;
  /**
   * Keep `delivery` under its key if the key is absent: `enqueued` once the entry is durable
   * (committed; only then may the receiver answer 2xx). A key already present (in any state)
   * is `duplicate` and nothing is written.
   *
   * Concurrency: ONE atomic insert-if-absent. Of N concurrent enqueues of one key exactly one
   * gets `enqueued`. Throws `StoreUnavailableError` when the backend cannot answer, and
   * `ConfigurationError` (`CONFIG_INVALID`) when it is set up wrong or the delivery is invalid.
   */
  enqueue(delivery: InboxDelivery): Promise<EnqueueResult>;
  /**
   * Hand out up to `limit` ready entries, oldest due first: pending entries whose time came, and
   * running entries whose lease ended (their owner stopped renewing). Each becomes `running`
   * under a fresh owner token with a lease of `leaseMs`; `attempts` and `fence` go up by one.
   *
   * Concurrency: ONE atomic operation that skips entries other claims hold (`SKIP LOCKED`): no
   * entry is ever handed to two callers with live leases, and concurrent callers never wait for
   * one another's entries.
   */
  claim(options: InboxClaimOptions): Promise<InboxClaim[]>;
  /**
   * Renew a live lease: only while `token` owns the entry, it is running and its lease has not
   * ended by the store's clock. False means the lease is lost: stop.
   *
   * Concurrency: ONE compare-and-set on the token; never revives an ended lease.
   */
  extend(key: string, token: string, leaseMs: number): Promise<boolean>;
  /**
   * Mark the entry completed, only while `token` owns it and it is running (compare-and-set).
   * An owner whose lease ended but whom nobody replaced may still complete. False for a stale
   * owner: another worker holds (or finished) the entry. With `options.tx` the statement runs
   * in the caller's transaction, started synchronously within the call (never retried: a
   * failed statement may have ended that transaction); a `tx` the backend cannot use, or any
   * `tx` on a backend without transactions, is CONFIG_INVALID and nothing is written.
   */
  complete(key: string, token: string, options?: InboxCompleteOptions): Promise<boolean>;
  /**
   * The attempt failed: back to `pending`, claimable `retryInMs` from now, with `error` kept as
   * the last error. Compare-and-set on the token, like `complete`.
   */
  fail(key: string, token: string, options: InboxFailOptions): Promise<boolean>;
  /** The entry goes to the dead letters with `error` (compare-and-set on the token). */
  deadLetter(key: string, token: string, options: InboxDeadLetterOptions): Promise<boolean>;
  /**
   * Hand the entry back unrun (a worker shutting down): `pending`, claimable now, and the attempt
   * the claim counted is given back. Compare-and-set on the token.
   */
  release(key: string, token: string): Promise<boolean>;
  /**
   * Run finished entries again on purpose: each matching `completed` or `dead` entry (see
   * `states`) becomes `pending` with its attempts reset, its replay count up by one and
   * `reason` recorded. At least one of `key`, `provider` or a time bound is required. Returns
   * how many entries were replayed.
   *
   * Concurrency: a running entry is never touched, so a replay never races a live run; each
   * entry changes in one atomic step. An entry a handler completed early (`context.complete`)
   * is finished from that moment, and may be replayed while that handler returns.
   */
  replay(options: InboxReplayOptions): Promise<number>;
  /** The whole entry for a key, or null. */
  get(key: string): Promise<InboxEntry | null>;
  /** Entries in key order, filtered, one page at a time (for tooling). */
  list(options?: InboxListOptions): Promise<InboxListPage>;
  /** Counts by state and provider (for tooling). */
  stats(): Promise<InboxStats>;
  /**
   * Delete finished entries. Keep completed ones at least as long as the provider retries
   * (its `retentionMs`): a copy of a purged key is a new delivery. Returns how many went.
   */
  purge(options: InboxPurgeOptions): Promise<number>;
  /** Release what the inbox itself opened (never a client the user passed in). */
  close?(): Promise<void>;
}
