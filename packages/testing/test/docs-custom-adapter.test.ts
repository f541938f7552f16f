/**
 * docs/advanced/custom-adapter.md, run for real. Every code block marked
 * `<!-- file: <path> -->` must equal that file character for character (blocks marked with the
 * same file are joined with a blank line), so the guide can never show code that does not work.
 *
 * This lives in @hooklatch/testing rather than @hooklatch/core because it uses
 * assertProcessedOnce: core cannot depend on testing, which depends on core.
 */
import { readFileSync } from 'node:fs';
import {
  errorResponse,
  memoryStore,
  parseEvent,
  processOnce,
  type RawDelivery,
} from '@hooklatch/core';
import { encodeSignature, hmacSha256 } from '@hooklatch/core/kit';
import { assertProcessedOnce, nestedJson } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { partner } from '../../../docs/snippets/auth-options';
import { linear } from '../../../docs/snippets/linear-adapter';

const repo = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), 'utf8');

/** The marked blocks of a markdown page, joined per file. */
function markedBlocks(page: string): Map<string, string> {
  const blocks = new Map<string, string[]>();
  for (const match of page.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```/g)) {
    const [, path, code] = match as unknown as [string, string, string];
    blocks.set(path, [...(blocks.get(path) ?? []), code]);
  }
  return new Map([...blocks].map(([path, parts]) => [path, parts.join('\n')]));
}

describe('the custom-adapter guide', () => {
  const page = read('docs/advanced/custom-adapter.md');
  const blocks = markedBlocks(page);

  it('shows the snippet files exactly', () => {
    expect([...blocks.keys()].sort()).toEqual([
      'docs/snippets/auth-options.ts',
      'docs/snippets/linear-adapter.ts',
      'packages/testing/test/docs-custom-adapter-conformance.test.ts',
      'packages/testing/test/docs-custom-adapter-example.test.ts',
    ]);
    for (const [path, code] of blocks) expect(code, path).toBe(read(path));
    // Every ts block that is not an illustration is marked (markers sit right above the fence).
    expect(page.match(/<!-- file: /g)?.length).toBe(6);
  });
});

const SECRET = 'lin_wh_docs_secret';
const RECEIVED = new Date('2025-06-02T09:30:00.000Z');

function payload(overrides: Record<string, unknown> = {}) {
  return {
    action: 'update',
    type: 'Issue',
    createdAt: '2025-06-02T09:29:58.512Z',
    webhookTimestamp: RECEIVED.getTime() - 1_000,
    webhookId: 'wh_1',
    data: { id: 'iss_42', title: 'Fix the login page', priority: 2 },
    ...overrides,
  };
}

function request(
  body: object | string,
  options: { deliveryId?: string | undefined; secret?: string } = {},
) {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'linear-event': 'Issue',
    'linear-signature': encodeSignature(hmacSha256(options.secret ?? SECRET, raw)),
  };
  if (options.deliveryId !== undefined) headers['linear-delivery'] = options.deliveryId;
  return { headers, body: raw };
}

const parse = (input: ReturnType<typeof request>, receivedAt = RECEIVED) =>
  parseEvent(linear({ secret: SECRET }), input, { receivedAt });

describe('the Linear-style adapter of the guide', () => {
  it('parses a valid signed delivery', async () => {
    const event = await parse(request(payload(), { deliveryId: 'dlv-1' }));
    expect(event).toMatchObject({
      provider: 'linear',
      type: 'Issue.update',
      id: 'dlv-1',
      idSource: 'delivery',
      deliveryId: 'dlv-1',
      dedupeKey: 'linear:dlv-1',
      subject: 'iss_42',
      occurredAt: new Date('2025-06-02T09:29:58.512Z'),
      receivedAt: RECEIVED,
      retentionMs: 86_400_000,
      meta: {},
    });
    // The whole payload is kept, not only the fields of the schema.
    expect(event.payload).toEqual(payload());
  });

  it('collapses a retry (same delivery ID) with assertProcessedOnce', async () => {
    const body = payload({ webhookTimestamp: Date.now() });
    const report = await assertProcessedOnce({
      adapter: linear({ secret: SECRET }),
      request: () => request(body, { deliveryId: 'dlv-retry' }),
    });
    expect(report.runs).toBe(1);
    expect(report.outcomes.map((o) => o.key)).toEqual(Array(6).fill('linear:dlv-retry'));
  });

  it('collapses a re-stamped retry without a delivery ID onto one fingerprint', async () => {
    const first = await parse(request(payload()));
    const later = new Date(RECEIVED.getTime() + 3_600_000);
    const retry = await parse(request(payload({ webhookTimestamp: later.getTime() - 500 })), later);
    expect(first.idSource).toBe('fingerprint');
    expect(first.id).toMatch(/^fp1:[0-9a-f]{64}$/);
    expect(retry.dedupeKey).toBe(first.dedupeKey);
    expect(first).not.toHaveProperty('deliveryId');
    // A different change to the same issue is another event.
    const edit = await parse(
      request(payload({ data: { id: 'iss_42', title: 'Fix the signup page', priority: 2 } })),
    );
    expect(edit.dedupeKey).not.toBe(first.dedupeKey);
    const removed = await parse(request(payload({ action: 'remove' })));
    expect(removed.dedupeKey).not.toBe(first.dedupeKey);
  });

  it('a retry re-stamped with a new send time is a duplicate; another body a mismatch', async () => {
    const store = memoryStore();
    let runs = 0;
    const handle = async () => {
      runs++;
    };
    const deliver = async (body: object, receivedAt = RECEIVED) =>
      processOnce(
        store,
        await parse(request(body, { deliveryId: 'dlv-digest' }), receivedAt),
        handle,
      );
    const first = await deliver(payload());
    const later = new Date(RECEIVED.getTime() + 600_000);
    const retry = await deliver(payload({ webhookTimestamp: later.getTime() - 500 }), later);
    const changed = await deliver(
      payload({ data: { id: 'iss_42', title: 'Fix the login page', priority: 1 } }),
    );
    expect([first.outcome, retry.outcome, changed.outcome]).toEqual([
      'processed',
      'duplicate',
      'mismatch',
    ]);
    expect(runs).toBe(1);
  });

  it('refuses bodies nested deeper than maxDepth (default 128) with PAYLOAD_TOO_DEEP', async () => {
    const deep = JSON.stringify(payload({ data: { id: 'iss_42' } })).replace(
      '"data":',
      `"deep":${nestedJson(128)},"data":`,
    );
    const error = await parse(request(deep)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_DEEP', httpStatus: 400 });
    expect(errorResponse(error).status).toBe(400);
    // `data` is the second level: a limit of 1 refuses the ordinary payload.
    const strict = linear({ secret: SECRET, maxDepth: 1 });
    await expect(
      parseEvent(strict, request(payload()), { receivedAt: RECEIVED }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_DEEP', details: { maxDepth: 1 } });
    expect(() => linear({ secret: SECRET, maxDepth: 0 })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { option: 'maxDepth' } }),
    );
  });

  it('answers 401 to a wrong signature, before reading the body', async () => {
    const forged = request(payload(), { deliveryId: 'dlv-2', secret: 'not-the-secret' });
    const error = await parse(forged).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SIGNATURE_INVALID', httpStatus: 401 });
    expect(errorResponse(error).status).toBe(401);
    await expect(parse(request('not json', { secret: 'x' }))).rejects.toMatchObject({
      code: 'SIGNATURE_INVALID',
    });
    const unsigned = request(payload());
    delete unsigned.headers['linear-signature'];
    await expect(parse(unsigned)).rejects.toMatchObject({ code: 'SIGNATURE_MISSING' });
  });

  it('rejects stale and future webhookTimestamps, tolerance configurable', async () => {
    const stale = request(payload({ webhookTimestamp: RECEIVED.getTime() - 61_000 }));
    await expect(parse(stale)).rejects.toMatchObject({
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
      httpStatus: 401,
    });
    const future = request(payload({ webhookTimestamp: RECEIVED.getTime() + 61_000 }));
    await expect(parse(future)).rejects.toMatchObject({ code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    const relaxed = linear({ secret: SECRET, toleranceSeconds: 0 });
    const stale2 = request(payload({ webhookTimestamp: RECEIVED.getTime() - 61_000 }));
    await expect(parseEvent(relaxed, stale2, { receivedAt: RECEIVED })).resolves.toMatchObject({
      type: 'Issue.update',
    });
  });

  it('answers 422 naming the path for a payload of the wrong shape', async () => {
    const noData = request(payload({ data: { title: 'no id' } }));
    await expect(parse(noData)).rejects.toMatchObject({
      code: 'PAYLOAD_INVALID',
      httpStatus: 422,
      message: expect.stringContaining('data.id'),
    });
    const zoneless = request(payload({ createdAt: '2025-06-02T09:29:58' }));
    await expect(parse(zoneless)).rejects.toMatchObject({
      code: 'PAYLOAD_INVALID',
      message: expect.stringContaining('createdAt'),
    });
  });

  it('accepts either secret during a rotation and refuses no secret at startup', async () => {
    const rotating = linear({ secrets: ['new-secret', SECRET] });
    await expect(
      parseEvent(rotating, request(payload(), { deliveryId: 'dlv-3' }), { receivedAt: RECEIVED }),
    ).resolves.toMatchObject({ id: 'dlv-3' });
    expect(() => linear({})).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});

describe('the auth-options snippet of the guide', () => {
  const body = '{"event":"order.shipped","eventId":"ev_7"}';
  const delivery = (headers: Record<string, string>): RawDelivery => ({
    method: 'POST',
    headers,
    rawBody: new TextEncoder().encode(body),
    receivedAt: RECEIVED,
  });

  it('builds one verifier per scheme and accepts any of them', async () => {
    const adapter = partner({
      auth: [
        { scheme: 'basic', username: 'hooks', password: 'pw' },
        { scheme: 'hmac', header: 'X-Partner-Signature', secret: 'whsec' },
      ],
    });
    const basic = `Basic ${Buffer.from('hooks:pw').toString('base64')}`;
    expect(await adapter.parse(delivery({ authorization: basic }))).toMatchObject({
      id: 'ev_7',
      type: 'order.shipped',
    });
    const hmac = encodeSignature(hmacSha256('whsec', body));
    expect(await adapter.parse(delivery({ 'x-partner-signature': hmac }))).toMatchObject({
      id: 'ev_7',
    });
    // Both fail: the first scheme's error.
    expect(() => adapter.parse(delivery({ 'x-partner-signature': 'ab' }))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_MISSING' }),
    );
  });

  it('needs auth or an explicit verify:false, never both', () => {
    expect(() => partner({})).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => partner({ auth: [] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => partner({ auth: { scheme: 'bearer', token: 't' }, verify: false })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    expect(() => partner({ auth: { scheme: 'oauth' } as never })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    const open = partner({ verify: false });
    expect(open.parse(delivery({}))).toMatchObject({ id: 'ev_7' });
  });
});
