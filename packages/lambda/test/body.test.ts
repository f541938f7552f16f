/**
 * The body and headers reach the adapter exactly as sent: base64 decoded to the same bytes,
 * every header value kept. A body that some integration re-encoded on the way must fail the
 * signature (never be "repaired"), and an event that is not an HTTP request is a setup error.
 */
import { memoryStore } from '@hooklatch/core';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import {
  signedStandardWebhooksRequest,
  standardWebhooksSecret,
} from '@hooklatch/standard-webhooks/testing';
import { describe, expect, it } from 'vitest';
import { lambdaDelivery, lambdaEventFormat, lambdaHandler } from '../src/index';
import { asLambdaReturns, fixture, lambdaEvent } from './support/events';
import { paymentEvent, stripeDelivery, stripeRoute } from './support/route';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('lambdaDelivery', () => {
  it('decodes a base64 body to the exact bytes, invalid UTF-8 included', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => 255 - i);
    for (const name of ['rest-api', 'function-url', 'alb'] as const) {
      const event = lambdaEvent(name, { headers: {}, body: bytes, base64: true });
      expect(lambdaDelivery(event).body).toEqual(bytes);
    }
  });

  it('decodes a base64 body of several MB (API Gateway takes up to 6 MB)', () => {
    const bytes = Uint8Array.from({ length: 4_500_000 }, (_, i) => (i * 7) & 0xff);
    const event = lambdaEvent('function-url', { headers: {}, body: bytes, base64: true });
    const body = lambdaDelivery(event).body as Uint8Array;
    expect(body.length).toBe(bytes.length);
    expect(Buffer.from(body).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses base64 with a bad length or padding inside', () => {
    for (const text of ['abc', 'ab=c', 'a===', '====', 'ab==ab==']) {
      const event = {
        ...lambdaEvent('function-url', { headers: {}, body: utf8('x'), base64: true }),
      };
      event.body = text;
      expect(() => lambdaDelivery(event), text).toThrow(/not base64/);
    }
  });

  it('keeps every value of a repeated header and the cookies of a 2.0 event', () => {
    const rest = lambdaDelivery(fixture('http-api-v1'));
    expect(rest.method).toBe('GET');
    expect(rest.headers).toContainEqual(['Header2', 'value1']);
    expect(rest.headers).toContainEqual(['Header2', 'value2']);
    const v2 = lambdaDelivery(fixture('http-api-v2'));
    expect(v2.method).toBe('POST');
    expect(v2.headers).toContainEqual(['cookie', 'cookie1; cookie2']);
    const alb = lambdaDelivery(fixture('alb-multi-value'));
    expect(alb.headers).toContainEqual(['cookie', 'name1=value1']);
    expect(alb.headers).toContainEqual(['cookie', 'name2=value2']);
  });

  it('merges headers and multiValueHeaders, multi-value first, when one map is empty', () => {
    const event = fixture('rest-api');
    event.multiValueHeaders = {};
    expect(lambdaDelivery(event).headers).toContainEqual(['headerName', 'headerValue']);
    const both = fixture('http-api-v1');
    const headers = lambdaDelivery(both).headers as Array<[string, string]>;
    // Header2 appears in both maps: only its multi-value values are kept.
    expect(headers.filter(([name]) => name === 'Header2')).toEqual([
      ['Header2', 'value1'],
      ['Header2', 'value2'],
    ]);
  });

  it('tells every sample event apart', () => {
    expect(lambdaEventFormat(fixture('rest-api'))).toBe('v1');
    expect(lambdaEventFormat(fixture('http-api-v1'))).toBe('v1');
    expect(lambdaEventFormat(fixture('http-api-v2'))).toBe('v2');
    expect(lambdaEventFormat(fixture('function-url'))).toBe('v2');
    expect(lambdaEventFormat(fixture('alb'))).toBe('alb');
    expect(lambdaEventFormat(fixture('alb-multi-value'))).toBe('alb-multi-value');
  });
});

