/**
 * One Stripe route behind every HTTP event source Lambda has, fed AWS's own sample events:
 * processed, duplicate, in flight (409 + Retry-After), tampered (401), each answered in the
 * result shape that source reads, with the side effect exactly once.
 */
import { describe, expect, it } from 'vitest';
import {
  asLambdaReturns,
  FIXTURES,
  type FixtureName,
  lambdaEvent,
  resultHeader,
} from './support/events';
import { paymentEvent, stripeDelivery, stripeRoute } from './support/route';

const NOTE = paymentEvent().data.object.metadata.note;

describe.each(Object.keys(FIXTURES) as FixtureName[])('%s event', (name) => {
  const format = FIXTURES[name];
  const invoke = async (route: ReturnType<typeof stripeRoute>, base64 = false) =>
    asLambdaReturns(await route.handler(lambdaEvent(name, stripeDelivery(undefined, base64))));

  it('processes a signed delivery once and answers a retry as a duplicate', async () => {
    const route = stripeRoute();
    const first = await invoke(route);
    expect(first.statusCode).toBe(200);
    expect(JSON.parse(first.body)).toEqual({ outcome: 'processed' });
    expect(first.isBase64Encoded).toBe(false);
    const again = await invoke(route);
    expect(again.statusCode).toBe(200);
    expect(JSON.parse(again.body)).toEqual({ outcome: 'duplicate' });
    expect(resultHeader(again, 'hooklatch-outcome')).toBe('duplicate');
    expect(route.fulfilled).toEqual([NOTE]);
  });

  it('decodes a base64 body to the signed bytes', async () => {
    const route = stripeRoute();
    const result = await invoke(route, true);
    expect(result.statusCode).toBe(200);
    // The handler saw the non-ASCII text intact, and a text copy of the same event is a duplicate.
    expect(route.fulfilled).toEqual([NOTE]);
    expect(JSON.parse((await invoke(route)).body)).toEqual({ outcome: 'duplicate' });
  });

  it('answers a copy that arrives while the first runs 409 with Retry-After', async () => {
    const route = stripeRoute();
    route.holdHandler();
    const first = invoke(route);
    // Let the first copy claim the event before the second arrives.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await invoke(route);
    expect(second.statusCode).toBe(409);
    expect(JSON.parse(second.body)).toEqual({ outcome: 'in_flight' });
    expect(Number(resultHeader(second, 'retry-after'))).toBeGreaterThan(0);
    route.release();
    expect((await first).statusCode).toBe(200);
    expect(route.fulfilled).toEqual([NOTE]);
  });

  it('refuses a tampered body with 401 and runs nothing', async () => {
    const route = stripeRoute();
    const delivery = stripeDelivery();
    const tampered = { ...delivery, body: String(delivery.body).replace('2000', '1') };
    const result = asLambdaReturns(await route.handler(lambdaEvent(name, tampered)));
    expect(result.statusCode).toBe(401);
    expect(JSON.parse(result.body).error.code).toBe('SIGNATURE_INVALID');
    expect(route.fulfilled).toEqual([]);
  });

  it(`answers in the ${format} result shape`, async () => {
    const result = await invoke(stripeRoute());
    const keys = Object.keys(result).sort();
    if (format === 'v1' || format === 'v2') {
      expect(keys).toEqual(['body', 'headers', 'isBase64Encoded', 'statusCode']);
    } else {
      // An ALB needs the status line, and with multi-value headers on it reads only
      // multiValueHeaders.
      const headerKey = format === 'alb' ? 'headers' : 'multiValueHeaders';
      expect(keys).toEqual(
        ['body', headerKey, 'isBase64Encoded', 'statusCode', 'statusDescription'].sort(),
      );
      expect(result.statusDescription).toBe('200 OK');
    }
    expect(resultHeader(result, 'content-type')).toBe('application/json');
  });
});
