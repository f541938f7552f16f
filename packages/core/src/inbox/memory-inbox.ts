/**
 * `memoryInbox`: the inbox in a Map of this process, for tests and the demo. Every method runs in
 * one turn of the event loop, which is what makes it atomic here. It is not durable (a restart
 * forgets everything) and not shared between processes: use the SQLite, PostgreSQL, MySQL or
 * Redis inbox for real traffic. A claim scans the entries (O(n)): fine for thousands.
 */
import { StoreUnavailableError } from '../errors';
import { newClaimToken } from '../store/claim-token';
import { inboxChecks } from './checks';
import { entryMatches, statsOf, summaryOf } from './memory-inbox-entry';
import type {
  EnqueueResult,
  InboxClaim,
  InboxDelivery,
  InboxEntry,
  InboxListOptions,
  InboxListPage,
  InboxStats,
  InboxStore,
} from './types';

/** Options of {@link memoryInbox}. */
export interface MemoryInboxOptions {
  /** The clock, in epoch ms (tests move it). @default Date.now */
  now?: () => number;
}

const checks = inboxChecks('memoryInbox');

/** Create an in-memory inbox (tests, the demo, single-process tools). */
export function memoryInbox(options: MemoryInboxOptions = {}): InboxStore {
  const clock = options.now ?? Date.now;
  if (typeof clock !== 'function') throw checks.base.invalid('now', 'must be a function');
  const entries = new Map<string, InboxEntry>();
  let closed = false;

  const now = (): number => {
    if (closed) {
      throw new StoreUnavailableError('The memory inbox is closed.', {
        details: { store: 'memory' },
      });
    }
    const t = clock();
    if (!Number.isFinite(t)) throw checks.base.invalid('now', 'must return finite epoch ms');
    return t;
  };
  /** The running entry `token` owns, or undefined. */
  const owned = (key: unknown, token: unknown): InboxEntry | undefined => {
    const entry = entries.get(checks.base.key(key));
    checks.token(token);
    return entry?.state === 'running' && entry.token === token ? entry : undefined;
  };
  const ready = (entry: InboxEntry, t: number) =>
    (entry.state === 'pending' || entry.state === 'running') &&
    (entry.availableAt?.getTime() ?? 0) <= t;

  return {
    name: 'memory',

    async enqueue(delivery: InboxDelivery): Promise<EnqueueResult> {
      const d = checks.delivery(delivery);
      const t = now();
      const found = entries.get(d.key);
      if (found) {
        return {
          status: 'duplicate',
          state: found.state,
          ...(found.digest === undefined ? {} : { digest: found.digest }),
        };
      }
      const deadLetter = d.deadLetter === undefined ? undefined : checks.error(d.deadLetter);
      const dead = deadLetter !== undefined;
      entries.set(d.key, {
        key: d.key,
        provider: d.provider,
        type: d.type,
        state: dead ? 'dead' : 'pending',
        attempts: 0,
        fence: 0,
        receivedAt: new Date(d.receivedAt.getTime()),
        enqueuedAt: new Date(t),
        ...(deadLetter ? { finishedAt: new Date(t), lastError: deadLetter } : {}),
        ...(deadLetter ? {} : { availableAt: new Date(t) }),
        replays: 0,
        ...(d.keyIndex === undefined ? {} : { keyIndex: d.keyIndex }),
        ...(d.digest === undefined ? {} : { digest: d.digest }),
        bodyBytes: d.body.length,
        method: d.method,
        headers: { ...d.headers },
        body: d.body.slice(),
      });
      return { status: 'enqueued', state: dead ? 'dead' : 'pending' };
    },

    async claim(claimOptions): Promise<InboxClaim[]> {
      const { leaseMs, limit, providers } = checks.claim(claimOptions);
      const t = now();
      const due = [...entries.values()]
        .filter((e) => ready(e, t) && (!providers || providers.includes(e.provider)))
        .sort((a, b) => (a.availableAt?.getTime() ?? 0) - (b.availableAt?.getTime() ?? 0))
        .slice(0, limit);
      return due.map((entry) => {
        const token = newClaimToken();
        entry.state = 'running';
        entry.token = token;
        entry.attempts += 1;
        entry.fence += 1;
        entry.availableAt = new Date(t + leaseMs);
        return { token, leaseExpiresAt: new Date(t + leaseMs), entry: copy(entry) };
      });
    },

    async extend(key, token, leaseMs) {
      const ms = checks.leaseMs(leaseMs);
      const t = now();
      const entry = owned(key, token);
      if (!entry || (entry.availableAt?.getTime() ?? 0) <= t) return false;
      entry.availableAt = new Date(t + ms);
      return true;
    },

    async complete(key, token, completeOptions) {
      checks.completeTx(completeOptions, false);
      const t = now();
      const entry = owned(key, token);
      if (!entry) return false;
      entry.state = 'completed';
      entry.finishedAt = new Date(t);
      delete entry.availableAt;
      return true;
    },

    async fail(key, token, failOptions) {
      const o = checks.base.object('fail options', failOptions);
      const error = checks.error(o.error);
      const retryInMs = checks.retryInMs(o.retryInMs);
      const t = now();
      const entry = owned(key, token);
      if (!entry) return false;
      entry.state = 'pending';
      entry.lastError = error;
      entry.availableAt = new Date(t + retryInMs);
      delete entry.token;
      return true;
    },

    async deadLetter(key, token, deadOptions) {
      const error = checks.error(checks.base.object('deadLetter options', deadOptions).error);
      const t = now();
      const entry = owned(key, token);
      if (!entry) return false;
      entry.state = 'dead';
      entry.lastError = error;
      entry.finishedAt = new Date(t);
      delete entry.availableAt;
      return true;
    },

    async release(key, token) {
      const t = now();
      const entry = owned(key, token);
      if (!entry) return false;
      entry.state = 'pending';
      entry.attempts = Math.max(0, entry.attempts - 1);
      entry.availableAt = new Date(t);
      delete entry.token;
      return true;
    },

    async replay(replayOptions) {
      const filter = checks.replay(replayOptions);
      const t = now();
      let replayed = 0;
      for (const entry of entries.values()) {
        if (replayed >= filter.limit) break;
        if (!(filter.states as string[]).includes(entry.state)) continue;
        if (!entryMatches(entry, filter)) continue;
        entry.state = 'pending';
        entry.attempts = 0;
        entry.availableAt = new Date(t);
        entry.replays += 1;
        entry.replayReason = filter.reason;
        entry.replayedAt = new Date(t);
        delete entry.finishedAt;
        delete entry.token;
        replayed += 1;
      }
      return replayed;
    },

    async get(key) {
      now();
      const entry = entries.get(checks.base.key(key));
      return entry ? copy(entry) : null;
    },

    async list(listOptions?: InboxListOptions): Promise<InboxListPage> {
      const filter = checks.list(listOptions);
      now();
      const keys = [...entries.keys()]
        .filter((k) => filter.cursor === undefined || k > filter.cursor)
        .sort();
      const page: InboxEntry[] = [];
      for (const k of keys) {
        const entry = entries.get(k) as InboxEntry;
        if (filter.state !== undefined && entry.state !== filter.state) continue;
        if (!entryMatches(entry, filter)) continue;
        if (page.length === filter.limit) {
          return { entries: page.map(summaryOf), cursor: page[page.length - 1]?.key as string };
        }
        page.push(entry);
      }
      return { entries: page.map(summaryOf) };
    },

    async stats(): Promise<InboxStats> {
      const t = now();
      const all = [...entries.values()];
      const counts = all.map((e) => ({ provider: e.provider, state: e.state, count: 1 }));
      return statsOf(counts, all.filter((e) => ready(e, t)).length);
    },

    async purge(purgeOptions) {
      const { olderThanMs, states } = checks.purge(purgeOptions);
      const t = now();
      let removed = 0;
      for (const [k, entry] of entries) {
        const finished = entry.finishedAt?.getTime();
        if (!(states as string[]).includes(entry.state) || finished === undefined) continue;
        if (finished > t - olderThanMs) continue;
        entries.delete(k);
        removed += 1;
      }
      return removed;
    },

    async close() {
      closed = true;
    },
  };
}

/** A copy the caller may keep: later changes to the entry do not show through. */
function copy(entry: InboxEntry): InboxEntry {
  return {
    ...entry,
    headers: { ...entry.headers },
    body: entry.body.slice(),
    ...(entry.lastError ? { lastError: { ...entry.lastError } } : {}),
  };
}
