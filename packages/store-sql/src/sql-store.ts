/**
 * The dedupe store on top of a {@link Dialect}: key mapping, owner tokens, the claim decision,
 * record mapping and the per-call deadline live here once for PostgreSQL, MySQL and SQLite.
 */
import {
  type ClaimOptions,
  type ClaimResult,
  type CompleteOptions,
  type DedupeRecord,
  type DedupeStore,
  type ListOptions,
  StoreUnavailableError,
} from '@hooklatch/core';
import { encodeKey, isPlainKey, newClaimToken, storageKey } from '@hooklatch/core/kit';
import type { Dialect, ExecResult, Query } from './dialect';
import { toStoreError } from './errors';
import { sqlChecks } from './options';
import { leaseRemainingMs, rowToRecord } from './record';
import { encodeResult } from './result-codec';
import { createGuard } from './timeout';

/** Options of {@link SqlDedupeStore.purgeExpired}. */
export interface PurgeOptions {
  /** Rows deleted per statement, so a large purge never holds long locks. @default 1000 */
  batchSize?: number;
}

/** A SQL-backed dedupe store: the {@link DedupeStore} contract plus schema and purge helpers. */
export interface SqlDedupeStore extends DedupeStore {
  /** The (validated) table this store uses. */
  readonly table: string;
  /**
   * Create the table and its expiry index if they do not exist, and add the columns a table
   * created by an older version lacks. Idempotent, and safe when many replicas run it at once.
   */
  createSchema(): Promise<void>;
  /** Delete expired rows in batches; returns how many were removed. */
  purgeExpired(options?: PurgeOptions): Promise<number>;
  list(options?: ListOptions): Promise<DedupeRecord[]>;
  close(): Promise<void>;
}

/** What {@link createSqlStore} needs besides the dialect (already validated). */
export interface SqlStoreSettings {
  table: string;
  prefix: string;
  timeoutMs: number;
}

// A deadlock victim's statement was rolled back as a whole, so running it again is safe.
const MAX_RETRIES = 5;
// A loser's status read can find the row gone or its lease just ended: claim again.
const MAX_CLAIM_ROUNDS = 3;
const LISTABLE = /^[\x21-\x7e]*$/;

