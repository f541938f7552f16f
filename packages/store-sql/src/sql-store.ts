/**
 * The dedupe store on top of a {@link Dialect}: key prefixing, owner tokens, the claim decision
 * and record mapping live here once for PostgreSQL, MySQL and SQLite.
 */
import type {
  ClaimOptions,
  ClaimResult,
  CompleteOptions,
  DedupeRecord,
  DedupeStore,
  ListOptions,
} from '@hooklatch/core';
import { newClaimToken, StoreUnavailableError } from '@hooklatch/core';
import type { Dialect, ExecResult, Query } from './dialect';
import { toStoreError } from './errors';
import { rowToRecord } from './record';

/** Options of {@link SqlDedupeStore.purgeExpired}. */
export interface PurgeOptions {
  /** Rows deleted per statement, so a large purge never holds long locks. @default 1000 */
  batchSize?: number;
}

/** A SQL-backed dedupe store: the {@link DedupeStore} contract plus schema and purge helpers. */
export interface SqlDedupeStore extends DedupeStore {
  /** The (validated) table this store uses. */
  readonly table: string;
  /** Create the table and its expiry index if they do not exist (idempotent). */
  createSchema(): Promise<void>;
  /** Delete expired rows in batches; returns how many were removed. */
  purgeExpired(options?: PurgeOptions): Promise<number>;
  list(options?: ListOptions): Promise<DedupeRecord[]>;
  close(): Promise<void>;
}

// A deadlock victim's statement was rolled back as a whole, so running it again is safe.
const MAX_RETRIES = 5;
// A loser's status read can find the row gone (released or deleted meanwhile): claim again.
const MAX_CLAIM_ROUNDS = 3;

/** Build a store from a dialect. `prefix` namespaces every key inside the shared table. */
export function createSqlStore(dialect: Dialect, table: string, prefix: string): SqlDedupeStore {
  // No await happens before dialect.exec, so the statement starts synchronously; better-sqlite3
  // transactions (`db.transaction(fn)`) depend on that.
  const run = async (query: Query, tx?: unknown): Promise<ExecResult> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await dialect.exec(query, tx);
      } catch (error) {
        const retry = tx === undefined && attempt < MAX_RETRIES && dialect.isRetryable?.(error);
        if (!retry) throw toStoreError(dialect.name, error);
      }
    }
  };

  const firstRow = async (query: Query) => (await run(query)).rows[0];

  return {
    name: dialect.name,
    table,

    async claim(rawKey: string, { leaseMs, ttlMs }: ClaimOptions): Promise<ClaimResult> {
      const key = prefix + rawKey;
      const lease = Math.max(1, Math.ceil(leaseMs));
      const ttl = Math.max(lease, Math.ceil(ttlMs));
      for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
        const token = newClaimToken();
        // The decision: one statement inserts or takes over, or leaves the live row alone.
        const written = await run(dialect.claim({ key, token, leaseMs: lease, ttlMs: ttl }));
        let row = written.rows.find((r) => r.token === token);
        // Without RETURNING (MySQL), or for a loser, read the row to report its status.
        row ??= await firstRow(dialect.get(key));
        if (!row) continue;
        const record = rowToRecord(row, prefix);
        if (record.token === token && record.state === 'in_flight') {
          return {
            status: 'claimed',
            token,
            leaseExpiresAt: record.leaseExpiresAt,
            claims: record.claims,
          };
        }
        if (record.state === 'completed') return { status: 'completed', record };
        return { status: 'in_flight', leaseExpiresAt: record.leaseExpiresAt };
      }
      throw new StoreUnavailableError(
        `The ${dialect.name} dedupe store kept changing under the claim; try again.`,
        { details: { store: dialect.name } },
      );
    },

    async complete(rawKey: string, token: string, options: CompleteOptions) {
      const result = options.result === undefined ? null : JSON.stringify(options.result);
      const query = dialect.complete({
        key: prefix + rawKey,
        token,
        ttlMs: Math.max(1, Math.ceil(options.ttlMs)),
        result,
      });
      return (await run(query, options.tx)).affected > 0;
    },

    async release(rawKey: string, token: string) {
      return (await run(dialect.release(prefix + rawKey, token))).affected > 0;
    },

    async get(rawKey: string) {
      const row = await firstRow(dialect.get(prefix + rawKey));
      return row ? rowToRecord(row, prefix) : null;
    },

    async delete(rawKey: string) {
      return (await run(dialect.remove(prefix + rawKey))).affected > 0;
    },

    async list({ prefix: keyPrefix = '', limit = 100 }: ListOptions = {}) {
      const { rows } = await run(dialect.list(prefix + keyPrefix, limit));
      return rows.map((row) => rowToRecord(row, prefix));
    },

    async createSchema() {
      for (const query of dialect.schema()) await run(query);
    },

    async purgeExpired({ batchSize = 1000 }: PurgeOptions = {}) {
      let removed = 0;
      for (;;) {
        const { affected } = await run(dialect.purge(batchSize));
        removed += affected;
        if (affected < batchSize) return removed;
      }
    },

    async close() {
      await dialect.close?.();
    },
  };
}
