/**
 * @hooklatch/fastify on a real Fastify 5 server on 127.0.0.1: the integration proof, plus the
 * plugin's scoping (the app's JSON parsing is untouched) and its body limit.
 */

import { connect } from 'node:net';
import { memoryStore, type OutcomeReport } from '@hooklatch/core';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stripeAdapter, stripeSigned } from '../../express/test/support/deliveries';
import {
  describeIntegrationProof,
  httpTarget,
  type ProofOptions,
} from '../../express/test/support/integration-proof';
import { webhookPlugin, webhookRoute } from '../src/index';

async function listen(app: ReturnType<typeof Fastify>) {
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return httpTarget(base, () => app.close());
}

describeIntegrationProof('fastify', {
  async start(options: ProofOptions) {
    const app = Fastify();
    await app.register(webhookPlugin({ ...options, path: '/webhooks' }));
    return listen(app);
  },
  async startMisconfigured(options: ProofOptions) {
    // The route registered at the root, where Fastify's own JSON parser turns the body into an object.
    const app = Fastify();
    app.post('/webhooks', webhookRoute(options));
    return listen(app);
  },
  fix: /webhookPlugin/,
});

describe('webhookPlugin scope', () => {
  const adapter = stripeAdapter();
  const handled: string[] = [];
  const outcomes: OutcomeReport[] = [];
  let target: Awaited<ReturnType<typeof listen>>;
  let base = '';
  beforeAll(async () => {
    const app = Fastify();
    await app.register(
      webhookPlugin({
        path: '/webhooks',
        adapter,
        store: memoryStore(),
        handler: (event) => void handled.push(event.id),
        parse: { maxBodyBytes: 4096 },
        logger: false,
        hooks: { onOutcome: (report) => void outcomes.push(report) },
      }),
    );
    app.post('/json', async (request) => ({ echoed: request.body }));
    // The app's own outage inside the plugin's scope: an error that looks like a hang-up.
    await app.register(async (scope) => {
      scope.addHook('preHandler', async () => {
        throw Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
      });
      await scope.register(
        webhookPlugin({
          path: '/outage',
          adapter,
          store: memoryStore(),
          handler: (event) => void handled.push(event.id),
          logger: false,
        }),
      );
    });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    target = httpTarget(base, () => app.close());
  });
  afterAll(() => target.close());

  it('leaves the app’s JSON parsing alone outside the plugin', async () => {
    const response = await fetch(`${base}/json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(await response.json()).toEqual({ echoed: { a: 1 } });
  });

  it('takes any content type as raw bytes', async () => {
    const delivery = stripeSigned(adapter, 'evt_fastify_text');
    const response = await target.send({
      ...delivery,
      headers: { ...delivery.headers, 'content-type': 'text/plain' },
    });
    expect(response.status).toBe(200);
    expect(handled).toContain('evt_fastify_text');
  });

  it('answers a body over maxBodyBytes 413 BODY_TOO_LARGE, like core', async () => {
    const big = stripeSigned(adapter, 'evt_fastify_big', { metadata: { note: 'x'.repeat(5000) } });
    const response = await target.send(big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    expect(handled).not.toContain('evt_fastify_big');
  });

  it('a sender that hangs up mid-body is reported as BODY_INCOMPLETE (400), not lost', async () => {
    const { port } = new URL(base);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /webhooks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n');
    socket.write('Content-Length: 1000\r\n\r\n{"id":"evt_');
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.destroy();
    await vi.waitFor(() =>
      expect(outcomes.some((o) => o.errorCode === 'BODY_INCOMPLETE')).toBe(true),
    );
    expect(outcomes.find((o) => o.errorCode === 'BODY_INCOMPLETE')).toMatchObject({
      outcome: 'rejected',
      status: 400,
    });
  });

  it('the app’s own ECONNRESET in a hook is its outage (500), not the sender’s (400)', async () => {
    const response = await fetch(`${base}/outage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(500);
  });

  it('serves only the adapter’s methods', async () => {
    const response = await fetch(`${base}/webhooks`, { method: 'PUT', body: '{}' });
    expect(response.status).toBe(404);
  });
});

describe('webhookPlugin for an adapter that delivers with PUT', () => {
  it('answers a PUT body over the limit 413 (its own refusal), not 405 "not POST"', async () => {
    const adapter = { ...stripeAdapter(), methods: ['PUT'] as const };
    const app = Fastify();
    await app.register(
      webhookPlugin({
        path: '/webhooks',
        adapter,
        store: memoryStore(),
        handler: () => {},
        parse: { maxBodyBytes: 64 },
        logger: false,
      }),
    );
    const target = await listen(app);
    try {
      const body = JSON.stringify({ note: 'x'.repeat(500) });
      const headers = { 'content-type': 'application/json' };
      const response = await target.send({ method: 'PUT', headers, body });
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
    } finally {
      await target.close();
    }
  });
});
