import { describe, expect, it, vi } from 'vitest';
import {
  type HandlerContext,
  handleWebhook,
  memoryStore,
  type ParsedEvent,
  processOnce,
  router,
  type WebhookAdapter,
  type WebhookEvent,
} from '../src/index';
import { testEvent } from './support/test-event';

// A small typed adapter: three members, one covering two names (like Stripe's envelope-only
// events). It does not verify: these tests are about dispatch; the integrations' tests use
// real providers.

type OrderPaid = WebhookEvent<'order.paid', { orderId: string; amount: number }>;
type OrderRefunded = WebhookEvent<'order.refunded', { orderId: string; refund: number }>;
type ShopNotice = WebhookEvent<'notice.info' | 'notice.warning', { text: string }>;
type ShopEvent = OrderPaid | OrderRefunded | ShopNotice;

const SHOP_TYPES = ['order.paid', 'order.refunded', 'notice.info', 'notice.warning'] as const;

const shopAdapter: WebhookAdapter<ShopEvent> = {
  name: 'shop',
  retentionMs: 60_000,
  parse(delivery) {
    const json = JSON.parse(new TextDecoder().decode(delivery.rawBody)) as {
      id: string;
      type: string;
      payload: unknown;
    };
    return {
      type: json.type,
      id: json.id,
      idSource: 'event',
      payload: json.payload,
    } as ParsedEvent<ShopEvent>;
  },
};

/** A delivery of `type` for {@link shopAdapter}. */
function shopDelivery(id: string, type: string, payload: unknown = {}) {
  return {
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id, type, payload }),
  };
}

const context = {} as HandlerContext;
const event = (type: string, id = `evt_${type}`) => testEvent(id, { type }) as ShopEvent;

