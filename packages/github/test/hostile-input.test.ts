/**
 * Issue 10 items 4, 7 and 9 through the real adapter: deep form-encoded bodies, the body
 * digest of a redelivery and of a replay under a fresh GUID, and option checks. GitHub payloads
 * carry no timestamp the adapter reads (`occurredAt` is the arrival time), so item 15 has no
 * GitHub input to reject.
 */
import { createHash } from 'node:crypto';
import { parseEvent } from '@hooklatch/core';
import { digestsDiffer, payloadDigest } from '@hooklatch/core/kit';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { expectHooklatchError, withNestedMember } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { GITHUB_DIGEST_EXCLUDE, github } from '../src/index';
import { exampleOf } from './support/examples';

const secret = 'github-hostile-input-secret';
const adapter = github({ secret });
const push = exampleOf('push').payload as Record<string, unknown>;
const request = (
  payload: unknown,
  extra: Partial<Parameters<typeof signedGithubRequest>[0]> = {},
) => signedGithubRequest({ secret, event: 'push', payload, ...extra });

// Deep JSON bodies are the conformance suite's ('deeply nested JSON is refused'); the form
// encoding GitHub also offers is this adapter's own.
describe('github: maxDepth', () => {
  it.each([10_000, 100_000])('%i levels in a form body: PAYLOAD_TOO_DEEP', async (levels) => {
    const body = withNestedMember(JSON.stringify(push), levels);
    const error = await expectHooklatchError(
      parseEvent(adapter, request(body, { format: 'form' })),
      { code: 'PAYLOAD_TOO_DEEP', httpStatus: 400, secrets: [secret] },
    );
    expect(error.details).toEqual({ maxDepth: 128 });
  });

  it('the maxDepth option lowers the limit', async () => {
    await expectHooklatchError(parseEvent(github({ secret, maxDepth: 2 }), request(push)), {
      code: 'PAYLOAD_TOO_DEEP',
    });
  });
});

describe('github: event.digest', () => {
  it('a redelivery (same GUID, same body) keeps the digest, the SHA-256 of the signed bytes', async () => {
    const first = await parseEvent(adapter, request(push, { deliveryId: 'guid-1' }));
    const again = await parseEvent(adapter, request(push, { deliveryId: 'guid-1' }));
    const bytes = createHash('sha256').update(JSON.stringify(push)).digest('hex');
    expect(first.digest).toBe(`sha256-body:${bytes}`);
    expect(again.digest).toBe(first.digest);
  });

  it('a form body digests its payload canonically: another scheme, never a mismatch', async () => {
    const json = await parseEvent(adapter, request(push, { deliveryId: 'guid-1' }));
    const form = await parseEvent(adapter, request(push, { deliveryId: 'guid-1', format: 'form' }));
    expect(form.digest).toBe(payloadDigest(push, GITHUB_DIGEST_EXCLUDE));
    expect(form.digest).not.toBe(json.digest);
    expect(digestsDiffer(json.digest, form.digest)).toBe(false);
  });

  it('a replay under a fresh GUID gets a new key but the same digest (what replayGuard uses)', async () => {
    const first = await parseEvent(adapter, request(push, { deliveryId: 'guid-1' }));
    const replay = await parseEvent(adapter, request(push, { deliveryId: 'guid-2' }));
    expect(replay.dedupeKey).not.toBe(first.dedupeKey);
    expect(first.digest).toMatch(/^sha256-body:[0-9a-f]{64}$/);
    expect(replay.digest).toBe(first.digest);
  });

  it('a changed body under the same GUID gives another digest', async () => {
    const first = await parseEvent(adapter, request(push, { deliveryId: 'guid-1' }));
    const changed = await parseEvent(
      adapter,
      request({ ...push, ref: 'refs/heads/other' }, { deliveryId: 'guid-1' }),
    );
    expect(changed.dedupeKey).toBe(first.dedupeKey);
    expect(changed.digest).not.toBe(first.digest);
  });
});

describe('github: every option is checked at construction', () => {
  it.each([
    ['retentionMs', { retentionMs: -1 }],
    ['validatePayloads', { validatePayloads: 1 }],
    ['schemaPolicy', { schemaPolicy: 'envelope-only' }],
    ['maxDepth', { maxDepth: Number.NaN }],
    ['secret', { secret: 42 }],
  ])('%s: %o', async (option, bad) => {
    const error = await expectHooklatchError(() => github({ secret, ...(bad as object) }), {
      code: 'CONFIG_INVALID',
      secrets: [secret],
    });
    expect(error.details.option).toBe(option);
  });
});
