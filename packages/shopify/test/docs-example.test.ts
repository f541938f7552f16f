import { readFileSync } from 'node:fs';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { ORDER } from './support/examples';

const docsPath = new URL('../../../docs/providers/shopify.md', import.meta.url);
const examplePath = new URL('./support/docs-example.ts', import.meta.url);

function toRequest(input: ReturnType<typeof signedShopifyRequest>): Request {
  return new Request('https://example.test/webhooks/shopify', input);
}

describe('docs/providers/shopify.md example', () => {
  it('is the verified example file, verbatim', () => {
    const docs = readFileSync(docsPath, 'utf8');
    const block = docs.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('processes an update once, acknowledges its retry and ignores a stale one', async () => {
    const { POST, totals } = await import('./support/docs-example');
    const subject = `shop.myshopify.com/orders/${ORDER.id}`;
    const update = (eventId: string, minutes: number, total: string) =>
      signedShopifyRequest({
        secret: 'old-secret',
        topic: 'orders/updated',
        payload: { ...ORDER, total_price: total },
        shopDomain: 'shop.myshopify.com',
        eventId,
        triggeredAt: new Date(Date.UTC(2026, 0, 1, 10, minutes)),
      });
    const first = await POST(toRequest(update('ev-new', 30, '10.00')));
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const retry = await POST(toRequest(update('ev-new', 30, '10.00')));
    expect(await retry.json()).toEqual({ outcome: 'duplicate' });
    // An older event's retry arrives late: processed (new ID) but not applied.
    const stale = await POST(toRequest(update('ev-old', 0, '99.00')));
    expect(await stale.json()).toEqual({ outcome: 'processed' });
    expect(totals.get(subject)).toBe('10.00');
    const forged = signedShopifyRequest({
      secret: 'wrong',
      topic: 'orders/updated',
      payload: ORDER,
    });
    expect((await POST(toRequest(forged))).status).toBe(401);
  });
});
