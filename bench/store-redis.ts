/**
 * The Redis store against the bare commands and against AWS Powertools idempotency (issue 15),
 * on the Redis in HOOKLATCH_REDIS_URL.
 *
 * - `claim + complete` / bare `SET NX PX` + `SET XX`: the store's claim of a fresh key and its
 *   completion, against the two commands a hand-rolled lease + completion needs at least (no
 *   owner check, no record, no server clock), on the same ioredis client, sequential and with
 *   64 lifecycles in flight.
 * - `processOnce` / Powertools: the whole pipeline (claim, handler, completion) against
 *   `makeIdempotent` with its Redis persistence layer (`CachePersistenceLayer`), both over one
 *   node-redis client (the client Powertools documents).
 * - Round trips per lifecycle, counted by the server: `MONITOR` lists every command it runs with
 *   its source (a client's address, or `lua` for a command a script ran), so the store's own
 *   connection is counted alone even on a shared server; `INFO commandstats` deltas
 *   (server-wide) give the same lifecycles per command.
 * Usage: tsx --tsconfig bench/tsconfig.json bench/store-redis.ts [--quick]
 */
import { randomBytes } from 'node:crypto';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { CachePersistenceLayer } from '@aws-lambda-powertools/idempotency/cache';
import { type DedupeStore, processOnce, type WebhookEvent } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { serverUrl } from '../packages/testing/test-support/require-server';
import { compare, comparisonRow, type StoreRow, valueRow } from './store-measure';

/** Targets of issue 15. */
export const REDIS_TARGETS = { ratio: 1.15, roundTrips: 2 } as const;

const LEASE = { leaseMs: 300_000, ttlMs: 300_000 };
const DONE = { ttlMs: 259_200_000 };
const handler = () => ({ ok: true });

function event(key: string): WebhookEvent {
  const now = new Date();
  return {
    provider: 'bench',
    type: 'bench.event',
    id: key,
    idSource: 'event',
    dedupeKey: `bench:${key}`,
    occurredAt: now,
    receivedAt: now,
    meta: {},
    payload: null,
  };
}

let serial = 0;
const freshKeys = (count: number) =>
  Array.from({ length: count }, () => `evt_${(serial++).toString(36).padStart(12, '0')}`);

/** One lifecycle through the store: claim a fresh key, complete it. */
async function lifecycle(store: DedupeStore, key: string): Promise<void> {
  const claim = await store.claim(key, LEASE);
  if (claim.status !== 'claimed') throw new Error(`bench: ${key} was not claimed`);
  if (!(await store.complete(key, claim.token, DONE))) throw new Error('bench: complete refused');
}

/** The floor: the least two commands that take a lease and mark it done. */
async function bare(client: Redis, key: string): Promise<void> {
  if ((await client.set(key, 'in_flight', 'PX', LEASE.leaseMs, 'NX')) !== 'OK') {
    throw new Error(`bench: ${key} was taken`);
  }
  await client.set(key, '{"state":"completed"}', 'PX', DONE.ttlMs, 'XX');
}

/** Calls per command, server-wide, from INFO commandstats. */
async function commandCalls(client: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const match of (await client.info('commandstats')).matchAll(
    /cmdstat_([^:]+):calls=(\d+)/g,
  )) {
    calls.set(match[1] as string, Number(match[2]));
  }
  return calls;
}

/**
 * Commands per lifecycle as the server saw them: from the store's connection (round trips) and
 * from scripts, by MONITOR; and every command server-wide, by INFO commandstats.
 */
async function countRoundTrips(url: string, store: DedupeStore, client: Redis, n: number) {
  const info = String(await client.call('CLIENT', 'INFO'));
  const address = /addr=(\S+)/.exec(info)?.[1];
  // `monitor()` opens a connection of its own; the one it is called on must be closed too.
  const observer = new Redis(url);
  const monitor = await observer.monitor();
  const fromClient = new Map<string, number>();
  const fromScripts = new Map<string, number>();
  monitor.on('monitor', (_time: string, args: string[], source: string) => {
    const command = String(args[0]).toLowerCase();
    const into = source === 'lua' ? fromScripts : source === address ? fromClient : undefined;
    into?.set(command, (into.get(command) ?? 0) + 1);
  });
  // MONITOR starts asynchronously: a marker from this client shows when it is listening.
  const ready = new Promise<void>((resolve) => {
    const wait = (_t: string, args: string[]) => {
      if (args[0] === 'ping' || args[0] === 'PING') {
        monitor.off('monitor', wait);
        resolve();
      }
    };
    monitor.on('monitor', wait);
  });
  await client.ping();
  await ready;
  fromClient.clear();
  const admin = new Redis(url);
  const before = await commandCalls(admin);
  for (const key of freshKeys(n)) await lifecycle(store, key);
  const after = await commandCalls(admin);
  await client.ping(); // the last command MONITOR must see before it stops counting
  await new Promise((resolve) => setTimeout(resolve, 50));
  monitor.disconnect();
  observer.disconnect();
  admin.disconnect();
  fromClient.delete('ping');
  const per = (map: Map<string, number>) =>
    [...map].map(([command, calls]) => `${command} ${(calls / n).toFixed(2)}`).join(', ');
  const deltas = new Map<string, number>();
  for (const [command, calls] of after) {
    const added = calls - (before.get(command) ?? 0);
    if (added > 0 && command !== 'info') deltas.set(command, added);
  }
  const roundTrips = [...fromClient.values()].reduce((a, b) => a + b, 0) / n;
  return { roundTrips, client: per(fromClient), scripts: per(fromScripts), stats: per(deltas) };
}

