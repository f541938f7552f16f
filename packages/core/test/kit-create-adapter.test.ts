/** createAdapter: verification runs before parse, and the adapter works through parseEvent. */
import { createHash, createHmac } from 'node:crypto';
import {
  memoryStore,
  type ParsedEvent,
  parseEvent,
  processOnce,
  type RawDelivery,
  VerificationError,
  type WebhookEvent,
} from '@hooklatch/core';
import {
  createAdapter,
  type DeliveryVerifier,
  hmacHeaderVerifier,
  readJsonObject,
  requireString,
} from '@hooklatch/core/kit';
import { describe, expect, it, vi } from 'vitest';
import { rawDelivery, thrown } from './support/kit-helpers';

const SECRET = 'acme-create-adapter-secret';
type AcmeEvent = WebhookEvent<string, Record<string, unknown>>;

const body = JSON.stringify({ id: 'evt_1', type: 'order.paid', orderId: 'ord_9' });
const sig = (secret: string, raw: string) => createHmac('sha256', secret).update(raw).digest('hex');

function parser() {
  return vi.fn((delivery: RawDelivery): ParsedEvent<AcmeEvent> => {
    const payload = readJsonObject(delivery, 'acme');
    return {
      type: requireString(payload, 'type', 'acme'),
      id: requireString(payload, 'id', 'acme'),
      idSource: 'event',
      subject: requireString(payload, 'orderId', 'acme'),
      payload,
    };
  });
}

function acme(
  parse = parser(),
  verify: DeliveryVerifier | readonly DeliveryVerifier[] | false = hmacHeaderVerifier({
    provider: 'acme',
    header: 'X-Acme-Signature',
    secret: SECRET,
  }),
) {
  return {
    parse,
    adapter: createAdapter<AcmeEvent>({ name: 'acme', retentionMs: 3_600_000, verify, parse }),
  };
}

describe('createAdapter', () => {
  it('exposes the contract: name, retentionMs, default methods', () => {
    const { adapter } = acme();
    expect(adapter.name).toBe('acme');
    expect(adapter.retentionMs).toBe(3_600_000);
    expect(adapter.methods).toBeUndefined(); // parseEvent then allows POST only
  });

  it('verifies before parsing: parse is never called for a bad or missing signature', () => {
    const { adapter, parse } = acme();
    const forged = thrown(() =>
      adapter.parse(rawDelivery(body, { 'x-acme-signature': sig('wrong', body) })),
    );
    expect(forged).toBeInstanceOf(VerificationError);
    expect(forged.code).toBe('SIGNATURE_INVALID');
    expect(forged.httpStatus).toBe(401);
    expect(thrown(() => adapter.parse(rawDelivery(body))).code).toBe('SIGNATURE_MISSING');
    // Even a body that would not parse fails on the signature first.
    expect(
      thrown(() => adapter.parse(rawDelivery('not json', { 'x-acme-signature': sig('x', 'y') })))
        .code,
    ).toBe('SIGNATURE_INVALID');
    expect(parse).not.toHaveBeenCalled();
  });

  it('parses an authentic delivery exactly once', () => {
    const { adapter, parse } = acme();
    const parsed = adapter.parse(rawDelivery(body, { 'x-acme-signature': sig(SECRET, body) }));
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parsed).toMatchObject({ id: 'evt_1', type: 'order.paid', subject: 'ord_9' });
  });

  it('runs verifiers in order and accepts when any passes', () => {
    const order: string[] = [];
    const failing: DeliveryVerifier = () => {
      order.push('failing');
      throw new VerificationError('SIGNATURE_MISSING', 'no token');
    };
    const passing: DeliveryVerifier = () => {
      order.push('passing');
    };
    const { adapter, parse } = acme(parser(), [failing, passing]);
    adapter.parse(rawDelivery(body));
    expect(order).toEqual(['failing', 'passing']);
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('with verify:false, parses unsigned deliveries (explicit opt-in)', () => {
    const { adapter, parse } = acme(parser(), false);
    expect(adapter.parse(rawDelivery(body))).toMatchObject({ id: 'evt_1' });
    expect(parse).toHaveBeenCalledTimes(1);
  });

  it('refuses a missing or empty verify at creation', () => {
    for (const verify of [undefined, []] as const) {
      const error = thrown(() =>
        createAdapter({ name: 'acme', retentionMs: 1, verify: verify as never, parse: parser() }),
      );
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('acme');
    }
  });

  it('supports an async parse', async () => {
    const adapter = createAdapter<AcmeEvent>({
      name: 'acme',
      retentionMs: 1,
      verify: false,
      parse: async (delivery) => ({
        type: 'x',
        id: 'async-1',
        idSource: 'delivery',
        payload: readJsonObject(delivery, 'acme'),
      }),
    });
    await expect(Promise.resolve(adapter.parse(rawDelivery(body)))).resolves.toMatchObject({
      id: 'async-1',
    });
  });
});

describe('createAdapter through parseEvent', () => {
  const request = (raw: string, signature: string, method = 'POST') => ({
    method,
    headers: { 'Content-Type': 'application/json', 'X-Acme-Signature': signature },
    body: raw,
  });

  it('fills in provider, dedupeKey, receivedAt, retentionMs and meta', async () => {
    const { adapter } = acme();
    const receivedAt = new Date('2025-03-01T12:00:00Z');
    const event = await parseEvent(adapter, request(body, sig(SECRET, body)), { receivedAt });
    expect(event).toMatchObject({
      provider: 'acme',
      type: 'order.paid',
      id: 'evt_1',
      idSource: 'event',
      dedupeKey: 'acme:evt_1',
      subject: 'ord_9',
      receivedAt,
      occurredAt: receivedAt,
      retentionMs: 3_600_000,
      meta: {},
      payload: { id: 'evt_1', type: 'order.paid', orderId: 'ord_9' },
    });
  });

  it('rejects a forged request with 401 without calling parse', async () => {
    const { adapter, parse } = acme();
    await expect(parseEvent(adapter, request(body, sig('forged', body)))).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
      httpStatus: 401,
    });
    // Signed, then the body was changed in transit.
    const tampered = body.replace('ord_9', 'ord_1');
    await expect(parseEvent(adapter, request(tampered, sig(SECRET, body)))).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
    expect(parse).not.toHaveBeenCalled();
  });

  it('refuses other methods before verifying', async () => {
    const verify = vi.fn<DeliveryVerifier>(() => {});
    const { adapter, parse } = acme(parser(), verify);
    await expect(parseEvent(adapter, request(body, 'x', 'PUT'))).rejects.toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
      httpStatus: 405,
    });
    expect(verify).not.toHaveBeenCalled();
    expect(parse).not.toHaveBeenCalled();
  });

  it('accepts the methods it is given and still verifies them', async () => {
    const adapter = createAdapter({
      name: 'acme',
      retentionMs: 1000,
      methods: ['POST', 'PUT'],
      verify: hmacHeaderVerifier({ provider: 'acme', header: 'X-Acme-Signature', secret: SECRET }),
      parse: (delivery) => {
        const data = readJsonObject(delivery, 'acme');
        return {
          type: 'order.paid',
          id: requireString(data, 'id', 'acme'),
          idSource: 'event',
          payload: data,
        };
      },
    });
    expect(adapter.methods).toEqual(['POST', 'PUT']);
    const event = await parseEvent(adapter, request(body, sig(SECRET, body), 'PUT'));
    expect(event.dedupeKey).toBe('acme:evt_1');
    await expect(
      parseEvent(adapter, request(body, sig('forged', body), 'PUT')),
    ).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
    await expect(
      parseEvent(adapter, request(body, sig(SECRET, body), 'GET')),
    ).rejects.toMatchObject({
      code: 'METHOD_NOT_ALLOWED',
    });
  });

  it('turns payload problems into typed errors after verification', async () => {
    const { adapter } = acme();
    const noId = JSON.stringify({ type: 'order.paid', orderId: 'ord_9' });
    await expect(parseEvent(adapter, request(noId, sig(SECRET, noId)))).rejects.toMatchObject({
      code: 'PAYLOAD_INVALID',
      httpStatus: 422,
      message: 'acme payload failed validation: id: expected a non-empty string',
    });
  });

  it('dedupes a retry of the same signed delivery with processOnce', async () => {
    const { adapter } = acme();
    const store = memoryStore();
    const handler = vi.fn(async () => 'done');
    const first = await processOnce(
      store,
      await parseEvent(adapter, request(body, sig(SECRET, body))),
      handler,
    );
    const retry = await processOnce(
      store,
      await parseEvent(adapter, request(body, sig(SECRET, body))),
      handler,
    );
    expect(first.outcome).toBe('processed');
    expect(retry.outcome).toBe('duplicate');
    expect(retry.key).toBe('acme:evt_1');
    expect(handler).toHaveBeenCalledTimes(1);
  });
});

