import { createHmac } from 'node:crypto';
import { type DedupeStore, memoryStore, type WebhookAdapter } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { assertProcessedOnce } from '../src/index';
import { ACME_SECRET, acme } from './support/acme-adapter';

const adapter = acme();
const body = JSON.stringify({ id: 'evt_42', type: 'thing.happened' });

describe('assertProcessedOnce', () => {
  it('signs every copy with the adapter, passes for a correct store and reports every outcome', async () => {
    const report = await assertProcessedOnce({ adapter, body, copies: 5 });
    expect(report.runs).toBe(1);
    expect(report.outcomes).toHaveLength(7);
    expect(report.outcomes.filter((o) => o.outcome === 'processed')).toHaveLength(1);
    expect(
      report.outcomes.filter((o) => o.outcome === 'in_flight').every((o) => o.status === 409),
    ).toBe(true);
    expect(report.event.dedupeKey).toBe('acme:evt_42');
  });

  it('sends the given headers and sign options with every copy', async () => {
    const seen: string[] = [];
    const watching: WebhookAdapter = {
      ...adapter,
      parse(delivery) {
        const { 'x-acme-event': event, 'x-acme-source': source } = delivery.headers;
        seen.push(`${delivery.method} ${event} ${source}`);
        return adapter.parse(delivery);
      },
    };
    await assertProcessedOnce({
      adapter: watching,
      body,
      headers: { 'X-Acme-Event': 'thing.happened' },
      signOptions: { headers: { 'x-acme-source': 'test' } },
      copies: 2,
      retries: 1,
    });
    expect(seen).toEqual(new Array(3).fill('POST thing.happened test'));
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
    await expect(assertProcessedOnce({ adapter, body, store: racy })).rejects.toThrow(
      /handler ran [2-9] times/,
    );
  });

  it('takes a request builder instead, and fails when its copies do not verify', async () => {
    const signature = createHmac('sha256', ACME_SECRET).update(body).digest('hex');
    const signed = () =>
      new Request('https://hooks.test/acme', {
        method: 'POST',
        headers: { 'x-acme-signature': signature },
        body,
      });
    expect((await assertProcessedOnce({ adapter, request: signed })).runs).toBe(1);
    const unsigned = () => new Request('https://hooks.test/acme', { method: 'POST', body });
    await expect(assertProcessedOnce({ adapter, request: unsigned })).rejects.toMatchObject({
      code: 'SIGNATURE_MISSING',
    });
  });

  it('needs exactly one of body and request, and a sign for body', async () => {
    await expect(assertProcessedOnce({ adapter })).rejects.toThrow(/either `body` or `request`/);
    await expect(
      assertProcessedOnce({ adapter, body, request: () => ({ headers: {}, body }) }),
    ).rejects.toThrow(/either `body` or `request`/);
    const unsigned: WebhookAdapter = { name: 'acme', retentionMs: 60_000, parse: adapter.parse };
    await expect(assertProcessedOnce({ adapter: unsigned, body })).rejects.toThrow(
      /has no sign\(\); pass `request`/,
    );
  });
});
