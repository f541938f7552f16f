/**
 * `hooklatch stats --metrics URL`: the dedupe hit rate from a real `metrics()` recorder that
 * counted real deliveries, served as Prometheus text on loopback, read by the executable.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleWebhook, memoryStore, metrics } from '@hooklatch/core';
import { qualio } from '@hooklatch/qualio';
import { sqliteStore } from '@hooklatch/store-sql/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooklatch } from './child';
import { closedPort } from './servers';

const dir = mkdtempSync(join(tmpdir(), 'hooklatch-stats-'));
const store = `sqlite:${join(dir, 'h.db')}`;
const recorder = metrics();
const servers: Server[] = [];

async function serve(text: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
}

beforeAll(async () => {
  const schema = sqliteStore({ filename: join(dir, 'h.db') });
  await schema.createSchema();
  await schema.close();
  // One event delivered three times: processed once, then two duplicates.
  const adapter = qualio({ auth: { scheme: 'hmac', secret: 'metrics-secret' } });
  const body = JSON.stringify({
    eventType: 'nc.updated',
    ncId: 'NC-9',
    timestamp: '2025-01-05T10:15:32Z',
  });
  const dedupe = memoryStore();
  for (let i = 0; i < 3; i++) {
    const delivery = adapter.sign?.(body) as { headers: Record<string, string> };
    await handleWebhook(
      { headers: delivery.headers, body },
      { adapter, store: dedupe, handler: async () => {} },
    );
  }
});
afterAll(async () => {
  recorder.close();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  rmSync(dir, { recursive: true, force: true });
});

describe('hooklatch stats --metrics', { timeout: 30_000 }, () => {
  it("reads the hit rate from the application's metrics", async () => {
    const url = await serve(recorder.prometheus());
    const json = await hooklatch(['stats', '--store', store, '--metrics', url, '--json']);
    expect(json.code).toBe(0);
    const { hits } = JSON.parse(json.out);
    expect(hits.total).toEqual({ deliveries: 3, duplicates: 2, inFlight: 0, hitRate: 2 / 3 });
    expect(hits.providers.qualio.deliveries).toBe(3);
    expect(hits.windowHitRate).toBeCloseTo(2 / 3);
    const table = await hooklatch(['stats', '--store', store, '--metrics', url]);
    expect(table.out).toMatch(/^qualio\s+3\s+2\s+0\s+66\.7%$/m);
    expect(table.out).toContain("hit rate over the recorder's window: 66.7%");
  });

  it('says when the endpoint refuses, is not hooklatch, or is not a URL', async () => {
    const refused = await hooklatch([
      'stats',
      '--store',
      store,
      '--metrics',
      `http://127.0.0.1:${await closedPort()}/m`,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/cannot read the metrics at .*: the connection was refused/);
    // A password in the URL is sent as basic auth and never printed.
    const guarded = await hooklatch([
      'stats',
      '--store',
      store,
      '--metrics',
      `http://scraper:M3tricsPW@127.0.0.1:${await closedPort()}/m`,
    ]);
    expect(guarded.code).toBe(1);
    expect(guarded.err).toContain('http://***@127.0.0.1:');
    expect(`${guarded.out}${guarded.err}`).not.toContain('M3tricsPW');
    const other = await hooklatch(['stats', '--store', store, '--metrics', await serve('up 1\n')]);
    expect(other.code).toBe(1);
    expect(other.err).toContain('has no hooklatch metrics');
    expect((await hooklatch(['stats', '--store', store, '--metrics', 'localhost:9090'])).code).toBe(
      2,
    );
  });
});
