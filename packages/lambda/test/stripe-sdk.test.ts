/**
 * A delivery signed by Stripe's own SDK (not hooklatch's test builder), through the event
 * shapes whose bodies differ most: REST API text and a base64 body behind an ALB.
 */
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { asLambdaReturns, type FixtureName, lambdaEvent } from './support/events';
import { paymentEvent, SECRET, stripeRoute } from './support/route';

describe('a delivery signed by the stripe SDK', () => {
  it.each<[FixtureName, boolean]>([
    ['rest-api', false],
    ['alb', true],
    ['alb-multi-value', true],
  ])('%s (base64: %s) is processed once', async (name, base64) => {
    const body = JSON.stringify(paymentEvent('evt_sdk_1'), null, 2);
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': Stripe.webhooks.generateTestHeaderString({
        payload: body,
        secret: SECRET,
      }),
    };
    const route = stripeRoute();
    const event = () => lambdaEvent(name, { headers, body, base64 });
    expect(asLambdaReturns(await route.handler(event())).statusCode).toBe(200);
    const again = asLambdaReturns(await route.handler(event()));
    expect(JSON.parse(again.body)).toEqual({ outcome: 'duplicate' });
    expect(route.fulfilled).toHaveLength(1);
  });
});
