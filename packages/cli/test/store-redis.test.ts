/** The store commands on the Redis server in HOOKLATCH_REDIS_URL (required with CI=true). */
import { redisInbox, redisStore } from '@hooklatch/store-redis';
import Redis from 'ioredis';
import { afterAll, describe } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { closedPort, closeSilentServers, silentPort } from './servers';
import { describeStoreCommands } from './store-scenario';

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
});
