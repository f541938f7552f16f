/**
 * The builders of @hooklatch/standard-webhooks/testing. The default payload is a function of the
 * message ID: a retry (same `id`, later attempt) is byte-identical, as a sender's retry is. It
 * once held the build time, so a retry built a millisecond later carried another body, which
 * processOnce reads as a `mismatch` (same ID, different body) instead of a duplicate.
 */
import { createHmac } from 'node:crypto';
import {
  signedStandardWebhooksRequest,
  standardWebhooksKeyPair,
  standardWebhooksSecret,
} from '@hooklatch/standard-webhooks/testing';
import { assertProcessedOnce } from '@hooklatch/testing';
import { ed25519 } from '@noble/curves/ed25519.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standardWebhooks } from '../src/ed25519';

const secretBytes = Buffer.from('hooklatch-standard-webhooks-key!');
const secret = `whsec_${secretBytes.toString('base64')}`;

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
    expect(id).toMatch(/^msg_[A-Za-z0-9x]{20}$/);
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
      adapter: standardWebhooks({ secret }),
      request: () => signedStandardWebhooksRequest({ secret, id: 'msg_e2e' }),
    });
    expect(report.runs).toBe(1);
    expect(report.outcomes.map((o) => o.outcome)).not.toContain('mismatch');
  });
});

describe('keys and mixed signature lists', () => {
  it('key pairs are whsk_ (seed + public key) and whpk_, as @noble/curves derives them', () => {
    const seed = new Uint8Array(32).fill(5);
    const pair = standardWebhooksKeyPair(seed);
    const signing = Buffer.from(pair.signingKey.slice('whsk_'.length), 'base64');
    expect(new Uint8Array(signing.subarray(0, 32))).toEqual(seed);
    expect(new Uint8Array(signing.subarray(32))).toEqual(ed25519.getPublicKey(seed));
    expect(pair.publicKey).toBe(
      `whpk_${Buffer.from(ed25519.getPublicKey(seed)).toString('base64')}`,
    );
    expect(standardWebhooksKeyPair().publicKey).not.toBe(standardWebhooksKeyPair().publicKey);
  });

  it('standardWebhooksSecret is a fresh whsec_ of 24 random bytes', () => {
    const a = standardWebhooksSecret();
    expect(Buffer.from(a.slice('whsec_'.length), 'base64')).toHaveLength(24);
    expect(standardWebhooksSecret()).not.toBe(a);
  });

  it('lists one entry per secret and signing key, svix names on request', () => {
    const pair = standardWebhooksKeyPair(new Uint8Array(32).fill(6));
    const seedOnly = Buffer.from(new Uint8Array(32).fill(7)).toString('base64');
    const request = signedStandardWebhooksRequest({
      secrets: [secret, standardWebhooksSecret()],
      signingKeys: [pair.signingKey, seedOnly, new Uint8Array(32).fill(8)],
      id: 'msg_mixed',
      headerFamily: 'svix',
    });
    const entries = (request.headers['svix-signature'] ?? '').split(' ');
    expect(entries.map((e) => e.split(',')[0])).toEqual(['v1', 'v1', 'v1a', 'v1a', 'v1a']);
    expect(request.headers['webhook-id']).toBeUndefined();
    // No key, or an empty one: CONFIG_INVALID like every other option mistake.
    for (const options of [{ id: 'x' }, { id: 'x', secret: '' }]) {
      expect(() => signedStandardWebhooksRequest(options)).toThrow(
        expect.objectContaining({ name: 'ConfigurationError', code: 'CONFIG_INVALID' }),
      );
    }
  });
});
