/**
 * parseEvent's fast path (issue 15): adapters made by createAdapter complete their event in one
 * copy, a body is parsed, measured and serialized for its digest in one pass, and an ID-less
 * adapter's fingerprint reuses that canonical text. Each test pins a behaviour the fast path must
 * keep from the general one.
 */
import { describe, expect, it } from 'vitest';
import { type ParsedEvent, parseEvent, type WebhookAdapter, type WebhookEvent } from '../src/index';
import {
  createAdapter,
  explainFingerprint,
  type JsonObject,
  payloadDigest,
  resolveEventId,
} from '../src/kit';
import { signedInput, testAdapter } from './support/hmac-adapter';

const plain = (body: string, headers: Record<string, string> = {}) => ({ headers, body });

/** An unverified adapter whose `parse` reads `json()` and reports what it saw. */
function jsonAdapter(options: { digestExclude?: string[]; maxDepth?: number } = {}) {
  return createAdapter({
    name: 'fast',
    retentionMs: 60_000,
    verify: false,
    ...options,
    parse: (_delivery, _verified, { json }) => {
      const data = json();
      return { type: 't', id: String(data.id), idSource: 'event', payload: data };
    },
  });
}

describe('the completed event', () => {
  it('equals the one built from adapter.parse, member order included', async () => {
    const adapter = testAdapter();
    const input = signedInput({ type: 'order.paid', id: 'evt_1', orderId: 'o_1' });
    const receivedAt = new Date('2025-01-05T10:15:40Z');
    const fast = await parseEvent(adapter, input, { receivedAt });
    // The same adapter with its completion bypassed: a copy is completed from `parse`.
    const copy: WebhookAdapter = { ...adapter };
    const general = await parseEvent(copy, input, { receivedAt });
    expect(fast).toStrictEqual(general);
    expect(Object.keys(fast)).toEqual(Object.keys(general));
  });

  it('follows a replaced parse instead of the one createAdapter made', async () => {
    const adapter = jsonAdapter();
    const replaced = adapter as { parse: WebhookAdapter['parse'] };
    replaced.parse = () => ({ type: 'replaced', id: 'r1', idSource: 'event', payload: null });
    const event = await parseEvent(adapter, plain('{"id":"x"}'));
    expect([event.type, event.id]).toEqual(['replaced', 'r1']);
  });

  it('keeps an own __proto__ member of the parse result as a member, never as a prototype', async () => {
    const adapter = createAdapter({
      name: 'proto',
      retentionMs: 60_000,
      verify: false,
      parse: () =>
        JSON.parse('{"type":"t","id":"p1","idSource":"event","payload":1,"__proto__":{"x":1}}'),
    });
    const event = (await parseEvent(adapter, plain('{}'))) as WebhookEvent & { x?: unknown };
    expect(Object.getPrototypeOf(event)).toBe(Object.prototype);
    expect(event.x).toBeUndefined();
    expect(Object.getOwnPropertyDescriptor(event, '__proto__')?.value).toEqual({ x: 1 });
  });

  it('is a rejection, never a synchronous throw, for a bad adapter or input', async () => {
    const calls = [
      () => parseEvent(null as unknown as WebhookAdapter, plain('{}')),
      () => parseEvent(jsonAdapter(), null as unknown as { headers: {}; body: '' }),
      () => parseEvent(jsonAdapter(), plain('{"id":1}'), { maxBodyBytes: -1 }),
    ];
    for (const call of calls) {
      let promise: Promise<unknown> | undefined;
      expect(() => {
        promise = call();
      }).not.toThrow();
      await expect(promise).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    }
  });

  it('reads a header named like an Object member as a plain header', async () => {
    const adapter = createAdapter({
      name: 'headers',
      retentionMs: 60_000,
      verify: false,
      parse: (delivery) => ({
        type: 't',
        id: 'h1',
        idSource: 'event',
        payload: { ...delivery.headers },
      }),
    });
    const event = await parseEvent(adapter, plain('{}', { constructor: 'c', ToString: 't' }));
    expect(event.payload).toEqual({ constructor: 'c', tostring: 't' });
  });
});

