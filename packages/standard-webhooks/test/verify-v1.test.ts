import { parseEvent, VerificationError } from '@hooklatch/core';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { standardWebhooks } from '../src/index';
import {
  expectFailure,
  OTHER_SECRET,
  PAYLOAD,
  parseAt,
  RECEIVED_AT,
  RECEIVED_SECONDS,
  SECRET,
} from './support/fixtures';

/** A delivery signed by the reference `standardwebhooks` package. */
function referenceSigned(secret: string, body: string, id = 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W') {
  const signature = new Webhook(secret).sign(id, RECEIVED_AT, body);
  return {
    headers: {
      'webhook-id': id,
      'webhook-timestamp': String(RECEIVED_SECONDS),
      'webhook-signature': signature,
    },
    body,
  };
}

describe('v1 (HMAC-SHA256) signatures', () => {
  const body = JSON.stringify(PAYLOAD);

  it('verifies a delivery signed by the standardwebhooks npm package', async () => {
    const event = await parseAt(
      standardWebhooks({ secret: SECRET }),
      referenceSigned(SECRET, body),
    );
    expect(event).toMatchObject({
      provider: 'standard-webhooks',
      type: 'invoice.paid',
      id: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      idSource: 'event',
      dedupeKey: 'standard-webhooks:msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      payload: PAYLOAD,
      receivedAt: RECEIVED_AT,
      occurredAt: new Date(PAYLOAD.timestamp),
      meta: {
        headerFamily: 'webhook',
        signatureVersion: 'v1',
        keyIndex: 0,
        signedAt: new Date(RECEIVED_SECONDS * 1000),
      },
    });
  });

  it('rejects a reference-signed delivery under a different secret', async () => {
    await expectFailure(
      parseAt(standardWebhooks({ secret: SECRET }), referenceSigned(OTHER_SECRET, body)),
      { class: VerificationError, code: 'SIGNATURE_INVALID', httpStatus: 401 },
      [SECRET, OTHER_SECRET],
    );
  });

  it('produces signatures the reference package accepts (builder cross-check)', () => {
    const request = signedStandardWebhooksRequest({ secret: SECRET, body, id: 'msg_x' });
    expect(new Webhook(SECRET).verify(body, request.headers)).toEqual(PAYLOAD);
  });

  it('accepts the svix-* header aliases', async () => {
    const request = signedStandardWebhooksRequest({
      secret: SECRET,
      body,
      id: 'msg_svix',
      timestamp: RECEIVED_SECONDS,
      headerFamily: 'svix',
    });
    expect(Object.keys(request.headers)).toContain('svix-signature');
    const event = await parseAt(standardWebhooks({ secret: SECRET }), request);
    expect(event.id).toBe('msg_svix');
    expect(event.meta).toMatchObject({ headerFamily: 'svix' });
  });

  it('accepts a secret given as raw bytes', async () => {
    const raw = new TextEncoder().encode('a raw 32-byte secret, not base64');
    const request = signedStandardWebhooksRequest({
      secret: raw,
      body,
      timestamp: RECEIVED_SECONDS,
    });
    const event = await parseAt(standardWebhooks({ secret: raw }), request);
    expect(event.type).toBe('invoice.paid');
    await expectFailure(parseAt(standardWebhooks({ secret: SECRET }), request), {
      class: VerificationError,
      code: 'SIGNATURE_INVALID',
      httpStatus: 401,
    });
  });

  it('accepts a secret without the whsec_ prefix, as the reference library does', async () => {
    const request = referenceSigned(SECRET, body);
    const event = await parseAt(standardWebhooks({ secret: SECRET.slice(6) }), request);
    expect(event.meta).toMatchObject({ signatureVersion: 'v1', keyIndex: 0 });
  });

  describe('rotation', () => {
    it('verifies with any configured secret and reports which one matched', async () => {
      const adapter = standardWebhooks({ secrets: [OTHER_SECRET, SECRET] });
      const event = await parseAt(adapter, referenceSigned(SECRET, body));
      expect(event.meta).toMatchObject({ signatureVersion: 'v1', keyIndex: 1 });
      const newer = await parseAt(adapter, referenceSigned(OTHER_SECRET, body));
      expect(newer.meta).toMatchObject({ keyIndex: 0 });
    });

    it('verifies a sender that signs with old and new secret in one header', async () => {
      const request = signedStandardWebhooksRequest({
        secrets: [OTHER_SECRET, SECRET],
        body,
        timestamp: RECEIVED_SECONDS,
      });
      expect(request.headers['webhook-signature']?.split(' ')).toHaveLength(2);
      const onlyOld = await parseAt(standardWebhooks({ secret: SECRET }), request);
      expect(onlyOld.meta).toMatchObject({ keyIndex: 0 });
    });

    it('accepts the signatures sent as repeated headers (joined with ", ")', async () => {
      const request = signedStandardWebhooksRequest({
        secrets: [OTHER_SECRET, SECRET],
        body,
        timestamp: RECEIVED_SECONDS,
      });
      const [older, newer] = (request.headers['webhook-signature'] ?? '').split(' ');
      const headers = Object.entries(request.headers).filter(([n]) => n !== 'webhook-signature');
      const repeated = {
        headers: [...headers, ['webhook-signature', older], ['webhook-signature', newer]] as Array<
          [string, string]
        >,
        body,
      };
      const event = await parseAt(standardWebhooks({ secret: SECRET }), repeated);
      expect(event.meta).toMatchObject({ signatureVersion: 'v1', keyIndex: 0 });
    });

    it('skips signature versions it does not know', async () => {
      const request = referenceSigned(SECRET, body);
      request.headers['webhook-signature'] =
        `v2,${'A'.repeat(44)} ${request.headers['webhook-signature']}`;
      const event = await parseAt(standardWebhooks({ secret: SECRET }), request);
      expect(event.meta).toMatchObject({ signatureVersion: 'v1' });
    });
  });

  describe('timestamp tolerance', () => {
    const at = (offsetSeconds: number) =>
      signedStandardWebhooksRequest({
        secret: SECRET,
        body,
        timestamp: RECEIVED_SECONDS + offsetSeconds,
      });

    it('accepts 300 s either way by default and refuses 301 s either way', async () => {
      const adapter = standardWebhooks({ secret: SECRET });
      await expect(parseAt(adapter, at(-300))).resolves.toMatchObject({ type: 'invoice.paid' });
      await expect(parseAt(adapter, at(300))).resolves.toMatchObject({ type: 'invoice.paid' });
      for (const offset of [-301, 301]) {
        await expectFailure(parseAt(adapter, at(offset)), {
          class: VerificationError,
          code: 'TIMESTAMP_OUT_OF_TOLERANCE',
          httpStatus: 401,
        });
      }
    });

    it('honours a configured tolerance', async () => {
      const adapter = standardWebhooks({ secret: SECRET, toleranceSeconds: 30 });
      await expect(parseAt(adapter, at(-30))).resolves.toBeDefined();
      await expectFailure(parseAt(adapter, at(-31)), {
        class: VerificationError,
        code: 'TIMESTAMP_OUT_OF_TOLERANCE',
        httpStatus: 401,
      });
    });

    it('judges the timestamp against receivedAt, not the clock (queued processing)', async () => {
      // Signed in 2025; only valid because receivedAt says it arrived then.
      const request = at(-10);
      const adapter = standardWebhooks({ secret: SECRET });
      await expect(parseAt(adapter, request)).resolves.toBeDefined();
      await expectFailure(parseEvent(adapter, at(-10)), {
        class: VerificationError,
        code: 'TIMESTAMP_OUT_OF_TOLERANCE',
        httpStatus: 401,
      });
    });
  });
});