describe('createAdapter: digestOf', () => {
  const verifier = hmacHeaderVerifier({
    provider: 'acme',
    header: 'X-Acme-Signature',
    secret: SECRET,
  });
  const acme = (options: { digestOf?: unknown; verify?: false }) =>
    createAdapter<AcmeEvent>({
      name: 'acme',
      retentionMs: 60_000,
      verify: options.verify === false ? false : verifier,
      digestExclude: ['attempt'],
      ...(options.digestOf === undefined ? {} : { digestOf: options.digestOf as 'signed-body' }),
      parse: (_delivery, _verified, { json }) => {
        const payload = json();
        return { type: 'order.paid', id: String(payload.id), idSource: 'event', payload };
      },
    });
  const deliver = (adapter: ReturnType<typeof acme>, raw: string) =>
    parseEvent(adapter, { headers: { 'x-acme-signature': sig(SECRET, raw) }, body: raw });
  const pretty = '{\n  "id": "evt_1",\n  "attempt": 3,\n  "x": [1, 2]\n}';

  it("'signed-body': the SHA-256 of the bytes as signed, minus the excluded top-level value", async () => {
    const event = await deliver(acme({ digestOf: 'signed-body' }), pretty);
    const [before, after] = pretty.split('3') as [string, string];
    const expected = createHash('sha256').update(before).update(after).digest('hex');
    expect(event.digest).toBe(`sha256-body:${expected}`);
    const retry = await deliver(acme({ digestOf: 'signed-body' }), pretty.replace('3', '4'));
    expect(retry.digest).toBe(event.digest);
  });

  it("'canonical-json' (the default), and 'signed-body' under verify: false, digest canonically", async () => {
    const compact = JSON.stringify(JSON.parse(pretty));
    const canonical = await deliver(acme({}), pretty);
    expect(canonical.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect((await deliver(acme({}), compact)).digest).toBe(canonical.digest);
    const unverified = acme({ digestOf: 'signed-body', verify: false });
    expect((await parseEvent(unverified, { headers: {}, body: pretty })).digest).toBe(
      canonical.digest,
    );
  });

  it('any other value is CONFIG_INVALID naming the option', () => {
    const error = thrown(() => acme({ digestOf: 'bytes' }));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'digestOf' } });
    expect((error as Error).message).toContain("'canonical-json' or 'signed-body'");
  });
});
