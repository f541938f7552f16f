/**
 * The SQL inbox on top of an {@link InboxDialect}: argument checks, key mapping, owner tokens,
 * row mapping and per-call deadlines live here once for PostgreSQL, MySQL and SQLite. Each
 * method is one statement (a claim on MySQL: one short transaction), so it is atomic.
 */
import type {
  EnqueueResult,
  InboxClaim,
  InboxDelivery,
  InboxEntry,
  InboxListOptions,
  InboxListPage,
  InboxState,
  InboxStats,
  InboxStore,
} from '@hooklatch/core';
import { StoreUnavailableError } from '@hooklatch/core';
import {
  encodeKey,
  inboxChecks,
  isPlainKey,
  newClaimToken,
  statsOf,
  storageKey,
} from '@hooklatch/core/kit';
import type { ExecResult } from './dialect';
import { inboxGuard, inboxStoreError } from './inbox-errors';
import { type Fragment, type Rendered, render } from './inbox-query';
import { rowToEntry, rowToSummary } from './inbox-row';
import { type EnqueueRow, type InboxFlavor, inboxStatements } from './inbox-statements';

/** What a claim statement (or transaction) needs. */
export interface ClaimInput {
  queue: string;
  token: string;
  leaseMs: number;
  limit: number;
  providers: string[] | undefined;
}

/** Runs one rendered statement on the inbox's own client. */
export type InboxExec = (query: Rendered, signal: AbortSignal) => Promise<ExecResult>;

/** A database as the generic inbox sees it. */
export interface InboxDialect {
  /** `postgres`, `mysql` or `sqlite`. */
  readonly name: string;
  readonly style: 'pg' | 'question';
  readonly flavor: InboxFlavor;
  exec: InboxExec;
  /**
   * Run one rendered statement on the caller's transaction handle `tx`, started before the
   * call returns (a better-sqlite3 transaction is synchronous). Throws CONFIG_INVALID for a
   * handle of the wrong kind.
   */
  inTransaction(tx: unknown, query: Rendered): Promise<ExecResult> | ExecResult;
  /** Claim up to `limit` ready rows atomically, skipping rows others hold; whole rows back. */
  claim(input: ClaimInput, signal: AbortSignal): Promise<Record<string, unknown>[]>;
  /** Create the table and its indexes; idempotent, safe for replicas booting at once. */
  createSchema(signal: AbortSignal): Promise<void>;
  /** A failed insert that means "the key is there" (MySQL has no ON CONFLICT DO NOTHING). */
  isDuplicate?(error: unknown): boolean;
  /** Errors worth running the same statement again for (a MySQL deadlock). */
  isRetryable?(error: unknown): boolean;
  close?(): Promise<void>;
}

/** A SQL inbox: the contract plus its table, queue and schema helper. */
export interface SqlInbox extends InboxStore {
  readonly table: string;
  readonly queue: string;
  /** Create the inbox table and its indexes if they do not exist (idempotent). */
  createSchema(): Promise<void>;
  close(): Promise<void>;
}

/** What {@link createSqlInbox} needs besides the dialect (already validated). */
export interface SqlInboxSettings {
  table: string;
  queue: string;
  timeoutMs: number;
}

const MAX_RETRIES = 5;
const MAX_ENQUEUE_ROUNDS = 3;
const PURGE_BATCH = 1_000;