describe('the body read once', () => {
  it('digests the body json() parsed, minus digestExclude', async () => {
    const adapter = jsonAdapter({ digestExclude: ['meta.attempt'] });
    const event = await parseEvent(adapter, plain('{"id":1,"meta":{"attempt":3},"z":[1]}'));
    expect(event.digest).toBe(payloadDigest({ id: 1, meta: {}, z: [1] }));
  });

  it('refuses a body nested deeper than maxDepth, as the byte scan did, before parse sees it', async () => {
    const adapter = jsonAdapter({ maxDepth: 3 });
    await expect(parseEvent(adapter, plain('{"id":1,"a":[[1]]}'))).resolves.toBeDefined();
    for (const body of ['{"id":1,"a":[[[1]]]}', '[[[[1]]]]', '[[[[1]]]', '{"id":1,"a":[[[1]]] x']) {
      await expect(parseEvent(adapter, plain(body))).rejects.toMatchObject({
        code: 'PAYLOAD_TOO_DEEP',
      });
    }
  });

  it('keeps the order of the other body errors', async () => {
    const adapter = jsonAdapter();
    const cases: Array<[string, Record<string, string>, string]> = [
      ['', {}, 'BODY_EMPTY'],
      ['   ', {}, 'BODY_EMPTY'],
      ['{"id":', {}, 'PAYLOAD_MALFORMED'],
      ['[1]', {}, 'PAYLOAD_INVALID'],
      ['a=1', { 'content-type': 'application/x-www-form-urlencoded' }, 'PAYLOAD_MALFORMED'],
    ];
    for (const [body, headers, code] of cases) {
      await expect(parseEvent(adapter, plain(body, headers))).rejects.toMatchObject({ code });
    }
  });
});

describe("an ID-less adapter's fingerprint", () => {
  const volatile = ['sentAt'];
  function idLess(after?: (data: JsonObject) => void) {
    return createAdapter({
      name: 'idless',
      retentionMs: 60_000,
      verify: false,
      digestExclude: volatile,
      parse: (delivery, _verified, { json }) => {
        const data = json();
        const ids = resolveEventId({
          delivery,
          payload: data,
          fingerprint: () => ({
            provider: 'idless',
            subject: String(data.subject),
            eventType: 't',
            timestamp: '2025-01-01T00:00:00Z',
            volatileFields: volatile,
          }),
        });
        after?.(data);
        return { type: 't', ...ids, payload: data } as ParsedEvent;
      },
    });
  }
  const parts = {
    provider: 'idless',
    subject: 's1',
    eventType: 't',
    timestamp: '2025-01-01T00:00:00Z',
    volatileFields: volatile,
  };

  it('hashes the same canonical text as the digest, and equals a fingerprint made afresh', async () => {
    const event = await parseEvent(idLess(), plain('{"subject":"s1","sentAt":9,"n":1}'));
    const fresh = explainFingerprint({ ...parts, payload: { subject: 's1', n: 1 } });
    expect(event.id).toBe(fresh.key);
    expect(event.digest).toBe(`sha256:${fresh.parts.payloadHash}`);
  });

  it('is computed afresh outside parse: a payload changed later is never served stale', async () => {
    const event = await parseEvent(idLess(), plain('{"subject":"s1","n":1}'));
    const payload = event.payload as JsonObject;
    payload.n = 2;
    const later = explainFingerprint({ ...parts, payload });
    expect(later.canonicalPayload).toBe('{"n":2,"subject":"s1"}');
    expect(later.key).not.toBe(event.id);
  });

  it('serializes afresh for other exclusions than the digest', async () => {
    let seen = '';
    const adapter = idLess((data) => {
      seen = explainFingerprint({ ...parts, payload: data, volatileFields: [] }).canonicalPayload;
    });
    await parseEvent(adapter, plain('{"subject":"s1","sentAt":9}'));
    expect(seen).toBe('{"sentAt":9,"subject":"s1"}');
  });
});
