import { readFileSync } from 'node:fs';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { describe, expect, it } from 'vitest';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const docsPath = new URL('../../../docs/providers/stripe.md', import.meta.url);
const examplePath = new URL('./support/docs-example.ts', import.meta.url);

function toRequest(input: ReturnType<typeof signedStripeRequest>): Request {
  return new Request('https://example.test/webhooks/stripe', input);
}

describe('docs/providers/stripe.md example', () => {
  it('is the verified example file, verbatim', () => {
    const docs = readFileSync(docsPath, 'utf8');
    const block = docs.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('processes a payment once and acknowledges Stripe retrying it', async () => {
    const { POST, paid } = await import('./support/docs-example');
    const payload = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
    const delivery = () => signedStripeRequest({ secret: 'whsec_old', payload });
    const first = await POST(toRequest(delivery()));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const again = await POST(toRequest(delivery()));
    expect(await again.json()).toEqual({ outcome: 'duplicate' });
    expect(paid).toEqual([2000]);
    const forged = signedStripeRequest({ secret: 'whsec_wrong', payload });
    expect((await POST(toRequest(forged))).status).toBe(401);
  });
});
