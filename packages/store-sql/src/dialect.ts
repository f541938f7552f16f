/**
 * The internal seam between the generic SQL store and one database. A dialect knows its SQL text
 * and how to run it on its driver; the store above it owns keys, tokens, record mapping and
 * error translation, so the three dialects never duplicate that logic.
 */

/** One statement and its positional parameters. */
export interface Query {
  text: string;
  params: unknown[];
}

/** What running a statement gave back. */
export interface ExecResult {
  /** Rows of a SELECT or a RETURNING clause (empty otherwise). */
  rows: Record<string, unknown>[];
  /** Rows inserted, updated or deleted. */
  affected: number;
}

/** Arguments of the claim statement. */
export interface ClaimArgs {
  key: string;
  token: string;
  leaseMs: number;
  ttlMs: number;
}

/** Arguments of the complete statement. */
export interface CompleteArgs {
  key: string;
  token: string;
  ttlMs: number;
  /** The result, already serialized to JSON text, or null. */
  result: string | null;
}

/** A database as the generic store sees it. */
export interface Dialect {
  /** Store name for logs: `postgres`, `mysql`, `sqlite`. */
  readonly name: string;
  /**
   * Run one statement, on `tx` when given (the caller's transaction), else on the store's own
   * client. Must start the statement synchronously (better-sqlite3 transactions need that).
   */
  exec(query: Query, tx?: unknown): Promise<ExecResult>;
  /**
   * Insert an in-flight claim, or take over an expired lease or record, in ONE statement. When
   * the dialect has RETURNING, it returns the row only if this call wrote it.
   */
  claim(args: ClaimArgs): Query;
  complete(args: CompleteArgs): Query;
  release(key: string, token: string): Query;
  /** The live row of a key (expired rows excluded). */
  get(key: string): Query;
  /** Delete the live row of a key. */
  remove(key: string): Query;
  /** Live rows whose key starts with `prefix`, ordered by key. */
  list(prefix: string, limit: number): Query;
  /** Delete at most `batchSize` expired rows. */
  purge(batchSize: number): Query;
  /** Idempotent DDL: the table and its expiry index. */
  schema(): Query[];
  /** Errors worth retrying the same statement for (e.g. a MySQL deadlock). */
  isRetryable?(error: unknown): boolean;
  /** Close what the store itself opened. */
  close?(): Promise<void>;
}
