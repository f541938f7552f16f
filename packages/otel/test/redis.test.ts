/**
 * The durable-store proof: the channel suite of every outcome (the one core runs on the memory
 * store) on a real Redis, and the OTel spans of a Redis that does not answer. Lives here, not
 * in core: core cannot depend on @hooklatch/store-redis (a cycle).
 */
import { handleWebhook } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { describeChannelScenarios } from '../../core/test/support/channel-scenarios';
import { signedInput, testAdapter } from '../../core/test/support/hmac-adapter';
import { deleteKeys } from '../../store-redis/test/support/clients';
import { serverUrl } from '../../testing/test-support/require-server';
import { otelHarness } from './support/otel-harness';

const url = serverUrl('redis');
const prefix = `hooklatch-otel-test:${process.pid}:`;
const clients: Redis[] = [];

function connected(): Redis {
  const client = new Redis(url as string, { maxRetriesPerRequest: 1, commandTimeout: 5_000 });
  clients.push(client);
  return client;
}

/** A client of a Redis that is not there: nothing listens on port 1. */
function unreachable(): Redis {
  const client = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  clients.push(client);
  return client;
}

afterAll(async () => {
  if (url !== undefined) {
    await deleteKeys(connected(), prefix);
  }
  for (const c of clients) c.disconnect();
});

describe.skipIf(url === undefined)('on Redis', () => {
  let shared: ReturnType<typeof redisStore> | undefined;
  describeChannelScenarios('redis', {
    store: () => {
      shared ??= redisStore({ client: connected(), prefix });
      return shared;
    },
    down: () => redisStore({ client: unreachable(), prefix, timeoutMs: 500 }),
  });

  it('OTel: a Redis that does not answer gives error spans with STORE_UNAVAILABLE', async () => {
    const otel = otelHarness();
    try {
      const reply = await handleWebhook(signedInput({ id: 'down_1', type: 'order.paid' }), {
        adapter: testAdapter(),
        store: redisStore({ client: unreachable(), prefix, timeoutMs: 500 }),
        handler: () => 'never',
        logger: false,
      });
      expect(reply.status).toBe(503);
      const spans = otel.spans();
      expect(spans.map((s) => [s.name, s.status, s.attributes['error.type']])).toEqual([
        ['parse test', 'UNSET', undefined],
        ['claim', 'ERROR', 'STORE_UNAVAILABLE'],
        ['process test', 'ERROR', 'STORE_UNAVAILABLE'],
      ]);
      expect(spans[2]?.attributes['hooklatch.outcome']).toBe('store_unavailable');
      expect(spans[1]?.parent).toBe('process test');
    } finally {
      await otel.close();
    }
  });
});
