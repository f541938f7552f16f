/** The cross-process race: 2 processes x 32 claimers x 1000 keys, per client library. */
import { fileURLToPath } from 'node:url';
import { runClaimRace } from '@hooklatch/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { deleteKeys, ioredisClient } from './support/clients';

const url = serverUrl('redis');
const factoryModule = fileURLToPath(new URL('./support/race-factory.ts', import.meta.url));

describe.skipIf(!url)('redis claim race across processes', () => {
  const prefixes: string[] = [];
  afterAll(async () => {
    if (prefixes.length === 0) return;
    const io = ioredisClient(url as string);
    for (const prefix of prefixes) await deleteKeys(io, prefix);
    io.disconnect();
  });

  for (const client of ['ioredis', 'node-redis']) {
    it(`claims each key exactly once (${client})`, async () => {
      const report = await runClaimRace({
        factoryModule,
        processes: 2,
        concurrency: 32,
        keys: 1000,
        env: { HOOKLATCH_RACE_CLIENT: client },
      });
      prefixes.push(report.prefix);
      expect(report.errors).toEqual([]);
      expect(report.claims).toBe(2 * 32 * 1000);
      expect(report.claimedPerKey.filter((n) => n !== 1)).toEqual([]);
      expect(report.claimedPerKey).toHaveLength(1000);
    }, 120_000);
  }
});
