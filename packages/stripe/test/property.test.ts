import { parseEvent, utf8 } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/testing';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const secret = 'whsec_property';
const adapter = stripe({ secret, toleranceSeconds: 0 });
const signed = signedStripeRequest({
  secret,
  payload: eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT),
});
const bytes = utf8(signed.body);

describe('stripe() signature property', () => {
  it('the untouched body verifies', async () => {
    await expect(
      parseEvent(adapter, { headers: signed.headers, body: bytes }),
    ).resolves.toBeDefined();
  });

  it('any single-byte change to a signed body fails verification', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, delta) => {
          const tampered = bytes.slice();
          tampered[index] = ((tampered[index] ?? 0) + delta) % 256;
          const error = await parseEvent(adapter, { headers: signed.headers, body: tampered }).then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(error).toMatchObject({ code: 'SIGNATURE_INVALID', httpStatus: 401 });
        },
      ),
      { numRuns: 300 },
    );
  });
});
