import { isHooklatchError } from '@hooklatch/core';
import { signedStandardWebhooksRequest, standardWebhooksKeyPair } from '@hooklatch/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardWebhooks } from '../src/index';
import { PAYLOAD, parseAt, RECEIVED_SECONDS, SECRET } from './support/fixtures';

const body = new TextEncoder().encode(JSON.stringify(PAYLOAD));
const pair = standardWebhooksKeyPair(new Uint8Array(32).fill(7));

async function rejectsChange(
  adapter: ReturnType<typeof standardWebhooks>,
  signed: ReturnType<typeof signedStandardWebhooksRequest>,
  index: number,
  delta: number,
): Promise<void> {
  const changed = new Uint8Array(body);
  changed[index] = ((changed[index] as number) + delta) % 256;
  const error = await parseAt(adapter, { ...signed, body: changed }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isHooklatchError(error) && error.code).toBe('SIGNATURE_INVALID');
}

describe('any single-byte change to a signed body fails verification', () => {
  const index = fc.integer({ min: 0, max: body.length - 1 });
  const delta = fc.integer({ min: 1, max: 255 });

  it('v1 (HMAC)', async () => {
    const adapter = standardWebhooks({ secret: SECRET });
    const signed = signedStandardWebhooksRequest({
      secret: SECRET,
      body,
      timestamp: RECEIVED_SECONDS,
    });
    await expect(parseAt(adapter, signed)).resolves.toBeDefined();
    await fc.assert(fc.asyncProperty(index, delta, (i, d) => rejectsChange(adapter, signed, i, d)));
  });

  it('v1a (ed25519)', async () => {
    const adapter = standardWebhooks({ publicKey: pair.publicKey });
    const signed = signedStandardWebhooksRequest({
      signingKey: pair.signingKey,
      body,
      timestamp: RECEIVED_SECONDS,
    });
    await expect(parseAt(adapter, signed)).resolves.toBeDefined();
    await fc.assert(
      fc.asyncProperty(index, delta, (i, d) => rejectsChange(adapter, signed, i, d)),
      {
        numRuns: 50,
      },
    );
  });
});
