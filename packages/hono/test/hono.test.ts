/**
 * @hooklatch/hono on a real Hono app served by @hono/node-server on 127.0.0.1: the integration
 * proof for the route helper and for the middleware, plus what the middleware adds (the event
 * on the context, the route's own answer, a failing route releasing its claim) and Hono's
 * body cache.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { memoryStore } from '@hooklatch/core';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeAdapter, stripeSigned } from '../../express/test/support/deliveries';
import {
  describeIntegrationProof,
  httpTarget,
  type ProofOptions,
  type ProofTarget,
} from '../../express/test/support/integration-proof';
import { webhookMiddleware, webhookRoute } from '../src/index';

async function listen(app: Hono, path?: string): Promise<ProofTarget> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return httpTarget(base, close, path);
}

/** A middleware that reads the stream itself, past Hono's cache: the body is gone. */
const rawReader = async (c: { req: { raw: Request } }, next: () => Promise<void>) => {
  await c.req.raw.text();
  await next();
};

describeIntegrationProof('hono webhookRoute', {
  async start(options: ProofOptions) {
    const app = new Hono();
    app.post('/webhooks', webhookRoute(options));
    return listen(app);
  },
  async startMisconfigured(options: ProofOptions) {
    const app = new Hono();
    app.use('/webhooks', rawReader);
    app.post('/webhooks', webhookRoute(options));
    return listen(app);
  },
  fix: /c\.req\.raw/,
});

describeIntegrationProof('hono webhookMiddleware', {
  async start({ handler, ...options }: ProofOptions) {
    const app = new Hono();
    app.post('/webhooks', webhookMiddleware(options), async (c) => {
      const { event, context } = c.var.webhook;
      await handler(event, context);
      return c.json({ outcome: 'processed' });
    });
    return listen(app);
  },
  async startMisconfigured({ handler: _handler, ...options }: ProofOptions) {
    const app = new Hono();
    app.use('/webhooks', rawReader);
    app.post('/webhooks', webhookMiddleware(options), (c) => c.text('never'));
    return listen(app);
  },
  fix: /c\.req\.raw/,
});

describe('hono specifics', () => {
  const adapter = stripeAdapter();
  const ran: string[] = [];
  let target: ProofTarget;
  let cached: ProofTarget;
  let reads: ProofTarget;
  let blobs: ProofTarget;
  beforeAll(async () => {
    const app = new Hono();
    const options = { adapter, store: memoryStore(), logger: false as const };
    app.use('/cached/*', async (c, next) => {
      await c.req.json(); // e.g. a logging middleware: Hono caches the text it read
      await next();
    });
    app.use('/blob/*', async (c, next) => {
      await c.req.blob(); // cached as a Blob: its bytes are the body
      await next();
    });
    app.post('/blob/webhooks', webhookMiddleware(options), (c) => {
      ran.push(`blob ${c.var.webhook.event.id}`);
      return c.json({ route: 'blob' });
    });
    app.post('/cached/webhooks', webhookMiddleware(options), (c) => {
      ran.push(c.var.webhook.event.id);
      return c.json({ route: 'cached' });
    });
    app.post('/reads/webhooks', webhookMiddleware(options), async (c) => {
      // The route reads the body itself, after hooklatch did.
      const body = (await c.req.json()) as { id: string };
      ran.push(`read ${body.id}`);
      return c.json({ read: body.id });
    });
    app.post('/webhooks', webhookMiddleware(options), (c) => {
      const { event } = c.var.webhook;
      ran.push(event.id);
      if (event.id.startsWith('evt_throw')) throw new Error('route failed');
      if (event.id.startsWith('evt_refuse')) return c.json({ later: true }, 503);
      if (event.id.startsWith('evt_noreturn')) {
        c.json({ forgot: 'return' }, 202); // the Response is made, never returned
        return undefined as unknown as Response;
      }
      return c.json({ route: event.type }, 202);
    });
    target = await listen(app);
    cached = await listen(app, '/cached/webhooks');
    reads = await listen(app, '/reads/webhooks');
    blobs = await listen(app, '/blob/webhooks');
  });
  afterAll(async () => {
    await target.close();
    await cached.close();
    await reads.close();
    await blobs.close();
  });

  const send = (id: string) => target.send(stripeSigned(adapter, id));

  it('uses the body Hono cached when a middleware read it first', async () => {
    const response = await cached.send(stripeSigned(adapter, 'evt_hono_cached'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ route: 'cached' });
    expect(ran).toContain('evt_hono_cached');
    const blob = await blobs.send(stripeSigned(adapter, 'evt_hono_blob'));
    expect(blob.status).toBe(200);
    expect(ran).toContain('blob evt_hono_blob');
  });

  it('leaves the body for a route that reads it after the middleware', async () => {
    const first = await reads.send(stripeSigned(adapter, 'evt_hono_reads'));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ read: 'evt_hono_reads' });
    const retry = await reads.send(stripeSigned(adapter, 'evt_hono_reads'));
    expect(await retry.json()).toEqual({ outcome: 'duplicate' });
    expect(ran.filter((entry) => entry === 'read evt_hono_reads')).toHaveLength(1);
  });

  it('sends the route’s own 2xx answer for a processed event, and answers the retry itself', async () => {
    const first = await send('evt_hono_answer');
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ route: 'payment_intent.succeeded' });
    const retry = await send('evt_hono_answer');
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: 'duplicate' });
    expect(ran.filter((id) => id === 'evt_hono_answer')).toHaveLength(1);
  });

  it('answers a throwing route 500 and releases its claim for the retry', async () => {
    const first = await send('evt_throw_hono');
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ outcome: 'failed' });
    const retry = await send('evt_throw_hono');
    expect(retry.status).toBe(500);
    expect(ran.filter((id) => id === 'evt_throw_hono')).toHaveLength(2);
  });

  it('a route that returns no Response is no answer: 500, claim released, the retry runs it', async () => {
    const first = await send('evt_noreturn_hono');
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ outcome: 'failed' });
    const retry = await send('evt_noreturn_hono');
    expect(retry.status).toBe(500);
    expect(ran.filter((id) => id === 'evt_noreturn_hono')).toHaveLength(2);
  });

  it('sends a non-2xx route answer as is and releases the claim', async () => {
    const first = await send('evt_refuse_hono');
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ later: true });
    const retry = await send('evt_refuse_hono');
    expect(retry.status).toBe(503);
    expect(ran.filter((id) => id === 'evt_refuse_hono')).toHaveLength(2);
  });
});