describe('a body some integration changed on the way', () => {
  const rejected = async (change: (body: string) => string, base64 = false) => {
    const route = stripeRoute();
    const delivery = stripeDelivery();
    const event = lambdaEvent('rest-api', delivery);
    event.body = change(String(delivery.body));
    event.isBase64Encoded = base64;
    const result = asLambdaReturns(await route.handler(event));
    expect(route.fulfilled).toEqual([]);
    return { status: result.statusCode, code: JSON.parse(result.body).error?.code };
  };
  const invalid = { status: 401, code: 'SIGNATURE_INVALID' };

  it('fails the signature when the base64 flag was dropped', async () => {
    const base64 = (body: string) => Buffer.from(body, 'utf8').toString('base64');
    expect(await rejected(base64, false)).toEqual(invalid);
  });

  it('fails the signature when UTF-8 was read as Latin-1 and encoded again', async () => {
    const mojibake = (body: string) => Buffer.from(body, 'utf8').toString('latin1');
    expect(await rejected(mojibake)).toEqual(invalid);
  });

  it('names the setup (500 RAW_BODY_REQUIRED) when Content-Length proves the text was changed', async () => {
    const route = stripeRoute();
    const payload = paymentEvent() as { data: { object: Record<string, unknown> } };
    payload.data.object.description = 'Café order';
    const delivery = stripeDelivery(payload);
    const event = lambdaEvent('rest-api', delivery);
    const sent = String(Buffer.byteLength(String(delivery.body)));
    event.headers = { ...event.headers, 'content-length': sent };
    if (event.multiValueHeaders) {
      event.multiValueHeaders = { ...event.multiValueHeaders, 'content-length': [sent] };
    }
    // UTF-8 read as Latin-1: `é` became two characters, which encode to four bytes.
    event.body = Buffer.from(String(delivery.body), 'utf8').toString('latin1');
    const result = asLambdaReturns(await route.handler(event));
    expect(route.fulfilled).toEqual([]);
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body).error.code).toBe('RAW_BODY_REQUIRED');
  });

  it('fails the signature when a mapping template re-serialized the JSON', async () => {
    expect(await rejected((body) => JSON.stringify(JSON.parse(body)))).toEqual(invalid);
  });

  it('refuses a base64 flag over a body that is not base64 with 400', async () => {
    expect(await rejected((body) => body, true)).toEqual({
      status: 400,
      code: 'PAYLOAD_MALFORMED',
    });
  });
});

describe('events that are not webhook requests', () => {
  it('answers an SQS batch 500 CONFIG_INVALID without reading it', async () => {
    const route = stripeRoute();
    const sqs = { Records: [{ messageId: 'm1', body: '{}', eventSource: 'aws:sqs' }] };
    const result = asLambdaReturns(await route.handler(sqs as never));
    expect(result.statusCode).toBe(500);
    expect(JSON.parse(result.body).error.code).toBe('CONFIG_INVALID');
    expect(() => lambdaEventFormat(sqs)).toThrow(/not an API Gateway/);
  });

  it('answers a header list that is no list (null) 500 CONFIG_INVALID, like a null header', async () => {
    const route = stripeRoute();
    for (const map of ['multiValueHeaders', 'headers'] as const) {
      const event = lambdaEvent('rest-api', stripeDelivery(paymentEvent()));
      event[map] = { ...event[map], 'x-extra': null } as never;
      const result = asLambdaReturns(await route.handler(event));
      expect(result.statusCode, map).toBe(500);
      expect(JSON.parse(result.body).error.code, map).toBe('CONFIG_INVALID');
    }
    expect(route.fulfilled).toEqual([]);
  });

  it('answers a GET health check 405', async () => {
    const route = stripeRoute();
    const result = asLambdaReturns(await route.handler(fixture('alb')));
    expect(result.statusCode).toBe(405);
    expect(result.statusDescription).toBe('405 Method Not Allowed');
  });

  it('judges the method only when the event has one: a PUT adapter gets its own refusals', async () => {
    const { stripe } = await import('@hooklatch/stripe');
    const put = { ...stripe({ secret: 'whsec_lambda_put' }), methods: ['PUT'] as const };
    const handler = lambdaHandler({ adapter: put, store: memoryStore(), handler: () => {} });
    // Not an HTTP request: the setup error, never "delivers with PUT, not POST".
    const sqs = { Records: [{ messageId: 'm1', body: '{}', eventSource: 'aws:sqs' }] };
    const setup = asLambdaReturns(await handler(sqs as never));
    expect(setup.statusCode).toBe(500);
    expect(JSON.parse(setup.body).error.code).toBe('CONFIG_INVALID');
    // A PUT with a bad base64 body: the body's refusal (400), not a 405.
    const bad = lambdaEvent('function-url', {
      headers: {},
      body: utf8('x'),
      base64: true,
      method: 'PUT',
    });
    bad.body = 'ab=c';
    const malformed = asLambdaReturns(await handler(bad));
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body).error.code).toBe('PAYLOAD_MALFORMED');
    // And a POST adapter answers a PUT 405 even when its body could not be read.
    const post = asLambdaReturns(await stripeRoute().handler(bad));
    expect(post.statusCode).toBe(405);
    expect(post.headers?.allow ?? post.headers?.Allow).toBe('POST');
  });
});

describe('a Standard Webhooks route behind a function URL', () => {
  it('takes a base64 body (a binary content type) and dedupes by webhook-id', async () => {
    const secret = standardWebhooksSecret();
    const seen: string[] = [];
    const handler = lambdaHandler({
      adapter: standardWebhooks({ secret }),
      store: memoryStore(),
      handler: (event) => {
        seen.push(event.id);
      },
    });
    const body = utf8(JSON.stringify({ type: 'note.created', data: { text: 'naïve ✓' } }));
    const signed = signedStandardWebhooksRequest({ secret, body, id: 'msg_lambda_1' });
    const headers = { ...signed.headers, 'content-type': 'application/octet-stream' };
    const event = () => lambdaEvent('function-url', { headers, body, base64: true });
    expect((await handler(event())).statusCode).toBe(200);
    const again = asLambdaReturns(await handler(event()));
    expect(JSON.parse(again.body)).toEqual({ outcome: 'duplicate' });
    expect(seen).toEqual(['msg_lambda_1']);
  });
});
