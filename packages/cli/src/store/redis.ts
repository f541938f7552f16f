/**
 * `redis://` and `rediss://`: over ioredis when it is installed, else node-redis. The client
 * is made for a command line: one connection attempt bounded by `--timeout-ms`, no reconnect
 * loop and no offline queue, so a server that is down is reported at once instead of waited on.
 */
import type { InboxStore } from '@hooklatch/core';
import { CliFailure } from '../io';
import { loadFirst, loadOptional } from '../optional-module';
import { connectOrFail, driverTimeout, type StoreConnection } from './connection';
import type { StoreSettings } from './options';

interface OpenClient {
  client: unknown;
  close(): Promise<void>;
}

type Events = { on(event: 'error', listener: (error: unknown) => void): unknown };

/**
 * Connect, reporting the socket's own error: without reconnects a client rejects `connect()`
 * with a bare "connection closed", while the error event carried the reason (ECONNREFUSED).
 */
async function connect(client: Events, start: () => Promise<unknown>): Promise<void> {
  let reason: unknown;
  // Later failures reach the command through the rejected calls; the events are only noise.
  client.on('error', (error) => {
    reason ??= error;
  });
  try {
    await start();
  } catch (error) {
    throw reason ?? error;
  }
}

async function openClient(url: string, settings: StoreSettings): Promise<OpenClient> {
  const timeoutMs = settings.timeoutMs;
  const driver = await loadFirst('a redis:// store', [
    ['ioredis', () => import('ioredis')],
    ['redis', () => import('redis')],
  ]);
  if (driver.name === 'ioredis') {
    const { default: Redis } = driver.module as typeof import('ioredis');
    const client = new Redis(url, {
      lazyConnect: true,
      connectTimeout: driverTimeout(timeoutMs),
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      retryStrategy: () => null,
    });
    const close = async () => client.disconnect();
    await connectOrFail(
      settings.target,
      timeoutMs,
      connect(client, () => client.connect()),
      close,
    );
    return { client, close };
  }
  const { createClient } = driver.module as typeof import('redis');
  const client = createClient({
    url,
    socket: { connectTimeout: driverTimeout(timeoutMs), reconnectStrategy: false },
  });
  const connecting = connect(client as Events, () => client.connect());
  await connectOrFail(settings.target, timeoutMs, connecting, () => client.destroy());
  return { client, close: async () => void (await client.quit().catch(() => client.destroy())) };
}

/**
 * The database a `redis://host/N` URL names (ioredis also reads `?db=N`, which wins), as the
 * clients read it (`/01` is 1), or `undefined` when it names none.
 */
function databaseOf(url: string): string | undefined {
  const parsed = new URL(url);
  const named = parsed.searchParams.get('db') ?? parsed.pathname.replace(/^\//, '');
  return named === '' ? undefined : String(Number(named));
}

/**
 * Select the URL's database ourselves and fail if the server refuses it: both clients report a
 * refused `SELECT` (a database past the server's `databases`) only as an event and carry on in
 * database 0, where a `replay`, `release` or `purge` would change another database's records.
 */
async function selectDatabase(client: unknown, url: string, display: string): Promise<void> {
  const database = databaseOf(url);
  if (database === undefined) return;
  const io = client as { call?: (...args: string[]) => Promise<unknown> };
  const nodeRedis = client as { sendCommand: (args: string[]) => Promise<unknown> };
  try {
    await (typeof io.call === 'function'
      ? io.call('SELECT', database)
      : nodeRedis.sendCommand(['SELECT', database]));
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/\.$/, '') : String(error);
    throw new CliFailure(`cannot use database ${database} of ${display}: ${reason}.`);
  }
}

/** Connect to the Redis server `settings.target` names. */
export async function connectRedis(settings: StoreSettings): Promise<StoreConnection> {
  const { target } = settings;
  if (target.kind !== 'redis') throw new TypeError('not a redis target');
  const { redisInbox, redisStore } = await loadOptional(
    '@hooklatch/store-redis',
    'a redis:// store',
    () => import('@hooklatch/store-redis'),
  );
  const opened = await openClient(target.url, settings);
  try {
    await selectDatabase(opened.client, target.url, target.display);
  } catch (error) {
    await opened.close();
    throw error;
  }
  const client = opened.client as Parameters<typeof redisStore>[0]['client'];
  const dedupe = redisStore({
    client,
    ...(settings.prefix === undefined ? {} : { prefix: settings.prefix }),
    timeoutMs: settings.timeoutMs,
  });
  let inbox: InboxStore | undefined;
  return {
    target,
    dedupe,
    inbox() {
      inbox ??= redisInbox({
        client,
        ...(settings.inboxPrefix === undefined ? {} : { prefix: settings.inboxPrefix }),
        ...(settings.queue === undefined ? {} : { queue: settings.queue }),
        timeoutMs: settings.timeoutMs,
      });
      return inbox;
    },
    close: opened.close,
  };
}
