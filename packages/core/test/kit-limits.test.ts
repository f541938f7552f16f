/**
 * The kit's limits on hostile input: createAdapter's `maxDepth` and memoized JSON body (with the
 * digest computed from it), the signature-count bound, and timestamp range checks.
 */
import { createHmac } from 'node:crypto';
import { type ParsedEvent, parseEvent, type WebhookEvent } from '@hooklatch/core';
import {
  createAdapter,
  dateFromUnixTime,
  MAX_SIGNATURES_PER_HEADER,
  payloadDigest,
  requireValidDate,
  timestampedHmacVerifier,
  valueAtPath,
} from '@hooklatch/core/kit';
import { describe, expect, it, vi } from 'vitest';
import { rawDelivery, thrown } from './support/kit-helpers';

type AcmeEvent = WebhookEvent<string, Record<string, unknown>>;

function acme(options: { maxDepth?: number; digestExclude?: string[] } = {}) {
  const parse = vi.fn((_d, _v, { json }): ParsedEvent<AcmeEvent> => {
    const payload = json();
    expect(json()).toBe(payload); // parsed once, the same object every call
    return { type: 'acme.ping', id: String(payload.id), idSource: 'event', payload };
  });
  return {
    parse,
    adapter: createAdapter<AcmeEvent>({
      name: 'acme',
      retentionMs: 1000,
      verify: false,
      parse,
      ...options,
    }),
  };
}

describe('createAdapter: maxDepth and the parse context', () => {
  it('json() refuses bodies deeper than maxDepth (default 128) with PAYLOAD_TOO_DEEP', async () => {
    const { adapter } = acme();
    for (const levels of [10_000, 100_000]) {
      const body = `{"id":1,"x":${'['.repeat(levels)}${']'.repeat(levels)}}`;
      const started = performance.now();
      const error = thrown(() => adapter.parse(rawDelivery(body)));
      expect(error).toMatchObject({
        code: 'PAYLOAD_TOO_DEEP',
        httpStatus: 400,
        details: { maxDepth: 128 },
      });
      expect(performance.now() - started).toBeLessThan(500);
    }
    const shallow = acme({ maxDepth: 2 }).adapter;
    expect(() => shallow.parse(rawDelivery('{"id":1,"x":[1]}'))).not.toThrow();
    expect(thrown(() => shallow.parse(rawDelivery('{"id":1,"x":[[1]]}'))).details).toEqual({
      maxDepth: 2,
    });
  });

  it('passes the validated maxDepth to parse', () => {
    const { adapter, parse } = acme({ maxDepth: 7 });
    adapter.parse(rawDelivery('{"id":1}'));
    expect(parse.mock.calls[0]?.[2].maxDepth).toBe(7);
  });

  it.each([0, -1, 2.5, Number.NaN, '64'])(
    'maxDepth %o is CONFIG_INVALID naming maxDepth',
    (maxDepth) => {
      const error = thrown(() => acme({ maxDepth: maxDepth as number }));
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'maxDepth' } });
    },
  );

  it('the digest comes from the body json() parsed, minus digestExclude', async () => {
    const { adapter } = acme({ digestExclude: ['sentAt'] });
    expect(adapter.digestExclude).toEqual(['sentAt']);
    const first = await parseEvent(adapter, { headers: {}, body: '{"id":1,"v":"a","sentAt":1}' });
    const retry = await parseEvent(adapter, {
      headers: {},
      body: '{ "sentAt": 2, "v": "a", "id": 1 }',
    });
    const other = await parseEvent(adapter, { headers: {}, body: '{"id":1,"v":"b","sentAt":1}' });
    expect(first.digest).toBe(payloadDigest({ id: 1, v: 'a' }));
    expect(retry.digest).toBe(first.digest);
    expect(other.digest).not.toBe(first.digest);
  });
});

describe('timestampedHmacVerifier: signature count and order of checks (issue 10 item 14)', () => {
  const SECRET = 'acme-limits-secret';
  const BODY = '{"id":"evt_1"}';
  const RECEIVED = new Date('2025-01-05T10:15:40Z');
  const NOW = Math.floor(RECEIVED.getTime() / 1000);
  const verify = timestampedHmacVerifier({
    provider: 'acme',
    header: 'Acme-Signature',
    secret: SECRET,
  });
  const good = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
  const junk = 'ab'.repeat(32);
  const header = (t: number, sigs: string[]) => ({
    'Acme-Signature': [`t=${t}`, ...sigs.map((s) => `v1=${s}`)].join(','),
  });

  it(`accepts up to ${MAX_SIGNATURES_PER_HEADER} signatures and refuses more, unread`, () => {
    expect(MAX_SIGNATURES_PER_HEADER).toBe(10);
    const ten = [...Array(9).fill(junk), good];
    expect(() => verify(rawDelivery(BODY, header(NOW, ten), RECEIVED))).not.toThrow();
    const eleven = [...ten, good];
    const error = thrown(() => verify(rawDelivery(BODY, header(NOW, eleven), RECEIVED)));
    expect(error).toMatchObject({
      code: 'SIGNATURE_MALFORMED',
      details: { header: 'Acme-Signature', maxSignatures: 10 },
    });
  });

  it('judges the timestamp before decoding any signature', () => {
    const stale = rawDelivery(BODY, header(NOW - 3600, ['not-hex']), RECEIVED);
    expect(thrown(() => verify(stale)).code).toBe('TIMESTAMP_OUT_OF_TOLERANCE');
  });
});

describe('valueAtPath reads an own __proto__ member, never the prototype (issue 10 item 6)', () => {
  it('follows own keys only', () => {
    const data = JSON.parse('{"__proto__":{"id":"p1"},"a":{"b":2}}');
    expect(valueAtPath(data, '__proto__.id')).toBe('p1');
    expect(valueAtPath({ a: 1 }, '__proto__')).toBeUndefined();
    expect(valueAtPath({ a: 1 }, 'constructor.name')).toBeUndefined();
  });
});

describe('timestamps outside the Date range (issue 10 item 15)', () => {
  const source = { provider: 'acme', path: 'created' };

  it('dateFromUnixTime accepts the whole range and nothing beyond it', () => {
    expect(dateFromUnixTime(8_640_000_000_000, 'seconds', source).getTime()).toBe(8.64e15);
    expect(dateFromUnixTime(-8.64e15, 'milliseconds', source).getTime()).toBe(-8.64e15);
    for (const [value, unit] of [
      [8_640_000_000_001, 'seconds'],
      [8.64e15 + 1, 'milliseconds'],
      [Number.NaN, 'seconds'],
      [Number.POSITIVE_INFINITY, 'milliseconds'],
    ] as const) {
      const error = thrown(() => dateFromUnixTime(value, unit, source));
      expect(error).toMatchObject({ code: 'PAYLOAD_INVALID', httpStatus: 422 });
      expect(error.message).toBe(
        'acme payload failed validation: created: expected a time within the JavaScript Date range (±8.64e15 ms around 1970)',
      );
    }
  });

  it('requireValidDate passes valid Dates through and refuses Invalid Date', () => {
    const date = new Date('2025-01-05T10:15:40Z');
    expect(requireValidDate(date, source)).toBe(date);
    expect(thrown(() => requireValidDate(new Date(Number.NaN), source)).code).toBe(
      'PAYLOAD_INVALID',
    );
  });
});
