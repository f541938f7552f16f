/** docs/integrations/express.md: its code is the snippet files, and the snippet app works. */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { app } from '../../../docs/snippets/integrations/express';
import { expectDocumentedRouting, expectPageShowsSnippets } from './support/docs-check';
import { httpTarget, type ProofTarget } from './support/integration-proof';

let target: ProofTarget;
beforeAll(async () => {
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  target = httpTarget(base, close, '/webhooks/stripe');
});
afterAll(() => target.close());

describe('docs/integrations/express.md', () => {
  it('shows the snippet files exactly', () => {
    expectPageShowsSnippets('docs/integrations/express.md', [
      'docs/snippets/integrations/express.ts',
      'docs/snippets/integrations/setup.ts',
    ]);
    expectPageShowsSnippets('docs/integrations/router.md', ['docs/snippets/integrations/setup.ts']);
  });

  it('serves every Stripe event type through the router, once each', async () => {
    await expectDocumentedRouting((delivery) => target.send(delivery));
  });
});
