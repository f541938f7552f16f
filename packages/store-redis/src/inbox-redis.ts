/**
 * `redisInbox`: the inbox on Redis, over the ioredis or node-redis client you already have.
 * Every call is one Lua script (see inbox-scripts.ts): a claim reads the oldest due entries from
 * a sorted set and hands them to the new owner in the same script, so no two workers anywhere
 * ever hold one entry. Durable only as far as Redis is: run it with `appendonly yes` and
 * `appendfsync always` if an acknowledged delivery must survive a crash of Redis itself, and
 * `maxmemory-policy noeviction`.
 */
import type {
  EnqueueResult,
  InboxClaim,
  InboxEntry,
  InboxEntrySummary,
  InboxListPage,
  InboxState,
  InboxStats,
  InboxStore,
} from '@hooklatch/core';
import { ConfigurationError } from '@hooklatch/core';
import {
  encodeKey,
  entryMatches,
  inboxChecks,
  isPlainKey,
  newClaimToken,
  statsOf,
  storageKey,
  storeOptionChecks,
} from '@hooklatch/core/kit';
import { commanderFor, type RedisClientLike } from './client';
import { createGuard } from './guard';
import { entryOf, summaryOf } from './inbox-record';
import {
  CLAIM,
  ENQUEUE,
  EXTEND,
  FINISH,
  LIST,
  PURGE,
  REPLAY,
  REQUEUE,
  STATS,
} from './inbox-scripts';
import { evalScript } from './scripts';

/** Options of {@link redisInbox}. */
export interface RedisInboxOptions {
  /** Your connected ioredis or node-redis (v4+) client; never closed by the inbox. */
  client: RedisClientLike;
  /** Prepended to every key. Printable ASCII without spaces, at most 55. @default 'hooklatch:inbox:' */
  prefix?: string;
  /** The queue: its entries share one hash tag (one Cluster slot). @default 'default' */
  queue?: string;
  /** Longest wait for one call before it fails with `STORE_UNAVAILABLE`. @default 2000 */
  timeoutMs?: number;
}

const QUEUE = /^[A-Za-z0-9_.:-]{1,64}$/;
const checks = inboxChecks('redisInbox');
const options = storeOptionChecks('redisInbox', { store: 'redis' });
const LIST_BATCH = 200;
const BATCH = 500;

