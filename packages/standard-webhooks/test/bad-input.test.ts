import { PayloadError, VerificationError } from '@hooklatch/core';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { standardWebhooks } from '../src/ed25519';
import {
  expectFailure,
  OTHER_SECRET,
  PAYLOAD,
  parseAt,
  RECEIVED_SECONDS,
  SECRET,
} from './support/fixtures';

const adapter = standardWebhooks({ secret: SECRET });
const prettyBody = JSON.stringify(PAYLOAD, null, 2);

function signed(body: string, secret: string = SECRET) {
  return signedStandardWebhooksRequest({
    secret,
    body,
    id: 'msg_bad',
    timestamp: RECEIVED_SECONDS,
  });
}

function without(header: string) {
  const request = signed(prettyBody);
  delete request.headers[header];
  return request;
}

function withSignature(value: string) {
  const request = signed(prettyBody);
  request.headers['webhook-signature'] = value;
  return request;
}

const invalid = { class: VerificationError, code: 'SIGNATURE_INVALID', httpStatus: 401 };
const malformed = { class: VerificationError, code: 'SIGNATURE_MALFORMED', httpStatus: 400 };

describe('bad input', () => {
  it('missing webhook-signature is SIGNATURE_MISSING (401)', async () => {
    const error = await expectFailure(parseAt(adapter, without('webhook-signature')), {
      class: VerificationError,
      code: 'SIGNATURE_MISSING',
      httpStatus: 401,
    });
    expect(error.details).toEqual({ header: 'webhook-signature' });
  });

  it('no Standard Webhooks headers at all is SIGNATURE_MISSING naming the spec header', async () => {
    const error = await expectFailure(parseAt(adapter, { headers: {}, body: prettyBody }), {
      class: VerificationError,
      code: 'SIGNATURE_MISSING',
      httpStatus: 401,
    });
    expect(error.message).toContain('webhook-signature');
  });

  for (const header of ['webhook-id', 'webhook-timestamp']) {
    it(`missing ${header} is HEADER_MISSING (400)`, async () => {
      const error = await expectFailure(parseAt(adapter, without(header)), {
        class: PayloadError,
        code: 'HEADER_MISSING',
        httpStatus: 400,
      });
      expect(error.details).toEqual({ header });
    });
  }

  it('a non-numeric webhook-timestamp is SIGNATURE_MALFORMED', async () => {
    const request = signed(prettyBody);
    request.headers['webhook-timestamp'] = '2025-01-22T11:23:15Z';
    await expectFailure(parseAt(adapter, request), malformed);
  });

  for (const [label, value] of [
    ['an entry without a version', 'K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4='],
    ['an empty value', 'v1,'],
    ['a v1 value that is not base64', 'v1,not*base64!'],
    ['a v1 value of the wrong length', 'v1,AAAA'],
    ['a v1a value of the wrong length', `v1a,${'A'.repeat(44)}`],
    ['blank content', '   '],
  ] as const) {
    it(`a signature header with ${label} is SIGNATURE_MALFORMED (400)`, async () => {
      const request = withSignature(value);
      // A header of only spaces counts as missing.
      const expected =
        value.trim() === ''
          ? { class: VerificationError, code: 'SIGNATURE_MISSING', httpStatus: 401 }
          : malformed;
      await expectFailure(parseAt(adapter, request), expected);
    });
  }

  it('a signature list with only unknown versions is SIGNATURE_MISSING', async () => {
    await expectFailure(parseAt(adapter, withSignature(`v9,${'A'.repeat(44)}`)), {
      class: VerificationError,
      code: 'SIGNATURE_MISSING',
      httpStatus: 401,
    });
  });

  it('names unknown versions, but echoes no other text of the header', async () => {
    const header = `sk_live_4eC39Hq,${'A'.repeat(44)} v2,${'B'.repeat(44)} pw=hunter2,CCCC v2,DDDD`;
    const error = await expectFailure(
      parseAt(adapter, withSignature(header)),
      {
        class: VerificationError,
        code: 'SIGNATURE_MISSING',
        httpStatus: 401,
      },
      ['sk_live', '4eC39Hq', 'hunter2', 'AAAA', 'BBBB', 'CCCC', 'DDDD'],
    );
    expect(error.message).toContain('(it has: other, v2)');
    expect(error.details).toMatchObject({ found: ['other', 'v2'] });
  });

  it('a wrong secret is SIGNATURE_INVALID, and no signature value is echoed', async () => {
    const request = signed(prettyBody, OTHER_SECRET);
    const error = await expectFailure(parseAt(adapter, request), invalid, [
      SECRET,
      OTHER_SECRET,
      request.headers['webhook-signature']?.slice(3) ?? 'unreachable',
    ]);
    expect(error.details).toEqual({ header: 'webhook-signature' });
  });

  it('a tampered webhook-id is SIGNATURE_INVALID (the ID is signed)', async () => {
    const request = signed(prettyBody);
    request.headers['webhook-id'] = 'msg_other';
    await expectFailure(parseAt(adapter, request), invalid);
  });

  it('stale and future timestamps are TIMESTAMP_OUT_OF_TOLERANCE', async () => {
    for (const offset of [-3600, 3600]) {
      const request = signedStandardWebhooksRequest({
        secret: SECRET,
        body: prettyBody,
        timestamp: RECEIVED_SECONDS + offset,
      });
      const error = await expectFailure(parseAt(adapter, request), {
        class: VerificationError,
        code: 'TIMESTAMP_OUT_OF_TOLERANCE',
        httpStatus: 401,
      });
      expect(error.message).toContain(offset < 0 ? 'old' : 'in the future');
    }
  });

  it('a signed empty body is BODY_EMPTY (400)', async () => {
    await expectFailure(parseAt(adapter, signed('')), {
      class: PayloadError,
      code: 'BODY_EMPTY',
      httpStatus: 400,
    });
  });

  it('a JSON body that is not an object, or a non-string type, is PAYLOAD_INVALID (422)', async () => {
    for (const body of ['[1,2,3]', '"text"', '{"type":42}']) {
      await expectFailure(parseAt(adapter, signed(body)), {
        class: PayloadError,
        code: 'PAYLOAD_INVALID',
        httpStatus: 422,
      });
    }
  });

  it('a mapped type whose body fails its schema is PAYLOAD_SCHEMA_MISMATCH naming the path only', async () => {
    const typed = standardWebhooks({
      secret: SECRET,
      events: { 'invoice.paid': z.object({ data: z.object({ amount: z.string() }) }) },
    });
    const error = await expectFailure(parseAt(typed, signed(prettyBody)), {
      class: PayloadError,
      code: 'PAYLOAD_SCHEMA_MISMATCH',
      httpStatus: 500,
    });
    expect(error.message).toContain('data.amount');
    expect(error.message).not.toContain('4200');
  });
});
