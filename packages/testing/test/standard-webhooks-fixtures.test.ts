/**
 * `signedStandardWebhooksRequest`'s default payload is a function of the message ID: a retry
 * (same `id`, later attempt) is byte-identical, as a sender's retry is. It used to hold the build
 * time, so a retry built a millisecond later carried another body, which processOnce now reads
 * as a `mismatch` (same ID, different body) instead of a duplicate.
 */
import { createHmac } from 'node:crypto';
import { createAdapter, requireString } from '@hooklatch/core/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assertProcessedOnce, signedStandardWebhooksRequest } from '../src/index';

const secretBytes = Buffer.from('hooklatch-standard-webhooks-key!');
const secret = `whsec_${secretBytes.toString('base64')}`;

/** Reads the message ID from `webhook-id`; verification is the adapter package's business. */
const messages = createAdapter({
  name: 'sw',
  retentionMs: 60_000,
  verify: false,
  parse: (delivery, { json }) => ({
    type: requireString(json(), 'type', 'sw'),
    id: delivery.headers['webhook-id'] ?? '',
    idSource: 'event',
    payload: json(),
  }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('signedStandardWebhooksRequest default payload', () => {
  it('is the same for every attempt of one id, and differs between ids', () => {
    vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00.000Z') });
    const first = signedStandardWebhooksRequest({ secret, id: 'msg_retry' });
    vi.setSystemTime(new Date('2026-03-01T10:05:00.123Z'));
    const retry = signedStandardWebhooksRequest({ secret, id: 'msg_retry' });
    expect(retry.body).toBe(first.body);
    // The attempt is new: its timestamp and signature move, as a sender's do.
    expect(retry.headers['webhook-timestamp']).not.toBe(first.headers['webhook-timestamp']);
    expect(retry.headers['webhook-signature']).not.toBe(first.headers['webhook-signature']);
    const other = signedStandardWebhooksRequest({ secret, id: 'msg_other' });
    expect(other.body).not.toBe(first.body);
    expect(JSON.parse(first.body as string)).toEqual({
      type: 'test.event',
      timestamp: '2025-01-01T00:00:00.000Z',
      data: { id: 'msg_retry' },
    });
  });

  it('a random id still gets its own body, signed over id.timestamp.body', () => {
    const request = signedStandardWebhooksRequest({ secret, timestamp: 1_767_225_600 });
    const id = request.headers['webhook-id'] as string;
    expect(JSON.parse(request.body as string).data).toEqual({ id });
    const content = `${id}.1767225600.${request.body as string}`;
    const expected = createHmac('sha256', secretBytes).update(content).digest('base64');
    expect(request.headers['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('a given payload or body wins over the default', () => {
    const payload = signedStandardWebhooksRequest({ secret, id: 'm', payload: { type: 'a.b' } });
    expect(payload.body).toBe('{"type":"a.b"}');
    const body = signedStandardWebhooksRequest({ secret, id: 'm', body: 'raw' });
    expect(body.body).toBe('raw');
  });

  it('retries built later run the handler once, never read as a mismatch', async () => {
    const report = await assertProcessedOnce({
      adapter: messages,
      request: () => signedStandardWebhooksRequest({ secret, id: 'msg_e2e' }),
    });
    expect(report.outcomes.map((o) => o.outcome)).not.toContain('mismatch');
  });
});
