/**
 * The two entries: the root one carries no ed25519 (the edge bundle budget) and refuses every
 * v1a key by name, pointing at `@hooklatch/standard-webhooks/ed25519`, which accepts them.
 */
import { parseEvent } from '@hooklatch/core';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { describe, expect, it } from 'vitest';
import * as withEd25519 from '../src/ed25519';
import { signStandardWebhook, standardWebhooks, verifyStandardWebhook } from '../src/index';
import { standardWebhooksKeyPair, standardWebhooksSecret } from '../src/testing';

const pair = standardWebhooksKeyPair(new Uint8Array(32).fill(7));
const message = { id: 'msg_entries', timestamp: new Date(), payload: '{"type":"a.b"}' };

function configError(run: () => unknown): { code: string; message: string; details: unknown } {
  try {
    run();
  } catch (error) {
    return error as { code: string; message: string; details: unknown };
  }
  throw new Error('expected a throw');
}

describe('the root entry without ed25519', () => {
  it('refuses a publicKey at startup, naming the option and the entry to import', () => {
    for (const options of [{ publicKey: pair.publicKey }, { publicKeys: [pair.publicKey] }]) {
      const error = configError(() => standardWebhooks(options));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.details).toEqual({ option: 'publicKey' });
      expect(error.message).toContain('@hooklatch/standard-webhooks/ed25519');
      expect(error.message).not.toContain(pair.publicKey.slice(5, 20));
    }
  });

  it('refuses to sign with a whsk_ key and to verify with a whpk_ key', () => {
    expect(configError(() => signStandardWebhook(pair.signingKey, message)).code).toBe(
      'CONFIG_INVALID',
    );
    const signature = withEd25519.signStandardWebhook(pair.signingKey, message);
    expect(configError(() => verifyStandardWebhook(pair.publicKey, message, signature)).code).toBe(
      'CONFIG_INVALID',
    );
    const adapter = standardWebhooks({ secret: standardWebhooksSecret() });
    expect(configError(() => adapter.sign?.('{}', { secret: pair.signingKey })).code).toBe(
      'CONFIG_INVALID',
    );
  });

  it('still verifies v1, and answers a v1a-only delivery as a missing v1 signature', async () => {
    const secret = standardWebhooksSecret();
    const v1 = signedStandardWebhooksRequest({ secret, payload: { type: 'a.b' } });
    const event = await parseEvent(standardWebhooks({ secret }), v1);
    expect(event.meta.signatureVersion).toBe('v1');
    const v1a = signedStandardWebhooksRequest({ signingKey: pair.signingKey });
    await expect(parseEvent(standardWebhooks({ secret }), v1a)).rejects.toMatchObject({
      code: 'SIGNATURE_MISSING',
    });
  });
});

describe('the ed25519 entry', () => {
  it('verifies v1a with the same options, and its pair signs and verifies', async () => {
    const adapter = withEd25519.standardWebhooks({ publicKey: pair.publicKey });
    const v1a = signedStandardWebhooksRequest({ signingKey: pair.signingKey });
    expect((await parseEvent(adapter, v1a)).meta.signatureVersion).toBe('v1a');
    const signature = withEd25519.signStandardWebhook(pair.signingKey, message);
    expect(signature.startsWith('v1a,')).toBe(true);
    expect(withEd25519.verifyStandardWebhook(pair.publicKey, message, signature)).toBe(true);
  });
});
