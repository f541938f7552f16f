/** Every auth mode accepted and rejected, rotation, the verify:false opt-in, and bad config. */
import {
  ConfigurationError,
  type HooklatchError,
  parseEvent,
  VerificationError,
} from '@hooklatch/core';
import type { CreatioAuth as CreatioRequestAuth } from '@hooklatch/creatio';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { describe, expect, it } from 'vitest';
import { type CreatioOptions, creatio } from '../src/index';
import { ORDER_UPDATE, SECRETS } from './support/examples';

const { username, password, token, oldToken, hmacSecret } = SECRETS;

function expectNoSecret(error: HooklatchError) {
  const text = `${error.message} ${JSON.stringify(error.details)} ${JSON.stringify(error)}`;
  for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
}

async function rejected(options: CreatioOptions, auth?: CreatioRequestAuth, headers = {}) {
  const request = signedCreatioRequest({
    payload: ORDER_UPDATE,
    ...(auth === undefined ? {} : { auth }),
    headers,
  });
  const error = (await parseEvent(creatio(options), request).catch((e) => e)) as HooklatchError;
  expect(error).toBeInstanceOf(VerificationError);
  expectNoSecret(error);
  return error;
}

async function accepted(options: CreatioOptions, auth?: CreatioRequestAuth) {
  const request = signedCreatioRequest({
    payload: ORDER_UPDATE,
    ...(auth === undefined ? {} : { auth }),
  });
  const event = await parseEvent(creatio(options), request);
  expect(event.subject).toBe(`Order:${ORDER_UPDATE.Id}`);
}

describe('basic auth', () => {
  const options: CreatioOptions = { auth: { scheme: 'basic', username, password } };

  it('accepts the right pair', async () => {
    await accepted(options, { scheme: 'basic', username, password });
  });

  it('rejects a wrong password, a wrong user, no header and another scheme', async () => {
    const wrong = await rejected(options, { scheme: 'basic', username, password: 'nope' });
    expect(wrong).toMatchObject({ code: 'SIGNATURE_INVALID', httpStatus: 401 });
    const user = await rejected(options, { scheme: 'basic', username: 'other', password });
    expect(user.code).toBe('SIGNATURE_INVALID');
    const missing = await rejected(options);
    expect(missing).toMatchObject({ code: 'SIGNATURE_MISSING', httpStatus: 401 });
    expect(missing.message).toContain('Authorization');
    const bearer = await rejected(options, { scheme: 'bearer', token: token });
    expect(bearer).toMatchObject({ code: 'SIGNATURE_MALFORMED', httpStatus: 400 });
  });

  it('rotates by listing both pairs', async () => {
    const rotating: CreatioOptions = {
      auth: [
        { scheme: 'basic', username, password: 'new-pw-do-not-leak' },
        { scheme: 'basic', username, password },
      ],
    };
    await accepted(rotating, { scheme: 'basic', username, password });
    await accepted(rotating, { scheme: 'basic', username, password: 'new-pw-do-not-leak' });
    const error = await rejected(rotating, { scheme: 'basic', username, password: 'x' });
    expect(error.message).not.toContain('new-pw-do-not-leak');
  });
});

describe('bearer token', () => {
  it('accepts the token and rejects another', async () => {
    const options: CreatioOptions = { auth: { scheme: 'bearer', token } };
    await accepted(options, { scheme: 'bearer', token: token });
    const error = await rejected(options, { scheme: 'bearer', token: `${token}x` });
    expect(error).toMatchObject({ code: 'SIGNATURE_INVALID', httpStatus: 401 });
  });

  it('accepts old and new token during a rotation, then only the new one', async () => {
    const during: CreatioOptions = { auth: { scheme: 'bearer', tokens: [token, oldToken] } };
    await accepted(during, { scheme: 'bearer', token: oldToken });
    await accepted(during, { scheme: 'bearer', token: token });
    const after: CreatioOptions = { auth: { scheme: 'bearer', tokens: [token] } };
    expect((await rejected(after, { scheme: 'bearer', token: oldToken })).code).toBe(
      'SIGNATURE_INVALID',
    );
  });
});

