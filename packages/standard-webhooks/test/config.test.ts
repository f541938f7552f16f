import { ConfigurationError, type HooklatchError } from '@hooklatch/core';
import { standardWebhooksKeyPair } from '@hooklatch/standard-webhooks/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { standardWebhooks } from '../src/ed25519';

/** Assert CONFIG_INVALID (500), with `secret` (when given) in neither message nor details. */
function configError(make: () => unknown, secret?: string): Promise<HooklatchError> {
  const expected = { class: ConfigurationError, code: 'CONFIG_INVALID', httpStatus: 500 } as const;
  return expectHooklatchError(make, { ...expected, secrets: secret ? [secret] : [] });
}

describe('configuration', () => {
  it('needs a secret or a public key', async () => {
    const error = await configError(() => standardWebhooks({}));
    expect(error.message).toContain('publicKey');
    await configError(() => standardWebhooks({ secret: '', secrets: [] }));
  });

  it('treats an empty secret as absent when a public key is configured', () => {
    const { publicKey } = standardWebhooksKeyPair();
    expect(standardWebhooks({ secret: '', publicKey }).name).toBe('standard-webhooks');
  });

  it('refuses a secret that is not base64, without echoing it', async () => {
    const secret = 'whsec_not*base64*at*all';
    const error = await configError(
      () => standardWebhooks({ secrets: ['whsec_AAAA', secret] }),
      secret,
    );
    expect(error.details).toEqual({ option: 'secrets[1]', key: 'secret', index: 1 });
  });

  it('names the option a bad key was given in: `secret`, or its place in `secrets`', async () => {
    const single = await configError(() => standardWebhooks({ secret: 'whsec_@@@' }), '@@@');
    expect(single.details).toEqual({ option: 'secret', key: 'secret', index: 0 });
    // Counted as configured, `secret` first: the second key is `secrets[0]`.
    const listed = await configError(
      () => standardWebhooks({ secret: 'whsec_AAAA', secrets: ['whsec_@@@'] }),
      '@@@',
    );
    expect(listed.details).toEqual({ option: 'secrets[0]', key: 'secret', index: 1 });
    const { publicKey } = standardWebhooksKeyPair();
    const key = await configError(
      () => standardWebhooks({ publicKey, publicKeys: ['whpk_AAAA'] }),
      'AAAA',
    );
    expect(key.details).toEqual({ option: 'publicKeys[0]', key: 'publicKey', index: 1 });
  });

  it('refuses an unknown option by name, and accepts every documented one', async () => {
    const typo = { secret: 'whsec_AAAA', tolerance: 60 } as never;
    const error = await configError(() => standardWebhooks(typo));
    expect(error.details).toEqual({ option: 'tolerance' });
    expect(error.message).toBe('standard-webhooks: unknown option "tolerance".');
    const { publicKey } = standardWebhooksKeyPair();
    const every = standardWebhooks({
      secret: 'whsec_AAAA',
      secrets: undefined,
      publicKey,
      publicKeys: [],
      verify: undefined,
      toleranceSeconds: 60,
      events: {},
      name: 'acme',
      retentionMs: 1000,
      fallbackType: 'other',
      schemaPolicy: 'envelope',
      maxDepth: 64,
    });
    expect(every.name).toBe('acme');
  });

  it('refuses a public key of the wrong size or off the curve', async () => {
    await configError(() => standardWebhooks({ publicKey: 'whpk_AAAA' }), 'AAAA');
    // 32 bytes, but not a canonical ed25519 point encoding (y >= p).
    const offCurve = `whpk_${Buffer.alloc(32, 0xff).toString('base64')}`;
    await configError(() => standardWebhooks({ publicKey: offCurve }), offCurve);
  });

  it('refuses a blank public key before a set one (it would shift keyIndex), drops trailing ones', async () => {
    const { publicKey } = standardWebhooksKeyPair();
    const error = await configError(() => standardWebhooks({ publicKeys: ['', publicKey] }));
    expect(error.details).toMatchObject({ option: 'publicKeys[0]' });
    await configError(() => standardWebhooks({ publicKey: '', publicKeys: [publicKey] }));
    expect(standardWebhooks({ publicKeys: [publicKey, ''] }).name).toBe('standard-webhooks');
  });

  it('refuses a whsk_ signing key given where a public key belongs', async () => {
    const { signingKey } = standardWebhooksKeyPair();
    await configError(() => standardWebhooks({ publicKey: signingKey }), signingKey.slice(5));
  });

  it('uses the configured name as provider and dedupe-key prefix', () => {
    const adapter = standardWebhooks({ secret: 'whsec_AAAA', name: 'acme' });
    expect(adapter.name).toBe('acme');
    expect(adapter.retentionMs).toBe(4 * 24 * 3600 * 1000);
    expect(standardWebhooks({ secret: 'whsec_AAAA', retentionMs: 1000 }).retentionMs).toBe(1000);
  });
});
