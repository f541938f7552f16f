import { parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { isStaleShopifyEvent, ShopifyStaleGuard, shopify } from '../src/index';
import { EXAMPLES } from './support/examples';

const secret = 'shpss_stale';
const adapter = shopify({ secret });
const t0 = new Date('2026-01-01T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function update(triggeredAt: Date | undefined, id = EXAMPLES['orders/updated'].id) {
  const req = signedShopifyRequest({
    secret,
    topic: 'orders/updated',
    payload: { ...EXAMPLES['orders/updated'], id },
    ...(triggeredAt === undefined
      ? { headers: { 'x-shopify-triggered-at': undefined } }
      : { triggeredAt }),
  });
  return parseEvent(adapter, req);
}

describe('isStaleShopifyEvent', () => {
  it('is stale only when triggered before the last processed time', async () => {
    const event = await update(at(5));
    expect(isStaleShopifyEvent(event, at(10))).toBe(true);
    expect(isStaleShopifyEvent(event, at(5))).toBe(false);
    expect(isStaleShopifyEvent(event, at(1))).toBe(false);
    expect(isStaleShopifyEvent(event, undefined)).toBe(false);
  });

  it('never calls an event without X-Shopify-Triggered-At stale', async () => {
    const event = await update(undefined);
    expect(isStaleShopifyEvent(event, at(10_000))).toBe(false);
  });
});

describe('ShopifyStaleGuard', () => {
  it('rejects a late retry of an older update after a newer one was applied', async () => {
    const guard = new ShopifyStaleGuard();
    const older = await update(at(0));
    const newer = await update(at(30));
    expect(guard.accept(newer)).toBe(true);
    // Shopify retries the older delivery hours later with its original payload.
    expect(guard.isStale(older)).toBe(true);
    expect(guard.accept(older)).toBe(false);
    expect(guard.accept(await update(at(45)))).toBe(true);
  });

  it('tracks subjects independently', async () => {
    const guard = new ShopifyStaleGuard();
    expect(guard.accept(await update(at(30), 1))).toBe(true);
    expect(guard.accept(await update(at(0), 2))).toBe(true);
  });

  it('keeps the newest time when an older event is recorded after a newer one', async () => {
    const guard = new ShopifyStaleGuard();
    guard.record(await update(at(30)));
    guard.record(await update(at(0)));
    expect(guard.isStale(await update(at(10)))).toBe(true);
  });

  it('forgets the least recently updated subject beyond maxSubjects', async () => {
    const guard = new ShopifyStaleGuard({ maxSubjects: 2 });
    guard.record(await update(at(30), 1));
    guard.record(await update(at(30), 2));
    guard.record(await update(at(30), 3));
    expect(guard.isStale(await update(at(0), 1))).toBe(false);
    expect(guard.isStale(await update(at(0), 3))).toBe(true);
  });
});
