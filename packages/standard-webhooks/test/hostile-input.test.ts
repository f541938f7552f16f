/**
 * Issue 10 items 4, 7, 9, 14 and 15 through the real adapter: deep JSON, the body digest of a
 * retry, the bound on signature entries (v1a costs an ed25519 verification each), the timestamp
 * judged before any signature, times no Date can hold, and option checks.
 */
import {
  signedStandardWebhooksRequest,
  standardWebhooksKeyPair,
} from '@hooklatch/standard-webhooks/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { standardWebhooks } from '../src/ed25519';
import { PAYLOAD, parseAt, RECEIVED_SECONDS, SECRET, SECRET_BODY } from './support/fixtures';

const adapter = standardWebhooks({ secret: SECRET });
const sender = standardWebhooksKeyPair(new Uint8Array(32).fill(7));
const v1aAdapter = standardWebhooks({ publicKey: sender.publicKey });
const secrets = [SECRET, SECRET_BODY];
const signed = (
  body: unknown,
  extra: Partial<Parameters<typeof signedStandardWebhooksRequest>[0]> = {},
) =>
  signedStandardWebhooksRequest({
    secret: SECRET,
    id: 'msg_1',
    timestamp: RECEIVED_SECONDS,
    ...(typeof body === 'string' ? { body } : { payload: body }),
    ...extra,
  });

// 129, 10,000 and 100,000 levels are the conformance suite's ('deeply nested JSON is refused').
describe('standard-webhooks: maxDepth', () => {
  it('the maxDepth option lowers the limit', async () => {
    await expectHooklatchError(
      parseAt(standardWebhooks({ secret: SECRET, maxDepth: 1 }), signed(PAYLOAD)),
      {
        code: 'PAYLOAD_TOO_DEEP',
      },
    );
  });
});

describe('standard-webhooks: event.digest', () => {
  it('a retry (same id and body, new timestamp and signature) keeps the digest', async () => {
    const first = await parseAt(adapter, signed(PAYLOAD));
    const retry = await parseAt(adapter, signed(PAYLOAD, { timestamp: RECEIVED_SECONDS + 30 }));
    expect(first.digest).toMatch(/^sha256-body:[0-9a-f]{64}$/);
    expect(retry.digest).toBe(first.digest);
  });

  it('a changed amount under the same webhook-id gives another digest', async () => {
    const first = await parseAt(adapter, signed(PAYLOAD));
    const changed = await parseAt(
      adapter,
      signed({ ...PAYLOAD, data: { id: 'inv_1', amount: 1 } }),
    );
    expect(changed.dedupeKey).toBe(first.dedupeKey);
    expect(changed.digest).not.toBe(first.digest);
  });
});

