/**
 * Setup mistakes are CONFIG_INVALID, not outages (issue 10, item 10). Every case provokes the
 * real server's refusal: a key we SET ourselves, a client object that is not a client, and
 * private redis-servers started with `requirepass`, renamed commands or a full `maxmemory`.
 * ACL refusals: acl.test.ts. Connectivity failures stay STORE_UNAVAILABLE (store-unavailable
 * and timeout tests).
 */
import { randomBytes } from 'node:crypto';
import type { DedupeStore } from '@hooklatch/core';
import { redisInbox, redisStore } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { type Connected, connectors, deleteKeys, ioredisClient } from './support/clients';
import { failure, setupError } from './support/failures';
import { hasRedisServer } from './support/redis-server-binary';
import { startThrowawayRedis, type ThrowawayRedis } from './support/throwaway-redis';

const url = serverUrl('redis');
const long = { leaseMs: 60_000, ttlMs: 60_000 };
const prefix = `hl-drv-${randomBytes(4).toString('hex')}:`;

describe.skipIf(!url)('redis setup errors are CONFIG_INVALID', () => {
  let admin: Redis;
  beforeAll(() => {
    admin = ioredisClient(url as string);
  });
  afterAll(async () => {
    await deleteKeys(admin, prefix);
    admin.disconnect();
  });

  for (const [name, connect] of Object.entries(connectors)) {
    describe(name, () => {
      let shared: Connected;
      beforeAll(async () => {
        shared = await connect(url as string);
      });
      afterAll(() => shared?.close());

      it('WRONGTYPE: a key under the prefix that another app SET', async () => {
        const store = redisStore({ client: shared.client, prefix });
        await admin.set(`${prefix}taken-${name}`, 'not a hash');
        const expected = setupError('WRONGTYPE');
        expect(await failure(store.claim(`taken-${name}`, long))).toEqual(expected);
        expect(await failure(store.get(`taken-${name}`))).toEqual(expected);
        expect(await failure(store.extend(`taken-${name}`, 'token', 1_000))).toEqual(expected);
        expect(await failure(store.complete(`taken-${name}`, 't', { ttlMs: 1_000 }))).toEqual(
          expected,
        );
        expect(await admin.get(`${prefix}taken-${name}`)).toBe('not a hash');
      });

      it("WRONGTYPE: another app's hash is refused, not overwritten", async () => {
        const store = redisStore({ client: shared.client, prefix });
        const key = `${prefix}hash-${name}`;
        await admin.hset(key, 'owner', 'someone else');
        expect(await failure(store.claim(`hash-${name}`, long))).toEqual(setupError('WRONGTYPE'));
        expect(await admin.hgetall(key)).toEqual({ owner: 'someone else' });
        // Listing (operator tooling) skips keys that are not records instead of failing.
        await admin.set(`${prefix}string-${name}`, 'not a hash');
        await store.claim(`mine-${name}`, long);
        const listed = (await store.list?.({ limit: 1_000 }))?.map((r) => r.key) ?? [];
        expect(listed).toContain(`mine-${name}`);
        expect(listed.filter((key) => !key.startsWith('mine-'))).toEqual([]);
      });
    });
  }

  it('a class instead of a client instance is refused at construction', () => {
    // `Redis` has a `call` method too (Function.prototype.call): before the fix every claim
    // then failed with STORE_UNAVAILABLE, as if the server were down.
    expect(() => redisStore({ client: Redis as never })).toThrowError(
      setupError('NOT_A_REDIS_CLIENT'),
    );
    expect(() => redisStore({ client: createClient as never })).toThrowError(
      setupError('NOT_A_REDIS_CLIENT'),
    );
    expect(() => redisStore({ client: undefined as never })).toThrowError(
      setupError('NOT_A_REDIS_CLIENT'),
    );
  });

  it('a node-redis legacy-mode client (callbacks, no promises) fails as setup, not outage', async () => {
    const client = createClient({ url });
    client.on('error', () => {});
    await client.connect();
    try {
      const store = redisStore({ client: client.legacy() as never, prefix });
      expect(await failure(store.claim('legacy', long))).toEqual(setupError('UNEXPECTED_REPLY'));
    } finally {
      await client.close();
    }
  });
});

