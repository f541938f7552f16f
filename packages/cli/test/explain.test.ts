import { parseEvent } from '@hooklatch/core';
import { explainFingerprint, type FingerprintInput } from '@hooklatch/core/kit';
import { qualio } from '@hooklatch/qualio';
import { describe, expect, it } from 'vitest';
import { stripeEventBody } from './fixtures/events';
import { cli } from './support';

const status = {
  eventType: 'nc.updated',
  ncId: 'NC-2025-001',
  timestamp: '2025-01-05T10:15:32Z',
  changedField: 'status',
  status: 'closed',
};
const comment = { ...status, changedField: 'comment', comment: 'checked by QA' };
// The same delivery as `status`, re-serialized by the sender: other key order, whitespace.
const resent = JSON.stringify(Object.fromEntries(Object.entries(status).reverse()), null, 2);

describe('hooklatch explain', () => {
  it('prints the key the adapter gives the delivery, with every part', async () => {
    const body = JSON.stringify(status);
    const run = await cli(['explain', 'qualio', 'a.json'], { 'a.json': body });
    const adapter = qualio({ verify: false });
    const event = await parseEvent(adapter, { headers: {}, body });
    // The adapter's own fingerprintInput: what the CLI must show, for any adapter.
    const expected = explainFingerprint(adapter.fingerprintInput?.(event) as FingerprintInput);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`a.json: ${event.id}`);
    expect(event.id).toBe(expected.key);
    // The key inspect and release take: with the provider's prefix.
    expect(run.out).toContain(`dedupe key ${event.dedupeKey}`);
    expect(event.dedupeKey).toBe(`qualio:${expected.key}`);
    expect(run.out).toContain('subject    NC-2025-001');
    expect(run.out).toContain('timestamp  2025-01-05T10:15:32.000Z');
    expect(run.out).toContain('extra      status');
    expect(run.out).toContain(`canonical  ${expected.canonicalPayload}`);
  });

  it('says a re-serialized retry collapses (exit 0)', async () => {
    const run = await cli(['explain', 'qualio', 'a.json', 'b.json'], {
      'a.json': JSON.stringify(status),
      'b.json': resent,
    });
    expect(run.code).toBe(0);
    expect(run.out).toContain('same key: the second delivery is a duplicate of the first.');
  });

  it('names the parts in which two edits in the same second differ (exit 1)', async () => {
    const run = await cli(['explain', 'qualio', 'a.json', 'b.json'], {
      'a.json': JSON.stringify(status),
      'b.json': JSON.stringify(comment),
    });
    expect(run.code).toBe(1);
    expect(run.out).toContain('different keys: they differ in extra, payloadHash.');
  });

  it('explains Creatio bodies, including one without ModifiedOn', async () => {
    const order = {
      EntitySchemaName: 'Order',
      Operation: 'update',
      Id: '5f0d6d4e-8f2a-4c1b-9a53-2f1e0c7b9d11',
      EventType: 'status_update',
      Status: 'shipped',
      ModifiedOn: '2025-01-22T11:23:15Z',
    };
    const { ModifiedOn: _, ...undated } = order;
    const run = await cli(['explain', 'creatio', 'a.json', 'b.json'], {
      'a.json': JSON.stringify(order),
      'b.json': JSON.stringify(undated),
    });
    expect(run.code).toBe(1);
    expect(run.out).toContain('subject    Order:5f0d6d4e-8f2a-4c1b-9a53-2f1e0c7b9d11');
    expect(run.out).toContain('timestamp  (none)');
    expect(run.out).toContain('different keys: they differ in timestamp, payloadHash.');
  });

  it('reports a body that is not a valid event with its reason (exit 1), usage mistakes exit 2', async () => {
    const invalid = await cli(['explain', 'qualio', 'a.json'], {
      'a.json': JSON.stringify({ eventType: 'nc.updated', timestamp: '2025-01-05T10:15:32Z' }),
    });
    expect(invalid.code).toBe(1);
    expect(invalid.err).toContain('ncId');
    expect((await cli(['explain', 'acme', 'a.json'])).code).toBe(2);
    expect((await cli(['explain', 'qualio'])).code).toBe(2);
    expect((await cli(['frobnicate'])).err).toContain('unknown command "frobnicate"');
  });

  it('gives a delivery with its own ID its key, and says nothing was fingerprinted', async () => {
    const body = JSON.stringify({
      eventType: 'nc.updated',
      ncId: 'NC-1',
      timestamp: '2025-01-05T10:15:32Z',
    });
    const run = await cli(
      ['explain', 'qualio', 'a.json', '--header', 'X-Qualio-Delivery-Id: dlv-42'],
      { 'a.json': body },
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain("dedupe key qualio:dlv-42 (the provider's own ID: no fingerprint)");
    const json = await cli(['explain', 'qualio', 'a.json', 'b.json', '--json'], {
      'a.json': body,
      'b.json': body,
    });
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out);
    expect(parsed.sameKey).toBe(true);
    expect(parsed.deliveries[0].dedupeKey).toMatch(/^qualio:fp1:[0-9a-f]{64}$/);
    expect(parsed.deliveries[0].fingerprint.parts.subject).toBe('NC-1');
  });

  it('explains a Stripe event by its event ID (any registered adapter)', async () => {
    const run = await cli(['explain', 'stripe', 'a.json', 'b.json'], {
      'a.json': stripeEventBody('evt_explain_1'),
      'b.json': stripeEventBody('evt_explain_2'),
    });
    expect(run.out).toContain('a.json: evt_explain_1');
    expect(run.out).toContain('different keys: they are different events.');
    expect(run.code).toBe(1);
  });
});
