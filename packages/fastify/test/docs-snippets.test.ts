/** docs/integrations/fastify.md: its code is the snippet file, and the snippet app works. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { app } from '../../../docs/snippets/integrations/fastify';
import {
  expectDocumentedRouting,
  expectPageShowsSnippets,
} from '../../express/test/support/docs-check';
import { httpTarget, type ProofTarget } from '../../express/test/support/integration-proof';

let target: ProofTarget;
beforeAll(async () => {
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  target = httpTarget(base, () => app.close(), '/webhooks/stripe');
});
afterAll(() => target.close());

describe('docs/integrations/fastify.md', () => {
  it('shows the snippet file exactly', () => {
    expectPageShowsSnippets('docs/integrations/fastify.md', [
      'docs/snippets/integrations/fastify.ts',
    ]);
  });

  it('serves every Stripe event type through the router, once each', async () => {
    await expectDocumentedRouting((delivery) => target.send(delivery));
  });
});
