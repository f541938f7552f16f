/** The store commands on the Redis server in HOOKLATCH_REDIS_URL (required with CI=true). */
import { redisInbox, redisStore } from '@hooklatch/store-redis';
import Redis from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { closedPort, closeSilentServers, silentPort } from './servers';
import { describeStoreCommands } from './store-scenario';
import { cli } from './support';

const url = serverUrl('redis');

describe.skipIf(!url)('redis', () => {
  const client = new Redis(url as string, { lazyConnect: false });
  afterAll(async () => {
    await closeSilentServers();
    await client.quit();
  });
  describeStoreCommands({
    name: 'Redis',
    purgesExpired: false,
    namespace: (id) => {
      const prefix = `hlcli:${id}:`;
      const inboxPrefix = `hlcli:${id}:inbox:`;
      return {
        args: ['--store', url as string, '--prefix', prefix, '--inbox-prefix', inboxPrefix],
        store: redisStore({ client, prefix }),
        inbox: redisInbox({ client, prefix: inboxPrefix }),
      };
    },
    unreachable: async () => ({
      refused: `redis://127.0.0.1:${await closedPort()}`,
      silent: `redis://127.0.0.1:${await silentPort()}`,
    }),
  });

  it('refuses a database the server does not have, instead of working on database 0', async () => {
    const prefix = `hlcli:db:${process.pid}:`;
    const store = redisStore({ client, prefix });
    const claimed = await store.claim('stripe:evt_db0', { leaseMs: 1, ttlMs: 60_000 });
    if (claimed.status !== 'claimed') throw new Error('expected claimed');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const base = new URL(url as string);
    const wrong = `${base.protocol}//${base.host}/99`;
    const run = await cli(['release', 'stripe:evt_db0', '--store', wrong, '--prefix', prefix]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('cannot use database 99');
    // Database 0's stalled record was not released by a command aimed at database 99.
    expect((await store.get('stripe:evt_db0'))?.state).toBe('in_flight');
    // ioredis also reads ?db=N, and that too is checked.
    const query = await cli([
      'release',
      'stripe:evt_db0',
      '--store',
      `${wrong}?db=99`.replace('/99?', '/?'),
      '--prefix',
      prefix,
    ]);
    expect(query.code).toBe(1);
    expect(query.err).toContain('cannot use database 99');
    expect((await store.get('stripe:evt_db0'))?.state).toBe('in_flight');
    const named = await cli(['list', '--store', `${base.protocol}//${base.host}/zero`]);
    expect(named.code).toBe(2);
    expect((await cli(['list', '--store', `${base.protocol}//${base.host}/?db=x`])).code).toBe(2);
    await store.delete?.('stripe:evt_db0');
  });
});
