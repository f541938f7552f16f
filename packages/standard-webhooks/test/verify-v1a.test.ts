import { VerificationError } from '@hooklatch/core';
import {
  signedStandardWebhooksRequest,
  standardWebhooksKeyPair,
} from '@hooklatch/standard-webhooks/testing';
import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { standardWebhooks } from '../src/ed25519';
import { expectFailure, PAYLOAD, parseAt, RECEIVED_SECONDS, SECRET } from './support/fixtures';

const body = JSON.stringify(PAYLOAD);
const seed = (n: number) => new Uint8Array(32).fill(n);
const sender = standardWebhooksKeyPair(seed(1));
const other = standardWebhooksKeyPair(seed(2));

function v1aRequest(signingKey: string | readonly string[], options: { body?: string } = {}) {
  return signedStandardWebhooksRequest({
    signingKeys: typeof signingKey === 'string' ? [signingKey] : signingKey,
    body: options.body ?? body,
    id: 'msg_v1a',
    timestamp: RECEIVED_SECONDS,
  });
}

describe('v1a (ed25519) signatures', () => {
  it('serializes key pairs as whsk_/whpk_ base64, matching @noble/curves', () => {
    expect(sender.signingKey.startsWith('whsk_')).toBe(true);
    expect(sender.publicKey.startsWith('whpk_')).toBe(true);
    const publicKey = Buffer.from(sender.publicKey.slice(5), 'base64');
    expect(new Uint8Array(publicKey)).toEqual(ed25519.getPublicKey(seed(1)));
  });

  it('verifies a delivery signed with the matching key', async () => {
    const event = await parseAt(
      standardWebhooks({ publicKey: sender.publicKey }),
      v1aRequest(sender.signingKey),
    );
    expect(event).toMatchObject({ id: 'msg_v1a', type: 'invoice.paid', payload: PAYLOAD });
    expect(event.meta).toMatchObject({ signatureVersion: 'v1a', keyIndex: 0 });
  });

  it('verifies a signature made directly with @noble/curves over id.timestamp.body', async () => {
    const { secretKey, publicKey } = ed25519.keygen();
    const content = new TextEncoder().encode(`msg_raw.${RECEIVED_SECONDS}.${body}`);
    const signature = Buffer.from(ed25519.sign(content, secretKey)).toString('base64');
    const request = {
      headers: {
        'webhook-id': 'msg_raw',
        'webhook-timestamp': String(RECEIVED_SECONDS),
        'webhook-signature': `v1a,${signature}`,
      },
      body,
    };
    const event = await parseAt(standardWebhooks({ publicKey }), request);
    expect(event.meta).toMatchObject({ signatureVersion: 'v1a' });
  });

  it('accepts a 32-byte seed as whsk_ signing key in the builder', async () => {
    const seedKey = `whsk_${Buffer.from(seed(1)).toString('base64')}`;
    const event = await parseAt(
      standardWebhooks({ publicKey: sender.publicKey }),
      v1aRequest(seedKey),
    );
    expect(event.id).toBe('msg_v1a');
  });

  it('rejects a signature by another key', async () => {
    await expectFailure(
      parseAt(standardWebhooks({ publicKey: sender.publicKey }), v1aRequest(other.signingKey)),
      { class: VerificationError, code: 'SIGNATURE_INVALID', httpStatus: 401 },
      [other.signingKey, other.signingKey.slice(5)],
    );
  });

  it('rejects a tampered body', async () => {
    const request = v1aRequest(sender.signingKey);
    request.body = body.replace('4200', '4201');
    await expectFailure(parseAt(standardWebhooks({ publicKey: sender.publicKey }), request), {
      class: VerificationError,
      code: 'SIGNATURE_INVALID',
      httpStatus: 401,
    });
  });

  it('rotates public keys and reports which one matched', async () => {
    const adapter = standardWebhooks({ publicKeys: [other.publicKey, sender.publicKey] });
    const event = await parseAt(adapter, v1aRequest(sender.signingKey));
    expect(event.meta).toMatchObject({ signatureVersion: 'v1a', keyIndex: 1 });
  });

  it('verifies mixed v1 + v1a headers with whichever key kind is configured', async () => {
    const request = signedStandardWebhooksRequest({
      secret: SECRET,
      signingKey: sender.signingKey,
      body,
      timestamp: RECEIVED_SECONDS,
    });
    const hmacOnly = await parseAt(standardWebhooks({ secret: SECRET }), request);
    expect(hmacOnly.meta).toMatchObject({ signatureVersion: 'v1' });
    const edOnly = await parseAt(standardWebhooks({ publicKey: sender.publicKey }), request);
    expect(edOnly.meta).toMatchObject({ signatureVersion: 'v1a' });
  });

  it('says SIGNATURE_MISSING when only v1 is sent but only a public key is configured', async () => {
    const request = signedStandardWebhooksRequest({
      secret: SECRET,
      body,
      timestamp: RECEIVED_SECONDS,
    });
    const error = await expectFailure(
      parseAt(standardWebhooks({ publicKey: sender.publicKey }), request),
      { class: VerificationError, code: 'SIGNATURE_MISSING', httpStatus: 401 },
    );
    expect(error.message).toContain('no v1a signature');
  });

  it('accepts a public key given as 32 raw bytes', async () => {
    const raw = ed25519.getPublicKey(seed(1));
    const event = await parseAt(
      standardWebhooks({ publicKey: raw }),
      v1aRequest(sender.signingKey),
    );
    expect(event.meta).toMatchObject({ signatureVersion: 'v1a' });
  });
});
