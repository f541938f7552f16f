import { type RawDelivery, utf8 } from '@hooklatch/core';
import { signedGithubRequest } from '@hooklatch/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { verifyGithubSignature } from '../src/index';
import { exampleOf } from './support/examples';

const secret = 'property-secret';
const signed = signedGithubRequest({
  secret,
  event: 'pull_request',
  payload: exampleOf('pull_request.opened').payload,
});
const bytes = utf8(signed.body);

function delivery(rawBody: Uint8Array): RawDelivery {
  return { method: 'POST', headers: signed.headers, rawBody, receivedAt: new Date() };
}

describe('signature property', () => {
  it('the untouched body verifies', () => {
    expect(verifyGithubSignature(delivery(bytes), [secret])).toBe(0);
  });

  it('any single-byte change to a signed body fails verification', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (index, delta) => {
          const tampered = bytes.slice();
          tampered[index] = ((tampered[index] ?? 0) + delta) % 256;
          expect(() => verifyGithubSignature(delivery(tampered), [secret])).toThrow(
            expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