describe('standard-webhooks: bounded signature work (issue 10 item 14)', () => {
  const body = JSON.stringify(PAYLOAD);
  const junkV1a = `v1a,${Buffer.from(new Uint8Array(64).fill(3)).toString('base64')}`;
  const withSignatures = (entries: string[], timestamp = RECEIVED_SECONDS) => {
    const request = signedStandardWebhooksRequest({
      signingKey: sender.signingKey,
      id: 'msg_1',
      body,
      timestamp,
    });
    return { ...request, headers: { ...request.headers, 'webhook-signature': entries.join(' ') } };
  };
  const validV1a = signedStandardWebhooksRequest({
    signingKey: sender.signingKey,
    id: 'msg_1',
    body,
    timestamp: RECEIVED_SECONDS,
  }).headers['webhook-signature'] as string;

  /** Mean time of `runs` calls, in ms. */
  async function timeOf(runs: number, fn: () => Promise<unknown>): Promise<number> {
    const started = performance.now();
    for (let i = 0; i < runs; i++) await fn().catch(() => undefined);
    return (performance.now() - started) / runs;
  }

  it('more than 10 entries: SIGNATURE_MALFORMED before any is decoded or verified', async () => {
    const entries = Array.from({ length: 165 }, () => junkV1a);
    expect(entries.join(' ').length).toBeGreaterThan(15_000);
    const error = await expectHooklatchError(parseAt(v1aAdapter, withSignatures(entries)), {
      code: 'SIGNATURE_MALFORMED',
      httpStatus: 400,
    });
    expect(error.details).toEqual({ header: 'webhook-signature', maxSignatures: 10 });
    // Eleven entries are refused even when one of them is valid.
    await expectHooklatchError(
      parseAt(v1aAdapter, withSignatures([...Array(10).fill(junkV1a), validV1a])),
      { code: 'SIGNATURE_MALFORMED' },
    );
    await expect(
      parseAt(v1aAdapter, withSignatures([...Array(9).fill(junkV1a), validV1a])),
    ).resolves.toBeDefined();
  });

  it('a forged 10-entry header costs at most ~10 normal verifications', async () => {
    const normal = () => parseAt(v1aAdapter, withSignatures([validV1a]));
    const forged = () => parseAt(v1aAdapter, withSignatures(Array(10).fill(junkV1a)));
    await expectHooklatchError(forged(), { code: 'SIGNATURE_INVALID' });
    await timeOf(5, normal); // warm up
    const one = await timeOf(20, normal);
    const rejection = await timeOf(10, forged);
    expect(rejection).toBeLessThan(one * 20 + 5);
  });

  it('the timestamp is judged first: a stale forgery never reaches ed25519', async () => {
    const stale = () =>
      parseAt(v1aAdapter, withSignatures(Array(10).fill(junkV1a), RECEIVED_SECONDS - 3600));
    await expectHooklatchError(stale(), { code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    const forged = await timeOf(10, () =>
      parseAt(v1aAdapter, withSignatures(Array(10).fill(junkV1a))),
    );
    const rejected = await timeOf(10, stale);
    expect(rejected).toBeLessThan(forged);
  });
});

describe('standard-webhooks: times outside the Date range (issue 10 item 15)', () => {
  it('a webhook-timestamp no Date can hold is PAYLOAD_INVALID even with the check disabled', async () => {
    const lenient = standardWebhooks({ secret: SECRET, toleranceSeconds: 0 });
    const error = await expectHooklatchError(
      parseAt(lenient, signed(PAYLOAD, { timestamp: 999_999_999_999_999 })),
      { code: 'PAYLOAD_INVALID', secrets },
    );
    expect(error.message).toContain('webhook-timestamp');
  });

  it('a body timestamp with an expanded year beyond the range is PAYLOAD_INVALID', async () => {
    const error = await expectHooklatchError(
      parseAt(adapter, signed({ ...PAYLOAD, timestamp: '+275761-01-01T00:00:00.000Z' })),
      { code: 'PAYLOAD_INVALID' },
    );
    expect(error.message).toContain('timestamp');
    const edge = await parseAt(
      adapter,
      signed({ ...PAYLOAD, timestamp: '+275760-09-13T00:00:00.000Z' }),
    );
    expect(edge.occurredAt.getTime()).toBe(8.64e15);
  });
});

describe('standard-webhooks: every option is checked at construction', () => {
  it.each([
    ['name', { name: '' }],
    ['toleranceSeconds', { toleranceSeconds: Number.NaN }],
    ['retentionMs', { retentionMs: 0 }],
    ['fallbackType', { fallbackType: 3 }],
    ['events', { events: { 'a.b': 'not a schema' } }],
    ['maxDepth', { maxDepth: 0 }],
    ['publicKeys', { publicKeys: sender.publicKey }],
    ['publicKey', { publicKey: 12 }],
    ['secrets', { secrets: 5 }],
    ['secret', { secret: {} }],
    ['verify', { verify: true }],
  ])('%s: %o', async (option, bad) => {
    const error = await expectHooklatchError(
      () => standardWebhooks({ secret: SECRET, ...(bad as object) }),
      {
        code: 'CONFIG_INVALID',
        secrets,
      },
    );
    expect(error.details.option).toBe(option);
  });
});