/** Create a Redis inbox (no schema to create). */
export function redisInbox(given: RedisInboxOptions): InboxStore {
  options.object('options', given);
  const redis = commanderFor(given.client);
  const queue = given.queue ?? 'default';
  if (typeof queue !== 'string' || !QUEUE.test(queue)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'redisInbox: `queue` must be 1 to 64 of A-Z a-z 0-9 _ . : -.',
      {
        details: { option: 'queue' },
      },
    );
  }
  const P = `${options.prefix(given.prefix, 'hooklatch:inbox:')}{${queue}}:`;
  const route = `${P}ready`;
  const guard = createGuard(options.timeoutMs(given.timeoutMs, 2_000));
  const send = (key: string, args: string[]) => redis.send(key, args);
  const run = (script: Parameters<typeof evalScript>[1], args: Array<string | number>) =>
    evalScript(send, script, route, [P, ...args.map(String)]);
  const skey = (key: unknown) => storageKey(checks.base.key(key));
  const owner = (key: unknown, token: unknown) => [skey(key), checks.token(token)] as const;
  const yes = async (reply: Promise<unknown>) => Number(await reply) === 1;

  const replayOne = (key: string, f: ReturnType<typeof checks.replay>) =>
    yes(
      run(REPLAY, [
        key,
        f.reason,
        f.states.join(','),
        f.provider ?? '',
        f.type ?? '',
        f.receivedFrom ?? '',
        f.receivedBefore ?? '',
      ]),
    );

  return {
    name: 'redis',

    async enqueue(delivery): Promise<EnqueueResult> {
      const d = checks.delivery(delivery);
      const dead = d.deadLetter === undefined ? undefined : checks.error(d.deadLetter);
      return guard('enqueue', async () => {
        const reply = (await run(ENQUEUE, [
          storageKey(d.key),
          isPlainKey(d.key) ? '-' : encodeKey(d.key),
          d.provider,
          d.type,
          d.method,
          JSON.stringify(d.headers),
          Buffer.from(d.body.buffer, d.body.byteOffset, d.body.byteLength).toString('base64'),
          d.receivedAt.getTime(),
          d.keyIndex ?? '',
          d.digest ?? '',
          dead?.code ?? '',
          dead?.message ?? '',
          d.body.byteLength,
        ])) as string[];
        if (reply[0] === 'ok') return { status: 'enqueued', state: reply[1] as 'pending' | 'dead' };
        return {
          status: 'duplicate',
          state: reply[1] as InboxState,
          ...(reply[2] ? { digest: String(reply[2]) } : {}),
        };
      });
    },

    async claim(claimOptions): Promise<InboxClaim[]> {
      const { leaseMs, limit, providers } = checks.claim(claimOptions);
      return guard('claim', async () => {
        const token = newClaimToken();
        const list = providers ?? [];
        const rows = (await run(CLAIM, [
          token,
          leaseMs,
          limit,
          list.length,
          ...list,
        ])) as string[][];
        return rows.map((row) => {
          const entry = entryOf(row);
          return { token, leaseExpiresAt: entry.availableAt as Date, entry };
        });
      });
    },

    async extend(key, token, leaseMs) {
      const [k, t] = owner(key, token);
      const ms = checks.leaseMs(leaseMs);
      return guard('extend', () => yes(run(EXTEND, [k, t, ms])));
    },

    async complete(key, token, completeOptions) {
      const [k, t] = owner(key, token);
      // One script is all Redis has: no transaction of the caller's to join.
      checks.completeTx(completeOptions, false);
      return guard('complete', () => yes(run(FINISH, [k, t, 'completed', '', ''])));
    },

    async deadLetter(key, token, deadOptions) {
      const [k, t] = owner(key, token);
      const error = checks.error(checks.base.object('deadLetter options', deadOptions).error);
      return guard('deadLetter', () => yes(run(FINISH, [k, t, 'dead', error.code, error.message])));
    },

    async fail(key, token, failOptions) {
      const [k, t] = owner(key, token);
      const o = checks.base.object('fail options', failOptions);
      const error = checks.error(o.error);
      const retryInMs = checks.retryInMs(o.retryInMs);
      return guard('fail', () =>
        yes(run(REQUEUE, [k, t, retryInMs, error.code, error.message, 0])),
      );
    },

    async release(key, token) {
      const [k, t] = owner(key, token);
      return guard('release', () => yes(run(REQUEUE, [k, t, 0, '', '', 1])));
    },

    async replay(replayOptions) {
      const f = checks.replay(replayOptions);
      if (f.key !== undefined) {
        const key = storageKey(f.key);
        return guard('replay', async () => ((await replayOne(key, f)) ? 1 : 0));
      }
      // Each entry is replayed by its own atomic script; the finished sets are walked in batches.
      let replayed = 0;
      for (const state of f.states) {
        for (let start = 0; replayed < f.limit; ) {
          const keys = (await guard('replay', () =>
            send(route, ['ZRANGE', `${P}done:${state}`, String(start), String(start + BATCH - 1)]),
          )) as string[];
          let moved = 0;
          for (const key of keys) {
            if (replayed >= f.limit) break;
            if (await guard('replay', () => replayOne(key, f))) {
              replayed++;
              moved++;
            }
          }
          if (keys.length < BATCH) break;
          start += keys.length - moved; // replayed entries left the set
        }
      }
      return replayed;
    },

    async get(key): Promise<InboxEntry | null> {
      const k = skey(key);
      return guard('get', async () => {
        const row = (await send(route, ['HGETALL', `${P}e:${k}`])) as
          | string[]
          | Record<string, string>;
        const flat = Array.isArray(row) ? row : Object.entries(row ?? {}).flat();
        return flat.length === 0 ? null : entryOf(flat);
      });
    },

    async list(listOptions): Promise<InboxListPage> {
      const f = checks.list(listOptions);
      const found: InboxEntrySummary[] = [];
      let last = '';
      let cursor = f.cursor ?? '';
      for (;;) {
        const [next, ...rows] = (await guard('list', () => run(LIST, [cursor, LIST_BATCH]))) as [
          string,
          ...string[][],
        ];
        for (const row of rows) {
          if (row[0] === null) continue; // removed between the set read and the hash read
          const entry = summaryOf(row);
          if (f.state !== undefined && entry.state !== f.state) continue;
          if (!entryMatches(entry, f)) continue;
          if (found.length === f.limit) return { entries: found, cursor: last };
          found.push(entry);
          last = String(row[0]); // the stored key: the listing's order and cursor
        }
        if (!next) return { entries: found };
        cursor = next;
      }
    },

    async stats(): Promise<InboxStats> {
      return guard('stats', async () => {
        const [ready, ...flat] = (await run(STATS, [])) as Array<string | number>;
        const counts = [];
        for (let i = 0; i < flat.length; i += 2) {
          const [provider, state] = String(flat[i]).split('\n') as [string, InboxState];
          counts.push({ provider, state, count: Number(flat[i + 1]) });
        }
        return statsOf(counts, Number(ready));
      });
    },

    async purge(purgeOptions) {
      const { olderThanMs, states } = checks.purge(purgeOptions);
      let removed = 0;
      for (const state of states) {
        for (;;) {
          const [examined, gone] = (await guard('purge', () =>
            run(PURGE, [state, olderThanMs, BATCH]),
          )) as [number, number];
          removed += Number(gone);
          if (Number(examined) < BATCH) break;
        }
      }
      return removed;
    },
  };
}
