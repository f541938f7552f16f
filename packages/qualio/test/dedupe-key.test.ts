import { explainFingerprint, fingerprint } from '@hooklatch/core/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUALIO_VOLATILE_FIELDS, qualio, qualioFingerprintInput } from '../src/index';
import {
  hmacAdapter,
  hmacRequest,
  NC_COMMENT,
  NC_STATUS,
  NC_UPDATED_BODY,
  parseAt,
  SECRET,
} from './support/fixtures';

const keyOf = async (payload: unknown, adapter = hmacAdapter) =>
  (await parseAt(adapter, hmacRequest(payload))).dedupeKey;

/** The same JSON object with its keys in another order, at every level. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, seed));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const rotated = entries
    .slice(seed % Math.max(entries.length, 1))
    .concat(entries.slice(0, seed % Math.max(entries.length, 1)));
  return Object.fromEntries(rotated.reverse().map(([k, v]) => [k, shuffled(v, seed + 1)]));
}

describe('the same delivery retried gives the same key', () => {
  it('re-serialized with other key order and whitespace', async () => {
    const reordered = `{
      "timestamp" : "2025-01-05T10:15:32Z",
      "ncId": "NC-2025-001",
      "eventType":   "nc.updated"
    }`;
    expect(await keyOf(reordered)).toBe(await keyOf(NC_UPDATED_BODY));
    expect(await keyOf(JSON.stringify(NC_STATUS, null, 2))).toBe(await keyOf(NC_STATUS));
  });

  it('with a different attempt counter or send time (the default volatile fields)', async () => {
    const first = await keyOf({ ...NC_STATUS, attempt: 1, sentAt: '2025-01-05T10:15:33Z' });
    const retry = await keyOf({ ...NC_STATUS, attempt: 2, sentAt: '2025-01-05T10:20:33Z' });
    expect(retry).toBe(first);
    expect(first).toBe(await keyOf(NC_STATUS));
  });

  it('in any key order (property)', async () => {
    const expected = await keyOf(NC_STATUS);
    await fc.assert(
      fc.asyncProperty(fc.nat(50), fc.constantFrom(0, 2, '\t'), async (seed, indent) => {
        const body = JSON.stringify(shuffled(NC_STATUS, seed), null, indent);
        expect(await keyOf(body)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});

describe('distinct events give distinct keys', () => {
  it('a status change and a comment on one record in the same second', async () => {
    const status = await keyOf(NC_STATUS);
    const comment = await keyOf(NC_COMMENT);
    expect(status).not.toBe(comment);
    expect(status).not.toBe(await keyOf(NC_UPDATED_BODY));
  });

  it('the same payload with another changedField', async () => {
    const a = await keyOf({ ...NC_STATUS, changedField: 'status' });
    const b = await keyOf({ ...NC_STATUS, changedField: 'severity' });
    expect(a).not.toBe(b);
  });

  it('the next second, another record, or another event type', async () => {
    const base = await keyOf(NC_STATUS);
    expect(await keyOf({ ...NC_STATUS, timestamp: '2025-01-05T10:15:33Z' })).not.toBe(base);
    expect(await keyOf({ ...NC_STATUS, ncId: 'NC-2025-002' })).not.toBe(base);
    expect(await keyOf({ ...NC_STATUS, eventType: 'nc.closed' })).not.toBe(base);
  });

  it('a timestamp re-spelled for the same instant (the payload hash sees values as sent)', async () => {
    const spelled = NC_UPDATED_BODY.replace('10:15:32Z', '11:15:32+01:00');
    expect(await keyOf(spelled)).not.toBe(await keyOf(NC_UPDATED_BODY));
  });

  it('the same body under another adapter name', async () => {
    const other = qualio({ name: 'qualio-eu', auth: { scheme: 'hmac', secret: SECRET } });
    const key = await keyOf(NC_STATUS, other);
    expect(key.startsWith('qualio-eu:fp1:')).toBe(true);
    expect(key.slice('qualio-eu:'.length)).not.toBe((await keyOf(NC_STATUS)).slice(7));
  });
});

describe('volatileFields', () => {
  it('defaults to sentAt and attempt, and is replaced (not merged) by the option', async () => {
    expect(QUALIO_VOLATILE_FIELDS).toEqual(['sentAt', 'attempt']);
    const custom = qualio({
      auth: { scheme: 'hmac', secret: SECRET },
      volatileFields: ['relay.sentAt'],
    });
    const a = await keyOf({ ...NC_STATUS, relay: { sentAt: 1 } }, custom);
    const b = await keyOf({ ...NC_STATUS, relay: { sentAt: 2 } }, custom);
    expect(a).toBe(b);
    // `attempt` is no longer volatile for this adapter.
    expect(await keyOf({ ...NC_STATUS, attempt: 1 }, custom)).not.toBe(
      await keyOf({ ...NC_STATUS, attempt: 2 }, custom),
    );
  });
});

describe('the delivery-ID header', () => {
  it('is the ID when present (idSource delivery), whatever the body', async () => {
    const first = await parseAt(hmacAdapter, hmacRequest(NC_STATUS, { deliveryId: 'dlv-42' }));
    expect(first).toMatchObject({
      id: 'dlv-42',
      idSource: 'delivery',
      deliveryId: 'dlv-42',
      dedupeKey: 'qualio:dlv-42',
    });
    const retry = await parseAt(hmacAdapter, hmacRequest(NC_COMMENT, { deliveryId: 'dlv-42' }));
    expect(retry.dedupeKey).toBe(first.dedupeKey);
  });

  it('is fingerprinted when blank, or when the header is switched off', async () => {
    const blank = await parseAt(hmacAdapter, hmacRequest(NC_STATUS, { deliveryId: '  ' }));
    expect(blank.idSource).toBe('fingerprint');
    const off = qualio({ auth: { scheme: 'hmac', secret: SECRET }, deliveryIdHeader: false });
    const event = await parseAt(off, hmacRequest(NC_STATUS, { deliveryId: 'dlv-42' }));
    expect(event.idSource).toBe('fingerprint');
    expect(event.dedupeKey).toBe(await keyOf(NC_STATUS));
    expect(event.deliveryId).toBeUndefined();
  });

  it('can be renamed', async () => {
    const renamed = qualio({
      auth: { scheme: 'hmac', secret: SECRET },
      deliveryIdHeader: 'X-Request-Id',
    });
    const request = hmacRequest(NC_STATUS, {
      deliveryId: 'ignored',
      headers: { 'X-Request-Id': 'req-7' },
    });
    expect((await parseAt(renamed, request)).id).toBe('req-7');
  });
});

describe('qualioFingerprintInput', () => {
  it('rebuilds the key of a parsed event, and explains it', async () => {
    const event = await parseAt(hmacAdapter, hmacRequest(NC_STATUS));
    const input = qualioFingerprintInput(event);
    expect(fingerprint(input)).toBe(event.id);
    const explained = explainFingerprint(input);
    expect(explained.parts).toMatchObject({
      provider: 'qualio',
      subject: 'NC-2025-001',
      eventType: 'nc.updated',
      timestamp: '2025-01-05T10:15:32.000Z',
      extra: ['status'],
    });
  });
});