/** Delete every key under `prefix` (SCAN + DEL). */
async function cleanup(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    if (keys.length > 0) await client.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** Every Redis row; none when no server is configured. */
export async function redisRows(url: string, quick: boolean): Promise<StoreRow[]> {
  const prefix = `hooklatch-bench-${process.pid}-${randomBytes(3).toString('hex')}:`;
  const client = new Redis(url);
  const node = createClient({ url });
  node.on('error', () => {});
  await node.connect();
  const rows: StoreRow[] = [];
  try {
    const store = redisStore({ client, prefix });
    // Warm-up: the store's first claim proves the server runs scripts, and loads them.
    await lifecycle(store, 'warm-up');
    let keys: string[] = [];
    const setup = (n: number) => () => {
      keys = freshKeys(n);
    };
    for (const concurrency of [1, 64]) {
      const operations = concurrency === 1 ? (quick ? 200 : 3_000) : quick ? 1_000 : 20_000;
      const result = await compare(
        { setup: setup(operations), operation: (i) => lifecycle(store, keys[i] as string) },
        {
          setup: setup(operations),
          operation: (i) => bare(client, `${prefix}bare:${keys[i] as string}`),
        },
        { rounds: quick ? 1 : 5, operations, concurrency },
      );
      const name = `redis: claim + complete, ${concurrency === 1 ? 'sequential' : '64 in flight'}`;
      rows.push(comparisonRow(name, result, 'SET NX PX + SET XX', `<= ${REDIS_TARGETS.ratio}`));
    }

    const counted = await countRoundTrips(url, store, client, quick ? 20 : 200);
    rows.push(
      valueRow(
        'redis: round trips per claim + complete (MONITOR, this client)',
        `${counted.roundTrips.toFixed(2)} (${counted.client})`,
        `${REDIS_TARGETS.roundTrips}`,
      ),
      valueRow('redis: commands its scripts ran, per lifecycle', counted.scripts, 'n/a'),
      valueRow('redis: INFO commandstats deltas per lifecycle', counted.stats, 'n/a'),
    );

    // The pipelines, over one node-redis client.
    const nodeStore = redisStore({ client: node, prefix: `${prefix}po:` });
    await processOnce(nodeStore, event('warm-up'), handler);
    const persistenceStore = new CachePersistenceLayer({ client: node as never });
    const config = new IdempotencyConfig({ eventKeyJmesPath: 'id', expiresAfterSeconds: 259_200 });
    // As in a Lambda: the remaining time bounds the in-progress record (Powertools' lease).
    config.registerLambdaContext({ getRemainingTimeInMillis: () => LEASE.leaseMs } as never);
    const idempotent = makeIdempotent(async (_payload: { id: string }) => handler(), {
      persistenceStore,
      config,
      keyPrefix: `${prefix}pt`,
    });
    // Sequential, each lifecycle waits on its two round trips (both sides make two, so this
    // row is close to a tie); with 64 in flight the client's CPU per lifecycle decides.
    for (const concurrency of [1, 64]) {
      const operations = concurrency === 1 ? (quick ? 200 : 3_000) : quick ? 1_000 : 20_000;
      const pipelines = await compare(
        {
          setup: setup(operations),
          operation: async (i) => {
            const outcome = await processOnce(nodeStore, event(keys[i] as string), handler);
            if (outcome.outcome !== 'processed') throw new Error(`bench: ${outcome.outcome}`);
          },
        },
        { setup: setup(operations), operation: (i) => idempotent({ id: keys[i] as string }) },
        { rounds: quick ? 1 : 5, operations, concurrency },
      );
      const name = `redis: processOnce (node-redis), ${concurrency === 1 ? 'sequential' : '64 in flight'}`;
      rows.push(comparisonRow(name, pipelines, 'Powertools makeIdempotent', '< 1'));
    }
  } finally {
    await cleanup(client, prefix);
    client.disconnect();
    await node.quit();
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = serverUrl('redis');
  if (!url) throw new Error('bench/store-redis.ts needs a Redis (see scripts/services.sh)');
  console.table(await redisRows(url, process.argv.includes('--quick')));
}
