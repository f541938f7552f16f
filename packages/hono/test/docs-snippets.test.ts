/** docs/integrations/hono.md: its code is the snippet files, and both snippet apps work. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { app as routeApp } from '../../../docs/snippets/integrations/hono';
import { app as middlewareApp, shipped } from '../../../docs/snippets/integrations/hono-middleware';
import { adapter } from '../../../docs/snippets/integrations/setup';
import { stripeSigned } from '../../express/test/support/deliveries';
import {
  DOCS_SECRET,
  expectDocumentedRouting,
  expectPageShowsSnippets,
} from '../../express/test/support/docs-check';
import { httpTarget, type ProofTarget } from '../../express/test/support/integration-proof';

async function listen(app: Hono): Promise<ProofTarget> {
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return httpTarget(base, close, '/webhooks/stripe');
}

describe('docs/integrations/hono.md', () => {
  it('shows the snippet files exactly', () => {
    expectPageShowsSnippets('docs/integrations/hono.md', [
      'docs/snippets/integrations/hono.ts',
      'docs/snippets/integrations/hono-middleware.ts',
    ]);
  });

  it('serves every Stripe event type through the router, once each', async () => {
    const target = await listen(routeApp);
    try {
      await expectDocumentedRouting((delivery) => target.send(delivery));
    } finally {
      await target.close();
    }
  });

  it('runs the middleware’s route once per event, with the typed event', async () => {
    const target = await listen(middlewareApp);
    try {
      const delivery = stripeSigned(adapter, 'evt_docs_hono_mw', { secret: DOCS_SECRET });
      const first = await target.send(delivery);
      expect(await first.json()).toEqual({ received: true });
      const retry = await target.send(delivery);
      expect(await retry.json()).toEqual({ outcome: 'duplicate' });
      expect(shipped).toEqual(['pi_proof']);
    } finally {
      await target.close();
    }
  });
});
