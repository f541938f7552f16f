import { type DedupeStore, defineAdapter, fromHex, memoryStore, toHex } from '@hooklatch/core';
import { hmacSha256, matchSignature, parseJsonBody, requireHeader, signatureInvalid } from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { assertProcessedOnce } from '../src/index';

const secret = 'test-secret';
const adapter = defineAdapter({
  name: 'acme',
  retentionMs: 60_000,
  parse(delivery) {
    const sig =
      fromHex(requireHeader(delivery.headers, 'x-acme-signature', 'SIGNATURE_MISSING')) ??
      new Uint8Array();
    if (matchSignature([hmacSha256(secret, delivery.rawBody)], [sig]) < 0)
      throw signatureInvalid('acme', 'x-acme-signature');
    const payload = parseJsonBody(delivery.rawBody) as { id: string; type: string };
    return { type: payload.type, id: payload.id, idSource: 'event' as const, payload };
  },
});
const body = JSON.stringify({ id: 'evt_42', type: 'thing.happened' });
const request = () =>
  new Request('https://hooks.test/acme', {
    method: 'POST',
    headers: { 'x-acme-signature': toHex(hmacSha256(secret, body)) },
    body,
  });

describe('assertProcessedOnce', () => {
  it('passes for a correct store and reports every outcome', async () => {
    const report = await assertProcessedOnce({ adapter, request, copies: 5 });
    expect(report.runs).toBe(1);
    expect(report.outcomes).toHaveLength(7);
    expect(report.outcomes.filter((o) => o.outcome === 'processed')).toHaveLength(1);
    expect(
      report.outcomes.filter((o) => o.outcome === 'in_flight').every((o) => o.status === 409),
    ).toBe(true);
    expect(report.event.dedupeKey).toBe('acme:evt_42');
  });

  it('fails loudly for a store whose claim is not atomic', async () => {
    const inner = memoryStore();
    const racy: DedupeStore = {
      ...inner,
      // check-then-insert: both concurrent callers see "absent" and both claim
      async claim(key, options) {
        const existing = await inner.get(key);
        await new Promise((r) => setTimeout(r, 5));
        if (existing?.state === 'completed') return { status: 'completed', record: existing };
        await inner.delete(key);
        return inner.claim(key, options);
      },
    };
    await expect(assertProcessedOnce({ adapter, request, store: racy })).rejects.toThrow(
      /handler ran [2-9] times/,
    );
  });

  it('fails when copies do not verify', async () => {
    const unsigned = () => new Request('https://hooks.test/acme', { method: 'POST', body });
    await expect(assertProcessedOnce({ adapter, request: unsigned })).rejects.toMatchObject({
      code: 'SIGNATURE_MISSING',
    });
  });
});
