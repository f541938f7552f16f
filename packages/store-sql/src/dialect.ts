/**
 * The internal seam between the generic SQL store and one database. A dialect knows its SQL text
 * and how to run it on its driver; the store above it owns keys, tokens, record mapping, timeouts
 * and error translation, so the three dialects never duplicate that logic.
 *
 * Every time in the SQL is the database's clock (`NOW` in each dialect), evaluated inside the
 * statement, never a value passed in from the app.
 */
import type { Deadline } from './timeout';

/** One statement and its positional (or, for SQLite, named) parameters. */
export interface Query {
  text: string;
  params: unknown[];
  /**
   * A name unique to `text`, for drivers that keep the statement prepared on the connection
   * (parsed and planned once, not on every call). Absent for statements run once (DDL).
   */
  name?: string;
}

/** What running a statement gave back. */
export interface ExecResult {
  /** Rows of a SELECT or a RETURNING clause (empty otherwise). */
  rows: Record<string, unknown>[];
  /** Rows inserted, deleted, or matched by an UPDATE. */
  affected: number;
  /** The insert ID the server reported (MySQL's OK packet), when the driver gives one. */
  insertId?: number;
}

/** Arguments of the claim statement. */
export interface ClaimArgs {
  /** The stored key: prefix + storageKey(key), ASCII, at most 255 characters. */
  key: string;
  /** encodeKey(key) when the stored key is not the key itself, else null. */
  keyText: string | null;
  token: string;
  leaseMs: number;
  ttlMs: number;
  digest: string | null;
}

/** Arguments of the extend statement. */
export interface ExtendArgs {
  key: string;
  token: string;
  leaseMs: number;
}

/** Arguments of the complete statement. */
export interface CompleteArgs {
  key: string;
  token: string;
  ttlMs: number;
  /** The result, already encoded to JSON text (see result-codec), or null. */
  result: string | null;
}

/** Runs one statement for a dialect's schema step (with the store's retries and deadline). */
export type Runner = (query: Query) => Promise<ExecResult>;

/** A database as the generic store sees it. */
export interface Dialect {
  /** Store name for logs: `postgres`, `mysql`, `sqlite`. */
  readonly name: string;
  /**
   * Run one statement, on `tx` when given (the caller's transaction), else on the store's own
   * client. Must start the statement synchronously (better-sqlite3 transactions need that).
   * `deadline` is the store call's: a driver that can cancel a running statement sets
   * `deadline.cancel` when it starts it. Settles with an {@link ExecResult}, or with the driver's
   * own result when the dialect has {@link Dialect.result}.
   */
  exec(query: Query, tx: unknown, deadline: Deadline): PromiseLike<unknown>;
  /**
   * The {@link ExecResult} of what `exec` settled with, for a dialect that hands back the
   * driver's own promise (no promise layer of its own between the reply and the store).
   */
  result?(raw: unknown): ExecResult;
  /**
   * Insert an in-flight claim, or take over an expired lease or record, in ONE statement. When
   * the dialect has RETURNING, it returns the row only if this call wrote it.
   */
  claim(args: ClaimArgs): Query;
  /**
   * The fast path of a claim, for a dialect where it is cheaper than {@link Dialect.claim}: the
   * same fresh row inserted only when the key has no row at all (no takeover), returning
   * nothing. `affected` 1 means this call inserted it; 0 that the key has a row (live, or
   * expired but not purged), which the store then hands to {@link Dialect.claim}.
   */
  claimFresh?(args: ClaimArgs): Query;
  /**
   * For a dialect without RETURNING: what the claim statement itself reported about its own
   * win (the new lease end and claim count), or undefined when it did not win or cannot tell,
   * in which case the store reads the row.
   */
  claimWon?(result: ExecResult): { leaseEnd: number; claims: number } | undefined;
  /** Renew a live lease owned by `token`, in ONE compare-and-set UPDATE. */
  extend(args: ExtendArgs): Query;
  complete(args: CompleteArgs): Query;
  release(key: string, token: string): Query;
  /** The live row of a key (expired rows excluded), with `lease_remaining_ms`. */
  get(key: string): Query;
  /** Delete the live row of a key. */
  remove(key: string): Query;
  /** Live rows whose key starts with `prefix`, ordered by key. */
  list(prefix: string, limit: number): Query;
  /** Delete at most `batchSize` expired rows. */
  purge(batchSize: number): Query;
  /**
   * Create the table and its expiry index, or add the columns a v1 table lacks: idempotent and
   * safe when many processes run it at once.
   */
  createSchema(run: Runner): Promise<void>;
  /** Errors worth retrying the same statement for (e.g. a MySQL deadlock). */
  isRetryable?(error: unknown): boolean;
  /** Close what the store itself opened. */
  close?(): Promise<void>;
}
