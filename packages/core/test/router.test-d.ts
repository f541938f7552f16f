import type { StripeEvent } from '@hooklatch/stripe';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type EventHandler,
  handleWebhook,
  memoryStore,
  processOnce,
  router,
  type WebhookAdapter,
  type WebhookEvent,
} from '../src/index';

type Paid = WebhookEvent<'order.paid', { orderId: string; amount: number }>;
type Refunded = WebhookEvent<'order.refunded', { refund: number }>;
/** One member covering two names, as Stripe's envelope-only events do. */
type Notice = WebhookEvent<'notice.info' | 'notice.warning', { text: string }>;
type ShopEvent = Paid | Refunded | Notice;
declare const shop: WebhookAdapter<ShopEvent>;

describe('router<typeof adapter>() narrowing', () => {
  it('narrows the event of a route to its type', () => {
    router<typeof shop>().on('order.paid', (event) => {
      expectTypeOf(event).toEqualTypeOf<Paid>();
      expectTypeOf(event.payload.amount).toEqualTypeOf<number>();
      // @ts-expect-error a paid order has no refund
      void event.payload.refund;
    });
  });

  it('narrows a route for several types to the union of their members', () => {
    router<typeof shop>().on(['order.paid', 'order.refunded'], (event) => {
      expectTypeOf(event).toEqualTypeOf<Paid | Refunded>();
      if (event.type === 'order.refunded') expectTypeOf(event.payload.refund).toBeNumber();
    });
  });

  it('narrows a member that covers several names to the routed one', () => {
    router<typeof shop>().on('notice.info', (event) => {
      expectTypeOf(event.type).toEqualTypeOf<'notice.info'>();
      expectTypeOf(event.payload.text).toBeString();
    });
  });

  it('accepts only the adapter’s type names, each once', () => {
    const base = router<typeof shop>().on('order.paid', () => 1);
    // @ts-expect-error a typo is not a type of the union
    base.on('order.payed', () => 1);
    // @ts-expect-error order.paid already has a route
    base.on('order.paid', () => 1);
    // The rest of a shared member is still routable, the routed name is not.
    const info = base.on('notice.info', () => 1);
    info.on('notice.warning', () => 1);
    // @ts-expect-error notice.info already has a route
    info.on('notice.info', () => 1);
  });

  it('gives the fallback what is left of the union, or a loose event when unknown', () => {
    router<typeof shop>()
      .on('order.paid', () => 1)
      .on('notice.info', () => 2)
      .fallback((unrouted) => {
        if (unrouted.known) {
          expectTypeOf(unrouted.type).toEqualTypeOf<'order.refunded' | 'notice.warning'>();
          if (unrouted.event.type === 'order.refunded') {
            expectTypeOf(unrouted.event.payload.refund).toBeNumber();
          }
          // @ts-expect-error order.paid has a route, so the fallback never sees it
          if (unrouted.event.type === 'order.paid') return;
        } else {
          expectTypeOf(unrouted.event).toEqualTypeOf<WebhookEvent<string, unknown>>();
          expectTypeOf(unrouted.event.payload).toBeUnknown();
        }
      });
  });

  it('types the types list by the union', () => {
    router<typeof shop>({ types: ['order.paid', 'notice.info'] });
    // @ts-expect-error not a type of the union
    router<typeof shop>({ types: ['order.paid', 'nope'] });
  });

  it('resolves to the routes’ results, plus undefined until a fallback is set', () => {
    const partial = router<typeof shop>()
      .on('order.paid', () => ({ charged: true }))
      .on('order.refunded', async () => 'refunded' as const);
    expectTypeOf(partial).returns.toEqualTypeOf<
      Promise<{ charged: boolean } | 'refunded' | undefined>
    >();
    const complete = partial.fallback(() => null);
    expectTypeOf(complete).returns.toEqualTypeOf<
      Promise<{ charged: boolean } | 'refunded' | null>
    >();
    // @ts-expect-error after the fallback every type is handled
    complete.on('notice.info', () => 1);
  });

  it('is the handler handleWebhook and processOnce take, for the same adapter', () => {
    const handler = router<typeof shop>().on('order.paid', () => 'ok' as const);
    const asHandler: EventHandler<ShopEvent, 'ok' | undefined> = handler;
    void asHandler;
    void handleWebhook(new Request('http://x'), { adapter: shop, store: memoryStore(), handler });
    const event = {} as ShopEvent;
    void processOnce(memoryStore(), event, handler);
  });

  it('also takes an event union instead of an adapter type', () => {
    router<ShopEvent>().on('order.refunded', (event) => {
      expectTypeOf(event).toEqualTypeOf<Refunded>();
    });
  });

  it('routes any name for an untyped adapter, with the type narrowed', () => {
    router<WebhookEvent>()
      .on('anything.at_all', (event) => {
        expectTypeOf(event.type).toEqualTypeOf<'anything.at_all'>();
        expectTypeOf(event.payload).toBeUnknown();
      })
      .on('another', () => 1);
  });
});

describe('router<StripeEvent>() with the real Stripe union', () => {
  it('narrows payload.data.object by the routed type', () => {
    router<StripeEvent>()
      .on('payment_intent.succeeded', (event) => {
        expectTypeOf(event.payload.data.object.amount).toEqualTypeOf<number>();
        expectTypeOf(event.payload.data.object.object).toEqualTypeOf<'payment_intent'>();
      })
      .on(['charge.refunded', 'charge.succeeded'], (event) => {
        expectTypeOf(event.payload.data.object.object).toEqualTypeOf<'charge'>();
      })
      .on('plan.created', (event) => {
        // An envelope-only type: its member covers many names, narrowed to this one.
        expectTypeOf(event.type).toEqualTypeOf<'plan.created'>();
        // @ts-expect-error the envelope does not type `amount`
        const amount: number = event.payload.data.object.amount;
        void amount;
      })
      .fallback((unrouted) => {
        if (unrouted.known) {
          // @ts-expect-error payment_intent.succeeded has a route
          if (unrouted.type === 'payment_intent.succeeded') return;
        }
      });
  });

  it('makes code read `validated` first under the envelope policy', () => {
    router<StripeEvent<'envelope'>>().on('payment_intent.succeeded', (event) => {
      // @ts-expect-error the payload may be the envelope only
      const amount: number = event.payload.data.object.amount;
      void amount;
      if (event.validated === true) expectTypeOf(event.payload.data.object.amount).toBeNumber();
    });
  });
});
