/**
 * docs/integrations/next.md: its code is the snippet files; the app-router export answers a
 * NextRequest, and the pages-router module (its `config` included) runs through Next's
 * apiResolver on 127.0.0.1.
 */
import { NextRequest } from 'next/server.js';
import { describe, it } from 'vitest';
import * as appRoute from '../../../docs/snippets/integrations/next-app-route';
import * as pagesRoute from '../../../docs/snippets/integrations/next-pages-route';
import {
  expectDocumentedRouting,
  expectPageShowsSnippets,
} from '../../express/test/support/docs-check';
import { pagesTarget } from './support/pages-server';

describe('docs/integrations/next.md', () => {
  it('shows the snippet files exactly', () => {
    expectPageShowsSnippets('docs/integrations/next.md', [
      'docs/snippets/integrations/next-app-route.ts',
      'docs/snippets/integrations/next-pages-route.ts',
    ]);
  });

  it('app router: serves every Stripe event type through the router, once each', async () => {
    await expectDocumentedRouting((delivery) =>
      appRoute.POST(new NextRequest('https://app.example.test/api/webhooks/stripe', delivery)),
    );
  });

  it('pages router: the module as written works under Next’s apiResolver', async () => {
    const target = await pagesTarget(pagesRoute, '/api/webhooks/stripe');
    try {
      await expectDocumentedRouting((delivery) => target.send(delivery));
    } finally {
      await target.close();
    }
  });
});
