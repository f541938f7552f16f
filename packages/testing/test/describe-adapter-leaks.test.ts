/**
 * The adapter checks catch what a signature scheme of one's own gets wrong around the clock and
 * in its errors: a tolerance judged against the clock instead of `receivedAt`, or read in
 * minutes; the expected signature, or the key as a verifier decodes it, in a message; a plain
 * TypeError for one signed header left out. Each broken adapter fails the checks that should
 * catch it, and only those; the correct one passes them all.
 */
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { type RawDelivery, VerificationError } from '@hooklatch/core';
import {
  createAdapter,
  parseJsonBody,
  type SignRequest,
  signatureInvalid,
  signedVerifier,
  timestampedHmacVerifier,
  timingSafeEqual,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import type { DescribeAdapterOptions } from '../src/index';
import { ACME_SUITE } from './support/acme-adapter';
import { failingChecks as failing } from './support/failing-checks';

/** A `whsec_` secret whose key bytes a verifier decodes from base64. */
const SECRET = 'whsec_c3VpdGUtY2hlY2tzLWtleS1ieXRlcy0xMjM0NTY=';
const KEY = Buffer.from(SECRET.slice('whsec_'.length), 'base64');
const TOLERANCE = 300;

/** How a broken stamped adapter goes wrong. */
interface Mistakes {
  /** Judge the timestamp against Date.now(), not the delivery's receivedAt. */
  clock?: boolean;
  /** The tolerance, in seconds, the verifier actually applies. */
  toleranceSeconds?: number;
  /** Put this (the expected signature, a form of the key) into the SIGNATURE_INVALID message. */
  says?: (expected: string) => string;
  /** Read the timestamp header without checking it is there. */
  unguarded?: boolean;
}

const mac = (t: string, body: Uint8Array | string) =>
  createHmac('sha256', KEY).update(`${t}.`).update(body).digest('hex');

/** `x-stamp-signature` (hex HMAC of `<t>.<body>` under the key bytes) and `x-stamp-time`. */
function stamped(mistakes: Mistakes = {}) {
  const tolerance = mistakes.toleranceSeconds ?? TOLERANCE;
  const verify = (delivery: RawDelivery) => {
    const signature = delivery.headers['x-stamp-signature'];
    if (signature === undefined) {
      throw new VerificationError('SIGNATURE_MISSING', 'stamp: no x-stamp-signature header.');
    }
    const t = mistakes.unguarded
      ? (delivery.headers['x-stamp-time'] as string).trim()
      : delivery.headers['x-stamp-time'];
    if (t === undefined) {
      throw new VerificationError('SIGNATURE_MISSING', 'stamp: no x-stamp-time header.');
    }
    const now = mistakes.clock ? Date.now() : delivery.receivedAt.getTime();
    if (!/^\d{1,12}$/.test(t) || Math.abs(now / 1000 - Number(t)) > tolerance) {
      throw new VerificationError(
        'TIMESTAMP_OUT_OF_TOLERANCE',
        'stamp: the signing time is outside the tolerance.',
      );
    }
    const expected = mac(t, delivery.rawBody);
    if (!timingSafeEqual(expected, signature)) {
      if (mistakes.says === undefined) throw signatureInvalid('stamp', 'x-stamp-signature');
      throw new VerificationError('SIGNATURE_INVALID', `stamp: ${mistakes.says(expected)}`);
    }
    return { keyIndex: 0 };
  };
  const sign = (request: SignRequest) => {
    const { body, timestamp, keyIndex, secret } = request;
    // One key: there is no second one to sign with.
    if (keyIndex > 0 && secret === undefined) throw new RangeError('stamp: one key only');
    const t = String(Math.floor(timestamp.getTime() / 1000));
    const key = secret === undefined ? KEY : Buffer.from(String(secret).slice(6), 'base64');
    return {
      'x-stamp-time': t,
      'x-stamp-signature': createHmac('sha256', key).update(`${t}.`).update(body).digest('hex'),
    };
  };
  return createAdapter({
    name: 'stamp',
    retentionMs: 60_000,
    verify: signedVerifier(verify, sign),
    parse: (delivery) => {
      const data = parseJsonBody(delivery.rawBody) as { id: string; type: string };
      return { type: data.type, id: data.id, idSource: 'event', payload: data };
    },
  });
}

const suite = (mistakes: Mistakes = {}, extra: Partial<DescribeAdapterOptions> = {}) => ({
  ...ACME_SUITE,
  name: 'stamp',
  adapter: () => stamped(mistakes),
  secrets: [SECRET],
  ...extra,
});

const TIMESTAMP_CHECK = 'timestamps outside the tolerance, or rewritten, are rejected';

describe('the adapter checks catch clock and error mistakes', () => {
  it('a correct stamped adapter passes every check, with its tolerance given', async () => {
    expect(await failing(suite({}, { toleranceSeconds: TOLERANCE }))).toEqual([]);
  });

  it('a tolerance judged against the clock, not receivedAt, fails the timestamp check only', async () => {
    expect(await failing(suite({ clock: true }))).toEqual([TIMESTAMP_CHECK]);
  });

  it('a tolerance read in minutes fails the timestamp check once the suite knows the tolerance', async () => {
    const minutes = { toleranceSeconds: TOLERANCE * 60 };
    // Two days off is refused even so: without the tolerance, the suite cannot tell.
    expect(await failing(suite(minutes))).toEqual([]);
    expect(await failing(suite(minutes, { toleranceSeconds: TOLERANCE }))).toEqual([
      TIMESTAMP_CHECK,
    ]);
    // A tolerance that is too tight is caught the same way.
    expect(await failing(suite({ toleranceSeconds: 60 }, { toleranceSeconds: TOLERANCE }))).toEqual(
      [TIMESTAMP_CHECK],
    );
  });

  it('the expected signature in a message fails every check that forges or tampers', async () => {
    for (const says of [
      (expected: string) => `signature mismatch, expected ${expected}`,
      (expected: string) => `expected a signature starting ${expected.slice(0, 16)}`,
    ]) {
      expect(await failing(suite({ says }))).toEqual([
        'a tampered body is rejected',
        'a re-serialized body is rejected',
        'one changed byte is rejected',
        'wrong credentials are rejected',
        'a truncated, emptied or altered credential is rejected',
      ]);
    }
  });

  it('the key as the verifier decodes it, in a message, fails as a secret would', async () => {
    for (const form of [
      KEY.toString('hex'),
      SECRET.slice('whsec_'.length),
      KEY.toString('base64url'),
    ]) {
      const failed = await failing(suite({ says: () => `bad signature for key ${form}` }));
      expect(failed).toContain('wrong credentials are rejected');
      expect(failed).toContain('a tampered body is rejected');
    }
  });

  it('a plain TypeError for one signed header left out fails the credential check', async () => {
    expect(await failing(suite({ unguarded: true }))).toEqual([
      'a truncated, emptied or altered credential is rejected',
    ]);
  });
});

describe('what the new checks do not take for a leak', () => {
  it('a delivery ID header sign() adds, named in errors, and a meta.tenant of its own', async () => {
    // The ID changes with the body, never with the secret: not a signature.
    const id = (body: Uint8Array) =>
      `dlv_${createHmac('sha256', 'ids').update(body).digest('hex').slice(0, 24)}`;
    const verify = (delivery: RawDelivery) => {
      const signature = delivery.headers['x-ided-signature'];
      if (signature === undefined) throw new VerificationError('SIGNATURE_MISSING', 'ided: none.');
      if (!timingSafeEqual(mac('0', delivery.rawBody), signature)) {
        const named = delivery.headers['x-ided-delivery'] ?? 'none';
        throw new VerificationError('SIGNATURE_INVALID', `ided: bad signature on ${named}.`);
      }
      return { keyIndex: 0 };
    };
    const sign = (request: SignRequest) => {
      if (request.keyIndex > 0 && request.secret === undefined) throw new RangeError('one key');
      const key =
        request.secret === undefined ? KEY : Buffer.from(String(request.secret).slice(6), 'base64');
      const signature = createHmac('sha256', key).update('0.').update(request.body).digest('hex');
      return { 'x-ided-signature': signature, 'x-ided-delivery': id(request.body) };
    };
    const adapter = () =>
      createAdapter({
        name: 'ided',
        retentionMs: 60_000,
        verify: signedVerifier(verify, sign),
        parse: (delivery) => {
          const data = parseJsonBody(delivery.rawBody) as { id: string; type: string };
          // Its own data, not a resolver's tenant: the key stays `ided:<id>`.
          return {
            type: data.type,
            id: data.id,
            idSource: 'event',
            payload: data,
            meta: { tenant: 'Acme Corp' },
          };
        },
      });
    expect(await failing({ ...ACME_SUITE, name: 'ided', adapter, secrets: [SECRET] })).toEqual([]);
  });
});

// Keep the kit's own timestamped verifier honest under the same checks.
describe('timestampedHmacVerifier under the new checks', () => {
  it('passes with its tolerance given', async () => {
    const adapter = () =>
      createAdapter({
        name: 'kit-stamped',
        retentionMs: 60_000,
        verify: timestampedHmacVerifier({
          provider: 'kit-stamped',
          header: 'x-kit-signature',
          secret: 'kit-stamped-secret',
          toleranceSeconds: TOLERANCE,
        }),
        parse: (delivery) => {
          const data = parseJsonBody(delivery.rawBody) as { id: string; type: string };
          return { type: data.type, id: data.id, idSource: 'event', payload: data };
        },
      });
    const options = {
      ...ACME_SUITE,
      name: 'kit-stamped',
      adapter,
      secrets: ['kit-stamped-secret'],
    };
    expect(await failing({ ...options, toleranceSeconds: TOLERANCE })).toEqual([]);
  });
});