/** Build a store from a dialect. `prefix` namespaces every key inside the shared table. */
export function createSqlStore(dialect: Dialect, settings: SqlStoreSettings): SqlDedupeStore {
  const { table, prefix } = settings;
  const guard = createGuard(dialect.name, settings.timeoutMs);
  const checks = sqlChecks(dialect.name);
  const stored = (rawKey: string) => prefix + storageKey(checks.key(rawKey));
  // Whole ms, rounded up: a lease or TTL is never shortened.
  const durationMs = (option: string, value: unknown) => Math.ceil(checks.duration(option, value));

  // No await happens before dialect.exec, so the statement starts synchronously; better-sqlite3
  // transactions (`db.transaction(fn)`) depend on that.
  const run = async (query: Query, signal: AbortSignal, tx?: unknown): Promise<ExecResult> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await dialect.exec(query, tx, signal);
      } catch (error) {
        const retry =
          tx === undefined &&
          !signal.aborted &&
          attempt < MAX_RETRIES &&
          dialect.isRetryable?.(error);
        if (!retry) throw toStoreError(dialect.name, error);
      }
    }
  };
  const firstRow = async (query: Query, signal: AbortSignal) => (await run(query, signal)).rows[0];

  const claimOnce = async (rawKey: string, options: ClaimOptions, signal: AbortSignal) => {
    const key = stored(rawKey);
    const keyText = isPlainKey(rawKey) ? null : encodeKey(rawKey);
    const checked = checks.claim(options);
    const leaseMs = Math.ceil(checked.leaseMs);
    const ttlMs = Math.max(leaseMs, Math.ceil(checked.ttlMs));
    const digest = checked.digest ?? null;
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      const token = newClaimToken();
      // The decision: one statement inserts or takes over, or leaves the live row alone.
      const written = await run(
        dialect.claim({ key, keyText, token, leaseMs, ttlMs, digest }),
        signal,
      );
      const won = dialect.claimWon?.(written);
      if (won !== undefined) {
        const leaseExpiresAt = new Date(won.leaseEnd);
        return { status: 'claimed', token, leaseExpiresAt, claims: won.claims } as const;
      }
      // Without RETURNING (MySQL), or for a loser, read the row only to report its status.
      const row =
        written.rows.find((r) => r.token === token) ?? (await firstRow(dialect.get(key), signal));
      if (!row) continue;
      const record = rowToRecord(row, prefix);
      if (record.token === token && record.state === 'in_flight') {
        const { leaseExpiresAt, claims } = record;
        return { status: 'claimed', token, leaseExpiresAt, claims } as const;
      }
      if (record.state === 'completed') return { status: 'completed', record } as const;
      const remaining = leaseRemainingMs(row);
      // The owner's lease ended between the claim and the read: the next round can take over.
      if (!(remaining > 0)) continue;
      return {
        status: 'in_flight',
        leaseExpiresAt: record.leaseExpiresAt,
        leaseRemainingMs: remaining,
        ...(record.digest === undefined ? {} : { digest: record.digest }),
      } as const;
    }
    throw new StoreUnavailableError(
      `The ${dialect.name} dedupe store kept changing under the claim; try again.`,
      { details: { store: dialect.name } },
    );
  };

  return {
    name: dialect.name,
    table,

    claim(rawKey: string, options: ClaimOptions): Promise<ClaimResult> {
      return guard('claim', (signal) => claimOnce(rawKey, options, signal));
    },

    extend(rawKey: string, token: string, leaseMs: number) {
      return guard('extend', async (signal) => {
        const query = dialect.extend({
          key: stored(rawKey),
          token,
          leaseMs: durationMs('leaseMs', leaseMs),
        });
        return (await run(query, signal)).affected > 0;
      });
    },

    complete(rawKey: string, token: string, options: CompleteOptions) {
      return guard('complete', async (signal) => {
        const query = dialect.complete({
          key: stored(rawKey),
          token,
          ttlMs: durationMs('ttlMs', checks.object('complete options', options).ttlMs),
          result: encodeResult(options.result),
        });
        // On the caller's transaction: `true` means "marked when that transaction commits".
        return (await run(query, signal, options.tx)).affected > 0;
      });
    },

    release(rawKey: string, token: string) {
      return guard('release', async (signal) => {
        return (await run(dialect.release(stored(rawKey), token), signal)).affected > 0;
      });
    },

    get(rawKey: string) {
      return guard('get', async (signal) => {
        const row = await firstRow(dialect.get(stored(rawKey)), signal);
        return row ? rowToRecord(row, prefix) : null;
      });
    },

    delete(rawKey: string) {
      return guard('delete', async (signal) => {
        return (await run(dialect.remove(stored(rawKey)), signal)).affected > 0;
      });
    },

    list({ prefix: keyPrefix = '', limit = 100 }: ListOptions = {}) {
      return guard('list', async (signal) => {
        // Stored keys are printable ASCII without spaces: no other prefix can match one.
        if (!LISTABLE.test(keyPrefix)) return [];
        const { rows } = await run(dialect.list(prefix + keyPrefix, limit), signal);
        return rows.map((row) => rowToRecord(row, prefix));
      });
    },

    createSchema() {
      return guard('createSchema', async (signal) => {
        try {
          await dialect.createSchema((query) => run(query, signal));
        } catch (error) {
          throw toStoreError(dialect.name, error);
        }
      });
    },

    // Each batch gets its own deadline: a long purge makes progress instead of timing out.
    async purgeExpired({ batchSize = 1000 }: PurgeOptions = {}) {
      let removed = 0;
      for (;;) {
        const { affected } = await guard('purgeExpired', (signal) =>
          run(dialect.purge(batchSize), signal),
        );
        removed += affected;
        if (affected < batchSize) return removed;
      }
    },

    async close() {
      await dialect.close?.();
    },
  };
}
