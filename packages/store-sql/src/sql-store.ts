/**
 * The dedupe store on top of a {@link Dialect}: key mapping, record mapping and the per-call
 * deadline live here once for PostgreSQL, MySQL and SQLite, with the claim decision in
 * sql-claim.ts and the running of one statement (retries, error mapping) in sql-run.ts.
 */
import type {
  ClaimOptions,
  ClaimResult,
  CompleteOptions,
  DedupeRecord,
  DedupeStore,
  ListOptions,
} from '@hooklatch/core';
import { storageKey } from '@hooklatch/core/kit';
import type { Dialect, ExecResult, Query } from './dialect';
import { toStoreError } from './errors';
import { sqlChecks } from './options';
import { rowToRecord } from './record';
import { encodeResult } from './result-codec';
import { createClaim } from './sql-claim';
import { createRunner } from './sql-run';
import { type Call, createGuard } from './timeout';

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

const LISTABLE = /^[\x21-\x7e]*$/;
const anyAffected = (result: ExecResult) => result.affected > 0;

/** Build a store from a dialect. `prefix` namespaces every key inside the shared table. */
export function createSqlStore(dialect: Dialect, settings: SqlStoreSettings): SqlDedupeStore {
  const { table, prefix } = settings;
  const guard = createGuard(dialect.name, settings.timeoutMs);
  const checks = sqlChecks(dialect.name);
  const runner = createRunner(dialect);
  const { run, exec } = runner;
  const claim = createClaim(dialect, prefix, checks, runner);
  const stored = (rawKey: string) => prefix + storageKey(checks.key(rawKey));
  // Whole ms, rounded up: a lease or TTL is never shortened.
  const durationMs = (option: string, value: unknown) => Math.ceil(checks.duration(option, value));
  /** Settle `call` with `answer(result)` of one statement: the shape of the short calls. */
  const single = <T>(
    call: Call<T>,
    query: Query,
    answer: (result: ExecResult) => T,
    tx?: unknown,
  ): undefined => {
    const failed = (error: unknown) => call.fail(error);
    run(query, call, (result) => call.done(answer(result)), failed, tx);
    return undefined;
  };

  return {
    name: dialect.name,
    table,

    claim(rawKey: string, options: ClaimOptions): Promise<ClaimResult> {
      return guard<ClaimResult>('claim', (call) => claim(call, rawKey, options));
    },

    extend(rawKey: string, token: string, leaseMs: number) {
      return guard<boolean>('extend', (call) => {
        const query = dialect.extend({
          key: stored(rawKey),
          token,
          leaseMs: durationMs('leaseMs', leaseMs),
        });
        return single(call, query, anyAffected);
      });
    },

    complete(rawKey: string, token: string, options: CompleteOptions) {
      return guard<boolean>('complete', (call) => {
        const query = dialect.complete({
          key: stored(rawKey),
          token,
          ttlMs: durationMs('ttlMs', checks.object('complete options', options).ttlMs),
          result: encodeResult(options.result),
        });
        // On the caller's transaction: `true` means "marked when that transaction commits".
        return single(call, query, anyAffected, options.tx);
      });
    },

    release(rawKey: string, token: string) {
      return guard<boolean>('release', (call) =>
        single(call, dialect.release(stored(rawKey), token), anyAffected),
      );
    },

    get(rawKey: string) {
      return guard('get', async (call) => {
        const row = (await exec(dialect.get(stored(rawKey)), call)).rows[0];
        return row ? rowToRecord(row, prefix) : null;
      });
    },

    delete(rawKey: string) {
      return guard<boolean>('delete', (call) =>
        single(call, dialect.remove(stored(rawKey)), anyAffected),
      );
    },

    list({ prefix: keyPrefix = '', limit = 100 }: ListOptions = {}) {
      return guard('list', async (call) => {
        // Stored keys are printable ASCII without spaces: no other prefix can match one.
        if (!LISTABLE.test(keyPrefix)) return [];
        const { rows } = await exec(dialect.list(prefix + keyPrefix, limit), call);
        return rows.map((row) => rowToRecord(row, prefix));
      });
    },

    createSchema() {
      return guard('createSchema', async (call) => {
        try {
          await dialect.createSchema((query) => exec(query, call));
        } catch (error) {
          throw toStoreError(dialect.name, error);
        }
      });
    },

    // Each batch gets its own deadline: a long purge makes progress instead of timing out.
    async purgeExpired({ batchSize = 1000 }: PurgeOptions = {}) {
      let removed = 0;
      for (;;) {
        const { affected } = await guard<ExecResult>('purgeExpired', (call) =>
          exec(dialect.purge(batchSize), call),
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