/** Build an inbox from a dialect. */
export function createSqlInbox(dialect: InboxDialect, settings: SqlInboxSettings): SqlInbox {
  const { table, queue } = settings;
  const checks = inboxChecks(`${dialect.name}Inbox`);
  const guard = inboxGuard(dialect.name, settings.timeoutMs);
  const st = inboxStatements(table, dialect.flavor);
  const stored = (key: unknown) => storageKey(checks.base.key(key));

  const run = async (fragment: Fragment, signal: AbortSignal): Promise<ExecResult> => {
    const query = render(fragment, dialect.style);
    for (let attempt = 0; ; attempt++) {
      try {
        return await dialect.exec(query, signal);
      } catch (error) {
        // A deadlock victim's statement was rolled back as a whole: running it again is safe.
        if (signal.aborted || attempt >= MAX_RETRIES || !dialect.isRetryable?.(error)) throw error;
      }
    }
  };
  const changed = async (operation: string, fragment: () => Fragment) =>
    guard(operation, async (signal) => (await run(fragment(), signal)).affected > 0);
  const owner = (key: unknown, token: unknown) => [stored(key), checks.token(token)] as const;

  const insert = async (row: EnqueueRow, signal: AbortSignal): Promise<boolean> => {
    try {
      return (await run(st.enqueue(row), signal)).affected > 0;
    } catch (error) {
      if (dialect.isDuplicate?.(error)) return false;
      throw error;
    }
  };

  return {
    name: dialect.name,
    table,
    queue,

    async enqueue(delivery: InboxDelivery): Promise<EnqueueResult> {
      const d = checks.delivery(delivery);
      const dead = d.deadLetter === undefined ? null : checks.error(d.deadLetter);
      const row: EnqueueRow = {
        queue,
        key: storageKey(d.key),
        keyText: isPlainKey(d.key) ? null : encodeKey(d.key),
        provider: d.provider,
        type: d.type,
        method: d.method,
        headers: JSON.stringify(d.headers),
        body: d.body,
        receivedAt: d.receivedAt.getTime(),
        keyIndex: d.keyIndex ?? null,
        digest: d.digest ?? null,
        dead,
      };
      return guard('enqueue', async (signal) => {
        for (let round = 0; round < MAX_ENQUEUE_ROUNDS; round++) {
          if (await insert(row, signal))
            return { status: 'enqueued', state: dead ? 'dead' : 'pending' };
          // Present: report what is there. Gone again (purged in between): insert again.
          const found = (await run(st.status(queue, row.key), signal)).rows[0];
          if (!found) continue;
          return {
            status: 'duplicate',
            state: String(found.state) as InboxState,
            ...(found.digest == null ? {} : { digest: String(found.digest) }),
          };
        }
        throw new StoreUnavailableError(`The ${dialect.name} inbox kept changing; try again.`, {
          details: { store: dialect.name },
        });
      });
    },

    async claim(options): Promise<InboxClaim[]> {
      const { leaseMs, limit, providers } = checks.claim(options);
      return guard('claim', async (signal) => {
        const token = newClaimToken();
        const rows = await dialect.claim({ queue, token, leaseMs, limit, providers }, signal);
        return rows
          .map(rowToEntry)
          .filter((entry) => entry.token === token && entry.state === 'running')
          .sort((a, b) => (a.availableAt?.getTime() ?? 0) - (b.availableAt?.getTime() ?? 0))
          .map((entry) => ({ token, leaseExpiresAt: entry.availableAt as Date, entry }));
      });
    },

    async extend(key, token, leaseMs) {
      const [k, t] = owner(key, token);
      const ms = checks.leaseMs(leaseMs);
      return changed('extend', () => st.extend(queue, k, t, ms));
    },

    async complete(key, token, options) {
      const [k, t] = owner(key, token);
      const tx = checks.completeTx(options, true);
      if (tx === undefined) return changed('complete', () => st.complete(queue, k, t));
      // In the caller's transaction: issued before the first await, never retried (a failed
      // statement may have aborted that transaction) and bounded by the caller, who owns it.
      try {
        const sent = dialect.inTransaction(tx, render(st.complete(queue, k, t), dialect.style));
        return (await sent).affected > 0;
      } catch (error) {
        throw inboxStoreError(dialect.name, error);
      }
    },

    async fail(key, token, options) {
      const [k, t] = owner(key, token);
      const o = checks.base.object('fail options', options);
      const error = checks.error(o.error);
      const retryInMs = checks.retryInMs(o.retryInMs);
      return changed('fail', () => st.fail(queue, k, t, error, retryInMs));
    },

    async deadLetter(key, token, options) {
      const [k, t] = owner(key, token);
      const error = checks.error(checks.base.object('deadLetter options', options).error);
      return changed('deadLetter', () => st.deadLetter(queue, k, t, error));
    },

    async release(key, token) {
      const [k, t] = owner(key, token);
      return changed('release', () => st.release(queue, k, t));
    },

    async replay(options) {
      const filter = checks.replay(options);
      const key = filter.key === undefined ? undefined : storageKey(filter.key);
      return guard(
        'replay',
        async (signal) => (await run(st.replay(queue, key, filter), signal)).affected,
      );
    },

    async get(key): Promise<InboxEntry | null> {
      const k = stored(key);
      return guard('get', async (signal) => {
        const row = (await run(st.get(queue, k), signal)).rows[0];
        return row ? rowToEntry(row) : null;
      });
    },

    async list(options?: InboxListOptions): Promise<InboxListPage> {
      const filter = checks.list(options);
      return guard('list', async (signal) => {
        const { rows } = await run(st.list(queue, filter), signal);
        const page = rows.slice(0, filter.limit);
        const more = rows.length > filter.limit;
        return {
          entries: page.map(rowToSummary),
          ...(more ? { cursor: String(page[page.length - 1]?.entry_key) } : {}),
        };
      });
    },

    async stats(): Promise<InboxStats> {
      return guard('stats', async (signal) => {
        const { rows } = await run(st.stats(queue), signal);
        const counts = rows.map((row) => ({
          provider: String(row.provider),
          state: String(row.state) as InboxState,
          count: Number(row.n),
        }));
        return statsOf(
          counts,
          rows.reduce((n, row) => n + Number(row.ready ?? 0), 0),
        );
      });
    },

    // Each batch gets its own deadline: a large purge makes progress instead of timing out.
    async purge(options) {
      const { olderThanMs, states } = checks.purge(options);
      let removed = 0;
      for (;;) {
        const { affected } = await guard('purge', (signal) =>
          run(st.purge(queue, states, olderThanMs, PURGE_BATCH), signal),
        );
        removed += affected;
        if (affected < PURGE_BATCH) return removed;
      }
    },

    async createSchema() {
      return guard('createSchema', (signal) => dialect.createSchema(signal));
    },

    async close() {
      await dialect.close?.();
    },
  };
}
