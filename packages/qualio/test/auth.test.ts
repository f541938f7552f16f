import { createHmac } from 'node:crypto';
import { VerificationError } from '@hooklatch/core';
import { signedQualioRequest } from '@hooklatch/qualio/testing';
import { describe, expect, it } from 'vitest';
import { qualio } from '../src/index';
import {
  ALL_SECRETS,
  API_KEY,
  BASIC,
  expectFailure,
  NC_STATUS,
  NC_UPDATED_BODY,
  OTHER_SECRET,
  parseAt,
  SECRET,
} from './support/fixtures';

const missing = { class: VerificationError, code: 'SIGNATURE_MISSING', httpStatus: 401 };
const invalid = { class: VerificationError, code: 'SIGNATURE_INVALID', httpStatus: 401 };
const malformed = { class: VerificationError, code: 'SIGNATURE_MALFORMED', httpStatus: 400 };

const request = (auth?: Parameters<typeof signedQualioRequest>[0]['auth']) =>
  signedQualioRequest({ payload: NC_STATUS, ...(auth ? { auth } : {}) });

describe('hmac (X-Qualio-Signature: sha256=<hex>)', () => {
  const adapter = qualio({ auth: { scheme: 'hmac', secret: SECRET } });

  it('accepts a signature computed independently with node:crypto', async () => {
    const signature = createHmac('sha256', SECRET).update(NC_UPDATED_BODY).digest('hex');
    const event = await parseAt(adapter, {
      headers: { 'X-Qualio-Signature': `sha256=${signature}`, 'Content-Type': 'application/json' },
      body: NC_UPDATED_BODY,
    });
    expect(event.subject).toBe('NC-2025-001');
  });

  it('refuses a missing, wrong, unprefixed or tampered signature', async () => {
    const missingError = await expectFailure(parseAt(adapter, request()), missing);
    expect(missingError.details).toEqual({ header: 'X-Qualio-Signature' });
    const forged = request({ scheme: 'hmac', secret: OTHER_SECRET });
    const forgedSignature = forged.headers['x-qualio-signature'] ?? 'unreachable';
    const wrong = await expectFailure(parseAt(adapter, forged), invalid, [
      ...ALL_SECRETS,
      forgedSignature.slice('sha256='.length),
    ]);
    expect(wrong.details).toEqual({ header: 'X-Qualio-Signature' });
    const signed = request({ scheme: 'hmac', secret: SECRET });
    const bare = signed.headers['x-qualio-signature']?.slice('sha256='.length) ?? '';
    const unprefixed = { ...signed, headers: { ...signed.headers, 'x-qualio-signature': bare } };
    await expectFailure(parseAt(adapter, unprefixed), malformed);
    await expectFailure(
      parseAt(adapter, { ...signed, body: signed.body.replace('open', 'shut') }),
      invalid,
      [...ALL_SECRETS, bare],
    );
  });

  it('rotates: any of `secrets` verifies', async () => {
    const rotating = qualio({ auth: { scheme: 'hmac', secrets: [OTHER_SECRET, SECRET] } });
    await expect(
      parseAt(rotating, request({ scheme: 'hmac', secret: SECRET })),
    ).resolves.toBeDefined();
    await expect(
      parseAt(rotating, request({ scheme: 'hmac', secret: OTHER_SECRET })),
    ).resolves.toBeDefined();
    await expectFailure(
      parseAt(rotating, request({ scheme: 'hmac', secret: 'retired-secret' })),
      invalid,
    );
  });

  it('honours a renamed signature header', async () => {
    const renamed = qualio({ auth: { scheme: 'hmac', secret: SECRET, header: 'X-Signature' } });
    const ok = request({ scheme: 'hmac', secret: SECRET, header: 'X-Signature' });
    await expect(parseAt(renamed, ok)).resolves.toBeDefined();
    await expectFailure(parseAt(renamed, request({ scheme: 'hmac', secret: SECRET })), missing);
  });
});

describe('api-key', () => {
  const adapter = qualio({ auth: { scheme: 'api-key', key: API_KEY } });

  it('accepts the key in X-Api-Key and refuses a missing or wrong one', async () => {
    await expect(
      parseAt(adapter, request({ scheme: 'api-key', key: API_KEY })),
    ).resolves.toBeDefined();
    await expectFailure(parseAt(adapter, request()), missing);
    const wrong = await expectFailure(
      parseAt(adapter, request({ scheme: 'api-key', key: 'qk_guess' })),
      invalid,
    );
    expect(wrong.message).not.toContain('qk_guess');
  });

  it('rotates with `keys` and honours a renamed header', async () => {
    const custom = qualio({
      auth: { scheme: 'api-key', keys: ['qk_new', API_KEY], header: 'X-Qualio-Token' },
    });
    const sent = request({ scheme: 'api-key', key: API_KEY, header: 'X-Qualio-Token' });
    await expect(parseAt(custom, sent)).resolves.toBeDefined();
    await expect(
      parseAt(custom, request({ scheme: 'api-key', key: 'qk_new', header: 'X-Qualio-Token' })),
    ).resolves.toBeDefined();
    await expectFailure(parseAt(custom, request({ scheme: 'api-key', key: API_KEY })), missing);
  });
});

describe('basic', () => {
  const adapter = qualio({ auth: { scheme: 'basic', ...BASIC } });

  it('accepts the credentials and refuses missing, wrong or non-Basic ones', async () => {
    await expect(parseAt(adapter, request({ scheme: 'basic', ...BASIC }))).resolves.toBeDefined();
    await expectFailure(parseAt(adapter, request()), missing);
    await expectFailure(
      parseAt(adapter, request({ scheme: 'basic', ...BASIC, password: 'nope' })),
      invalid,
    );
    await expectFailure(
      parseAt(adapter, request({ scheme: 'basic', ...BASIC, username: 'someone' })),
      invalid,
    );
    const bearer = signedQualioRequest({
      payload: NC_STATUS,
      headers: { Authorization: `Bearer ${BASIC.password}` },
    });
    await expectFailure(parseAt(adapter, bearer), malformed);
  });
});

describe('several schemes', () => {
  const adapter = qualio({
    auth: [
      { scheme: 'hmac', secret: SECRET },
      { scheme: 'basic', ...BASIC },
    ],
  });

  it('accepts a delivery that passes any one of them', async () => {
    await expect(
      parseAt(adapter, request({ scheme: 'hmac', secret: SECRET })),
    ).resolves.toBeDefined();
    await expect(parseAt(adapter, request({ scheme: 'basic', ...BASIC }))).resolves.toBeDefined();
  });

  it("refuses one that passes none, with the first scheme's error", async () => {
    await expectFailure(parseAt(adapter, request()), missing);
    await expectFailure(
      parseAt(adapter, request({ scheme: 'hmac', secret: OTHER_SECRET })),
      invalid,
    );
  });
});

describe('verify: false', () => {
  it('accepts unauthenticated deliveries, only when asked explicitly', async () => {
    const open = qualio({ verify: false });
    const event = await parseAt(open, request());
    expect(event.type).toBe('nc.updated');
  });
});
