/**
 * The Redis inbox through the shared inbox suite, against the server in HOOKLATCH_REDIS_URL,
 * over ioredis (and node-redis for one round trip). The outage runs the inbox through a TCP
 * proxy that resets every connection and refuses new ones for a while.
 */
import { fileURLToPath } from 'node:url';
import { redisInbox } from '@hooklatch/store-redis';
import { tcpProxy } from '@hooklatch/testing';
import { describeInbox } from '@hooklatch/testing/vitest';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { deleteKeys, ioredisClient, nodeRedisClient } from './support/clients';

const url = serverUrl('redis');

describe.skipIf(!url)('redis inbox', () => {
  const prefix = `hl-inbox-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}:`;
  const client = ioredisClient(url as string);
  afterAll(async () => {
    await deleteKeys(client, prefix);
    client.disconnect();
  });

  describeInbox({
    name: 'redis (ioredis)',
    create: ({ queue }) => redisInbox({ client, prefix, queue }),
    processes: {
      factoryModule: fileURLToPath(new URL('./inbox/redis-factory.ts', import.meta.url)),
      env: { HOOKLATCH_INBOX_PREFIX: prefix },
    },
    async outage(queue) {
      const target = new URL(url as string);
      const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
      const proxied = new Redis(proxy.port, '127.0.0.1', {
        maxRetriesPerRequest: 1,
        connectTimeout: 500,
      });
      proxied.on('error', () => {});
      return {
        inbox: redisInbox({ client: proxied, prefix, queue, timeoutMs: 1_000 }),
        begin: async () => proxy.down(),
        end: async () => proxy.up(),
        async close() {
          proxied.disconnect();
          await proxy.close();
        },
      };
    },
  });

  it('works over node-redis too, keeping binary bodies exactly', async () => {
    const other = await nodeRedisClient(url as string);
    try {
      const inbox = redisInbox({ client: other, prefix, queue: 'node-redis' });
      const body = new Uint8Array([0, 255, 128, 10]);
      const delivery = {
        key: 'k',
        provider: 'p',
        type: 't',
        method: 'POST',
        headers: {},
        body,
        receivedAt: new Date(5),
      };
      expect(await inbox.enqueue(delivery)).toEqual({ status: 'enqueued', state: 'pending' });
      const [claim] = await inbox.claim({ leaseMs: 10_000, limit: 5 });
      expect(Array.from(claim?.entry.body ?? [])).toEqual([0, 255, 128, 10]);
      expect(await inbox.complete('k', claim?.token as string)).toBe(true);
      expect(await inbox.get('k')).toMatchObject({ state: 'completed', receivedAt: new Date(5) });
    } finally {
      other.destroy();
    }
  });
});