describe('HMAC header', () => {
  it('verifies X-Creatio-Signature (hex) by default', async () => {
    const options: CreatioOptions = { auth: { scheme: 'hmac', secret: hmacSecret } };
    await accepted(options, { scheme: 'hmac', secret: hmacSecret });
    const wrong = await rejected(options, { scheme: 'hmac', secret: 'other' });
    expect(wrong).toMatchObject({ code: 'SIGNATURE_INVALID', httpStatus: 401 });
    expect(wrong.message).toContain('X-Creatio-Signature');
    const missing = await rejected(options);
    expect(missing).toMatchObject({ code: 'SIGNATURE_MISSING', httpStatus: 401 });
    const malformed = await rejected(options, undefined, { 'x-creatio-signature': 'zz' });
    expect(malformed).toMatchObject({ code: 'SIGNATURE_MALFORMED', httpStatus: 400 });
  });

  it('rejects a body changed after signing', async () => {
    const signed = signedCreatioRequest({
      payload: ORDER_UPDATE,
      auth: { scheme: 'hmac', secret: hmacSecret },
    });
    const adapter = creatio({ auth: { scheme: 'hmac', secret: hmacSecret } });
    const body = signed.body.replace('shipped', 'returned');
    const error = (await parseEvent(adapter, { ...signed, body }).catch(
      (e) => e,
    )) as HooklatchError;
    expect(error.code).toBe('SIGNATURE_INVALID');
  });

  it('takes a custom header, a prefix, base64 and rotated secrets', async () => {
    const options: CreatioOptions = {
      auth: {
        scheme: 'hmac',
        header: 'X-Signature',
        prefix: 'sha256=',
        encoding: 'base64',
        secrets: ['new-hmac-do-not-leak', hmacSecret],
      },
    };
    const auth = {
      scheme: 'hmac',
      secret: hmacSecret,
      header: 'X-Signature',
      prefix: 'sha256=',
      encoding: 'base64',
    } satisfies CreatioRequestAuth;
    await accepted(options, auth);
    const noPrefix = await rejected(options, { ...auth, prefix: '' });
    expect(noPrefix.code).toBe('SIGNATURE_MALFORMED');
    const error = await rejected(options, { ...auth, secret: 'x' });
    expect(error.message).not.toContain('new-hmac-do-not-leak');
  });
});

describe('several schemes at once', () => {
  it('accepts any configured scheme', async () => {
    const options: CreatioOptions = {
      auth: [
        { scheme: 'basic', username, password },
        { scheme: 'hmac', secret: hmacSecret },
      ],
    };
    await accepted(options, { scheme: 'basic', username, password });
    await accepted(options, { scheme: 'hmac', secret: hmacSecret });
    // All fail: the first scheme's error, so the answer is deterministic.
    expect((await rejected(options, { scheme: 'bearer', token: token })).code).toBe(
      'SIGNATURE_MALFORMED',
    );
    expect((await rejected(options)).code).toBe('SIGNATURE_MISSING');
  });
});

describe('configuration', () => {
  function configError(options: CreatioOptions): ConfigurationError {
    const error = (() => {
      try {
        creatio(options);
      } catch (e) {
        return e;
      }
    })() as ConfigurationError;
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', httpStatus: 500 });
    expectNoSecret(error);
    return error;
  }

  it('refuses to start without auth and without verify:false', () => {
    expect(configError({}).message).toContain('verify: false');
    configError({ auth: [] });
  });

  it('accepts anything with an explicit verify:false', async () => {
    await accepted({ verify: false });
    await accepted({ verify: false }, { scheme: 'bearer', token: 'whatever' });
  });

  it('refuses auth together with verify:false', () => {
    configError({ auth: { scheme: 'bearer', token }, verify: false });
  });

  it('refuses entries without credentials (an unset environment variable)', () => {
    configError({ auth: { scheme: 'bearer', token: '' } });
    configError({ auth: { scheme: 'basic', username, password: '' } });
    configError({ auth: { scheme: 'hmac', secret: '' } });
    configError({ auth: { scheme: 'nope' } as never });
  });

  it('names the missing credential in details.option, under `auth`', () => {
    expect(configError({ auth: { scheme: 'basic', username } as never }).details).toEqual({
      option: 'auth.password',
    });
    expect(configError({ auth: { scheme: 'bearer', token: '' } }).details).toEqual({
      option: 'auth.token',
    });
    expect(configError({ auth: { scheme: 'hmac', secret: '' } }).details).toEqual({
      option: 'auth.secret',
    });
    const rotated = [
      { scheme: 'bearer', token },
      { scheme: 'basic', username: '', password },
    ] as const;
    expect(configError({ auth: rotated }).details).toEqual({ option: 'auth[1].username' });
  });

  it('refuses an unknown option or auth key by name, and accepts every documented one', () => {
    const typo = configError({ auth: { scheme: 'bearer', token }, subjectKeys: 'Id' } as never);
    expect(typo.details).toEqual({ option: 'subjectKeys' });
    expect(typo.message).toBe('creatio: unknown option "subjectKeys".');
    // `tokens` misspelt would otherwise leave only `token` accepted, silently.
    const inner = configError({ auth: { scheme: 'bearer', token, tokenz: [oldToken] } as never });
    expect(inner.details).toEqual({ option: 'auth.tokenz' });
    const every = creatio({
      auth: [
        { scheme: 'basic', username, password },
        { scheme: 'bearer', token, tokens: [oldToken] },
        { scheme: 'hmac', secret: hmacSecret, header: 'X-Sig', prefix: 'sha256=', encoding: 'hex' },
      ],
      verify: undefined,
      name: 'crm',
      retentionMs: 1000,
      subjectKey: 'Id',
      volatileFields: [],
      deliveryIdHeader: false,
      assumeUtc: true,
      requireModifiedOn: false,
      defaultType: 'upsert',
      maxDepth: 64,
    });
    expect(every.name).toBe('crm');
  });
});