describe.skipIf(!url || !hasRedisServer)('redis setup errors on a private server', () => {
  const servers: ThrowawayRedis[] = [];
  afterAll(async () => {
    for (const server of servers) await server.kill();
  });
  const start = async (args: string[], password?: string) => {
    const server = await startThrowawayRedis(args, password);
    servers.push(server);
    return server;
  };

  /** Run `check` with a store over each client library connected to `serverUrl`. */
  async function withEachClient(serverUrl: string, check: (store: DedupeStore) => Promise<void>) {
    for (const connect of Object.values(connectors)) {
      const { client, close } = await connect(serverUrl);
      try {
        await check(redisStore({ client, prefix }));
      } finally {
        await close();
      }
    }
  }

  it('NOAUTH: a server with requirepass and a client without credentials', async () => {
    const server = await start(['--requirepass', 'pw-for-this-test'], 'pw-for-this-test');
    await withEachClient(server.url, async (store) => {
      expect(await failure(store.claim('k', long))).toEqual(setupError('NOAUTH'));
    });
  });

  it('ERR unknown command: EVAL and EVALSHA renamed away', async () => {
    const server = await start(['--rename-command', 'EVALSHA', '', '--rename-command', 'EVAL', '']);
    await withEachClient(server.url, async (store) => {
      const error = await failure(store.claim('k', long));
      expect(error).toEqual(setupError('ERR'));
      expect((error as Error).message).toMatch(/does not know a command/);
    });
  });

  it('a full Redis (maxmemory, noeviction) refuses new claims with STORE_FULL but keeps running ones', async () => {
    const server = await start(['--maxmemory-policy', 'noeviction']);
    const filler = ioredisClient(server.url);
    const stores = await Promise.all(
      Object.values(connectors).map(async (connect) => connect(server.url)),
    );
    try {
      const running = [];
      for (const { client } of stores) {
        const store = redisStore({ client, prefix });
        const claim = await store.claim(`running-${running.length}`, long);
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        running.push({ store, key: `running-${running.length}`, token: claim.token });
      }
      // Fill, then set a limit below what the server now uses (noeviction keeps it all).
      await filler.set('filler', 'x'.repeat(1024 * 1024));
      const used = Number(/used_memory:(\d+)/.exec(await filler.info('memory'))?.[1]);
      await filler.config('SET', 'maxmemory', String(used - 256 * 1024));

      for (const { store, key, token } of running) {
        // Before the fix the claim script wrote past maxmemory (its first write was a DEL).
        expect(await failure(store.claim('new', long))).toMatchObject({
          code: 'STORE_FULL',
          httpStatus: 503,
          details: expect.objectContaining({ driverCode: 'OOM' }),
        });
        // A running handler keeps its lease and its completion mark: losing either would let
        // the next copy run a second time.
        expect(await store.extend(key, token, 60_000)).toBe(true);
        expect(await store.complete(key, token, { ttlMs: 60_000, result: { ok: true } })).toBe(
          true,
        );
        expect((await store.claim(key, long)).status).toBe('completed');
      }
    } finally {
      filler.disconnect();
      for (const { close } of stores) await close();
    }
  });

  it('a full Redis keeps running inbox entries: extend, complete, fail, release and dead letters', async () => {
    const server = await start(['--maxmemory-policy', 'noeviction']);
    const filler = ioredisClient(server.url);
    const client = ioredisClient(server.url);
    try {
      const inbox = redisInbox({ client, prefix, queue: 'full' });
      const verdicts = ['complete', 'fail', 'release', 'deadLetter'] as const;
      for (const key of verdicts) {
        const delivery = { key, provider: 'p', type: 't', method: 'POST', headers: {} };
        await inbox.enqueue({ ...delivery, body: new Uint8Array([1]), receivedAt: new Date() });
      }
      const claims = await inbox.claim({ leaseMs: 60_000, limit: 10 });
      expect(claims).toHaveLength(verdicts.length);
      const token = (key: string) => claims.find((c) => c.entry.key === key)?.token as string;
      await filler.set('filler', 'x'.repeat(1024 * 1024));
      const used = Number(/used_memory:(\d+)/.exec(await filler.info('memory'))?.[1]);
      await filler.config('SET', 'maxmemory', String(used - 256 * 1024));

      // New work may be refused (retried later)...
      const fresh = { key: 'new', provider: 'p', type: 't', method: 'POST', headers: {} };
      expect(
        await failure(
          inbox.enqueue({ ...fresh, body: new Uint8Array([1]), receivedAt: new Date() }),
        ),
      ).toMatchObject({ code: 'STORE_FULL', httpStatus: 503 });
      // ...but a running entry never loses its lease or its verdict: the handler would run again.
      const error = { code: 'HANDLER_ERROR', message: 'boom' };
      for (const key of verdicts) expect(await inbox.extend(key, token(key), 60_000)).toBe(true);
      expect(await inbox.complete('complete', token('complete'))).toBe(true);
      expect(await inbox.fail('fail', token('fail'), { error, retryInMs: 60_000 })).toBe(true);
      expect(await inbox.release('release', token('release'))).toBe(true);
      expect(await inbox.deadLetter('deadLetter', token('deadLetter'), { error })).toBe(true);
      expect((await inbox.get('complete'))?.state).toBe('completed');
      expect((await inbox.get('fail'))?.state).toBe('pending');
      expect((await inbox.get('release'))?.state).toBe('pending');
      expect((await inbox.get('deadLetter'))?.state).toBe('dead');
    } finally {
      filler.disconnect();
      client.disconnect();
    }
  });
});
