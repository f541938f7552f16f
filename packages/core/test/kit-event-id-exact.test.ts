/**
 * Event IDs read from a numeric body field are exact: `JSON.parse` turns 9007199254740993 into
 * 9007199254740992, and two events named by the double would share one dedupe key.
 */
import {
  handleWebhook,
  memoryStore,
  PayloadError,
  parseEvent,
  type SignOptions,
  type WebhookAdapter,
} from '@hooklatch/core';
import {
  createAdapter,
  hmacHeaderVerifier,
  idFromPath,
  requireString,
  resolveEventId,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { rawDelivery, thrown } from './support/kit-helpers';

const parts = () => ({ provider: 'acme', subject: '', eventType: 'order.paid', timestamp: '' });

function acme(digestOf: 'canonical-json' | 'signed-body' = 'canonical-json') {
  return createAdapter({
    name: 'acme',
    retentionMs: 86_400_000,
    digestOf,
    verify: hmacHeaderVerifier({ provider: 'acme', header: 'X-Acme-Signature', secret: 's3cret' }),
    parse(delivery, _verified, { json }) {
      const data = json();
      const ids = resolveEventId({
        delivery,
        payload: data,
        eventIdPath: 'id',
        deliveryIdHeader: 'X-Acme-Delivery',
        fingerprint: parts,
      });
      return { type: 'order.paid', ...ids, payload: data };
    },
  });
}

/** A delivery signed by `adapter` (every createAdapter adapter with an HMAC verifier signs). */
function signed(adapter: WebhookAdapter, body: string, options?: SignOptions) {
  if (adapter.sign === undefined) throw new Error('the adapter cannot sign');
  return adapter.sign(body, options);
}

const BIG_A = '{"id":9007199254740993,"amount":100}';
const BIG_B = '{"id":9007199254740992,"amount":999}';

describe('resolveEventId with a numeric event ID', () => {
  it.each(['canonical-json', 'signed-body'] as const)(
    'gives two IDs a double cannot tell apart two dedupe keys (%s)',
    async (digestOf) => {
      const adapter = acme(digestOf);
      const a = await parseEvent(adapter, signed(adapter, BIG_A));
      const b = await parseEvent(adapter, signed(adapter, BIG_B));
      expect(a.id).toBe('9007199254740993');
      expect(a.dedupeKey).toBe('acme:9007199254740993');
      expect(b.dedupeKey).toBe('acme:9007199254740992');
      expect(a.idSource).toBe('event');
    },
  );

  it('runs the handler for both events', async () => {
    const adapter = acme();
    const store = memoryStore();
    const ran: unknown[] = [];
    for (const body of [BIG_A, BIG_B]) {
      const reply = await handleWebhook(signed(adapter, body), {
        adapter,
        store,
        handler: (event) => {
          ran.push((event.payload as { amount: number }).amount);
        },
      });
      expect(reply.status).toBe(200);
    }
    expect(ran).toEqual([100, 999]);
  });

  it('keeps strings and safe integers as before', async () => {
    const adapter = acme();
    const cases: Array<[string, string]> = [
      ['{"id":17}', '17'],
      ['{"id":9007199254740991}', '9007199254740991'],
      ['{"id":-9007199254740991}', '-9007199254740991'],
      ['{"id":"9007199254740993"}', '9007199254740993'],
      ['{"id":"evt_1"}', 'evt_1'],
    ];
    for (const [body, id] of cases) {
      expect((await parseEvent(adapter, signed(adapter, body))).id).toBe(id);
    }
  });

  it('reads the exact value, whatever its spelling, and the member JSON.parse kept', async () => {
    const adapter = acme();
    const id = async (body: string) => (await parseEvent(adapter, signed(adapter, body))).id;
    expect(await id('{"id":9.007199254740993e15}')).toBe('9007199254740993');
    expect(await id('{"id":12345678901234567890123}')).toBe('1.2345678901234567890123e+22');
    expect(await id('{"id":0.3000000000000000444}')).toBe('0.3000000000000000444');
    expect(await id('{"id":1.5}')).toBe('1.5');
    // A longer number whose double is a safe integer is still not that integer.
    expect(await id('{"id":1.0000000000000000001}')).toBe('1.0000000000000000001');
    expect(await id('{"id":1}')).toBe('1');
    expect(await id('{"id":12,"note":1.0000000000000000001}')).toBe('12');
    // A repeated key: JSON.parse keeps the last member, and so does the ID.
    expect(await id('{"id":9007199254740993,"id":9007199254740995}')).toBe('9007199254740995');
    expect(await id('{"data":{"x":"a:9007199254740993"},"id":9007199254740993}')).toBe(
      '9007199254740993',
    );
  });

  it('still reads no ID from a number out of a double range', async () => {
    const adapter = acme();
    const delivery = signed(adapter, '{"id":1e400}', { headers: { 'X-Acme-Delivery': 'dlv_1' } });
    const event = await parseEvent(adapter, delivery);
    expect(event.id).toBe('dlv_1');
    expect(event.idSource).toBe('delivery');
  });

  it('refuses an ID number the delivery body does not hold, naming only the path', () => {
    for (const [payload, body] of [
      [{ data: { id: 2 ** 53 } }, '{}'],
      [{ data: { id: 2 ** 53 } }, '{"data":{"id":1}}'],
      [{ data: { id: 0.1 } }, 'not json {"data":{"id":0.1'],
    ] as const) {
      const error = thrown(() =>
        resolveEventId({
          delivery: rawDelivery(body),
          payload,
          eventIdPath: 'data.id',
          fingerprint: parts,
        }),
      );
      expect(error).toBeInstanceOf(PayloadError);
      expect(error.code).toBe('PAYLOAD_INVALID');
      expect(error.message).toBe(
        'acme payload failed validation: data.id: expected a string or a safe integer',
      );
      expect(JSON.stringify(error.details)).not.toMatch(/\d{3}|0\.1/);
    }
  });
});

describe('idFromPath and requireString with a number a double may not hold', () => {
  const body = '{"id":9007199254740993}';
  const payload = JSON.parse(body) as unknown;

  it('idFromPath reads it from the delivery, else refuses it', () => {
    expect(idFromPath(payload, 'id', { delivery: rawDelivery(body) })).toBe('9007199254740993');
    expect(idFromPath({ id: 42 }, 'id')).toBe('42');
    const error = thrown(() => idFromPath(payload, 'id', { provider: 'acme' }));
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.message).toBe(
      'acme payload failed validation: id: expected a string or a safe integer',
    );
    expect(thrown(() => idFromPath({ id: 1.5 }, 'id')).code).toBe('PAYLOAD_INVALID');
  });

  it('requireString refuses it instead of returning its double', () => {
    expect(requireString({ id: 9007199254740991 }, 'id', 'acme')).toBe('9007199254740991');
    const error = thrown(() => requireString(payload, 'id', 'acme'));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.message).toBe(
      'acme payload failed validation: id: expected a string or a safe integer',
    );
    expect(error.message).not.toContain('900719925474099');
  });
});