function configError(run: () => unknown, option: string) {
  try {
    run();
  } catch (error) {
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', httpStatus: 500, details: { option } });
    return (error as Error).message;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('router dispatch', () => {
  it('runs the route of the event type, with the event and the handler context', async () => {
    const paid = vi.fn(async () => 'paid');
    const refunded = vi.fn(() => 'refunded');
    const route = router<typeof shopAdapter>()
      .on('order.paid', paid)
      .on('order.refunded', refunded);
    const e = event('order.paid');
    await expect(route(e, context)).resolves.toBe('paid');
    expect(paid).toHaveBeenCalledWith(e, context);
    await expect(route(event('order.refunded'), context)).resolves.toBe('refunded');
    expect(paid).toHaveBeenCalledTimes(1);
    expect(route.routes).toEqual(['order.paid', 'order.refunded']);
  });

  it('routes several types to one handler', async () => {
    const notice = vi.fn((e: WebhookEvent) => e.type);
    const route = router<typeof shopAdapter>().on(['notice.info', 'notice.warning'], notice);
    await expect(route(event('notice.info'), context)).resolves.toBe('notice.info');
    await expect(route(event('notice.warning'), context)).resolves.toBe('notice.warning');
    expect(notice).toHaveBeenCalledTimes(2);
  });

  it('resolves an unrouted event to undefined when there is no fallback', async () => {
    const paid = vi.fn();
    const route = router<typeof shopAdapter>().on('order.paid', paid);
    await expect(route(event('order.refunded'), context)).resolves.toBeUndefined();
    await expect(route(event('brand.new'), context)).resolves.toBeUndefined();
    expect(paid).not.toHaveBeenCalled();
  });

  it('tells known types without a route from unknown ones, given the types list', async () => {
    const seen: unknown[] = [];
    const route = router<typeof shopAdapter>({ types: SHOP_TYPES })
      .on('order.paid', () => 'paid')
      .fallback((unrouted) => {
        seen.push({ known: unrouted.known, type: unrouted.type, id: unrouted.event.id });
        return unrouted.known ? 'ignored' : 'unknown';
      });
    await expect(route(event('order.refunded', 'e1'), context)).resolves.toBe('ignored');
    await expect(route(event('order.shipped', 'e2'), context)).resolves.toBe('unknown');
    await expect(route(event('order.paid', 'e3'), context)).resolves.toBe('paid');
    expect(seen).toEqual([
      { known: true, type: 'order.refunded', id: 'e1' },
      { known: false, type: 'order.shipped', id: 'e2' },
    ]);
  });

  it('counts every type as known without a types list', async () => {
    const fallback = vi.fn((unrouted: { known: boolean }) => unrouted.known);
    const route = router<typeof shopAdapter>().fallback(fallback);
    await expect(route(event('order.shipped'), context)).resolves.toBe(true);
  });

  it('treats an event without a string type as unknown', async () => {
    const route = router<WebhookEvent>({ types: ['a'] }).fallback((u) => [u.known, u.type]);
    const odd = testEvent('e', { type: undefined as unknown as string });
    await expect(route(odd, context)).resolves.toEqual([false, '']);
  });

  it('is never confused by type names that are Object.prototype keys', async () => {
    const route = router<WebhookEvent>({ types: [] }).fallback((u) => u.known);
    await expect(route(testEvent('e', { type: 'constructor' }), context)).resolves.toBe(false);
    await expect(route(testEvent('e', { type: '__proto__' }), context)).resolves.toBe(false);
  });

  it('rejects, never throws synchronously, when a route throws', async () => {
    const route = router<WebhookEvent>().on('boom', () => {
      throw new Error('route failed');
    });
    const result = route(testEvent('e', { type: 'boom' }), context);
    await expect(result).rejects.toThrow('route failed');
  });

  it('leaves a router unchanged when .on() extends it', async () => {
    const base = router<typeof shopAdapter>().on('order.paid', () => 'paid');
    const extended = base.on('order.refunded', () => 'refunded');
    await expect(base(event('order.refunded'), context)).resolves.toBeUndefined();
    await expect(extended(event('order.refunded'), context)).resolves.toBe('refunded');
    expect(base.routes).toEqual(['order.paid']);
  });
});

describe('router setup errors', () => {
  it('refuses a type routed twice, across calls and within one array', () => {
    const route = router<WebhookEvent>().on('a', () => 1);
    expect(configError(() => route.on('a', () => 2), 'on')).toContain('"a"');
    configError(() => router<WebhookEvent>().on(['b', 'b'], () => 1), 'on');
  });

  it('refuses an empty type, an empty list and a missing handler', () => {
    const route = router<WebhookEvent>();
    configError(() => route.on('', () => 1), 'on');
    configError(() => route.on([], () => 1), 'on');
    configError(() => route.on(7 as unknown as string, () => 1), 'on');
    configError(() => route.on('a', undefined as unknown as () => void), 'on');
  });

  it('refuses a second fallback and a fallback that is not a function', () => {
    const route = router<WebhookEvent>().fallback(() => 1);
    configError(() => (route as unknown as typeof base).fallback(() => 2), 'fallback');
    const base = router<WebhookEvent>();
    configError(() => base.fallback('x' as unknown as () => void), 'fallback');
  });

  it('refuses a types list that is not an iterable of names', () => {
    configError(() => router<WebhookEvent>({ types: 'abc' as unknown as string[] }), 'types');
    configError(() => router<WebhookEvent>({ types: [1] as unknown as string[] }), 'types');
    configError(() => router<WebhookEvent>(null as unknown as {}), 'options');
  });
});

describe('router as the handler of handleWebhook and processOnce', () => {
  it('serves every event type of a provider from one route, each event once', async () => {
    const store = memoryStore();
    const paid = vi.fn(async (e: { payload: { amount: number } }) => ({
      charged: e.payload.amount,
    }));
    const unknown = vi.fn();
    const handler = router<typeof shopAdapter>({ types: SHOP_TYPES })
      .on('order.paid', paid)
      .fallback(({ known, type }) => {
        if (!known) unknown(type);
        return { ignored: type };
      });
    const options = { adapter: shopAdapter, store, handler, logger: false as const };

    const first = await handleWebhook(shopDelivery('o1', 'order.paid', { amount: 5 }), options);
    expect(first.outcome).toMatchObject({ outcome: 'processed', result: { charged: 5 } });
    const again = await handleWebhook(shopDelivery('o1', 'order.paid', { amount: 5 }), options);
    expect(again.outcome).toMatchObject({ outcome: 'duplicate', result: { charged: 5 } });
    expect(paid).toHaveBeenCalledTimes(1);

    const newer = await handleWebhook(shopDelivery('o2', 'order.shipped'), options);
    expect(newer).toMatchObject({ status: 200, outcome: { result: { ignored: 'order.shipped' } } });
    expect(unknown).toHaveBeenCalledWith('order.shipped');
  });

  it('releases the claim when a route fails, so the retry runs the route again', async () => {
    const store = memoryStore();
    let calls = 0;
    const handler = router<WebhookEvent>().on('order.paid', () => {
      calls += 1;
      if (calls === 1) throw new Error('db down');
      return 'ok';
    });
    const e = testEvent('retry_me');
    const failed = await processOnce(store, e, handler, { logger: false });
    expect(failed).toMatchObject({ outcome: 'failed', status: 500 });
    const retried = await processOnce(store, e, handler, { logger: false });
    expect(retried).toMatchObject({ outcome: 'processed', result: 'ok' });
    expect(calls).toBe(2);
  });
});
