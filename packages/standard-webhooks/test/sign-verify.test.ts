/**
 * The verifier pair: `signStandardWebhook` / `verifyStandardWebhook` against the reference
 * `standardwebhooks` package and @noble/curves, and `adapter.sign` into `parseEvent` with
 * `meta.keyIndex` and `meta.signedAt`.
 */
import { parseEvent } from '@hooklatch/core';
import { standardWebhooksKeyPair } from '@hooklatch/standard-webhooks/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { ed25519 } from '@noble/curves/ed25519.js';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { signStandardWebhook, standardWebhooks, verifyStandardWebhook } from '../src/ed25519';
import {
  OTHER_SECRET,
  PAYLOAD,
  parseAt,
  RECEIVED_AT,
  RECEIVED_SECONDS,
  SECRET,
} from './support/fixtures';

const body = JSON.stringify(PAYLOAD);
const message = { id: 'msg_pair', timestamp: RECEIVED_AT, payload: body };
const pair = standardWebhooksKeyPair(new Uint8Array(32).fill(21));
const at = { receivedAt: RECEIVED_AT };

describe('signStandardWebhook', () => {
  it('writes the v1 entry the reference package writes', () => {
    const reference = new Webhook(SECRET).sign('msg_pair', RECEIVED_AT, body);
    expect(signStandardWebhook(SECRET, message)).toBe(reference);
    // Unix seconds and the header text sign the same message.
    expect(signStandardWebhook(SECRET, { ...message, timestamp: RECEIVED_SECONDS })).toBe(
      reference,
    );
    expect(signStandardWebhook(SECRET, { ...message, timestamp: String(RECEIVED_SECONDS) })).toBe(
      reference,
    );
  });

  it('writes a v1a entry for a whsk_ signing key, valid for @noble/curves', () => {
    const entry = signStandardWebhook(pair.signingKey, message);
    expect(entry.startsWith('v1a,')).toBe(true);
    const content = new TextEncoder().encode(`msg_pair.${RECEIVED_SECONDS}.${body}`);
    const publicKey = Buffer.from(pair.publicKey.slice('whpk_'.length), 'base64');
    const signature = Buffer.from(entry.slice('v1a,'.length), 'base64');
    expect(ed25519.verify(signature, content, publicKey)).toBe(true);
  });

  it('refuses a key or message it cannot sign with CONFIG_INVALID, naming no key', async () => {
    for (const key of ['', 'whsec_not*base64', 'whsk_AAAA']) {
      await expectHooklatchError(() => signStandardWebhook(key, message), {
        code: 'CONFIG_INVALID',
        secrets: key === '' ? [] : [key.slice(5)],
      });
    }
    await expectHooklatchError(() => signStandardWebhook(SECRET, { ...message, id: '' }), {
      code: 'CONFIG_INVALID',
    });
    await expectHooklatchError(() => signStandardWebhook(SECRET, { ...message, timestamp: -1 }), {
      code: 'CONFIG_INVALID',
    });
  });
});

describe('verifyStandardWebhook', () => {
  const v1 = new Webhook(SECRET).sign('msg_pair', RECEIVED_AT, body);
  const v1a = signStandardWebhook(pair.signingKey, message);

  it('accepts a reference-signed v1 list and a v1a entry under the matching key', () => {
    expect(verifyStandardWebhook(SECRET, message, v1, at)).toBe(true);
    expect(verifyStandardWebhook([OTHER_SECRET, SECRET], message, v1, at)).toBe(true);
    expect(verifyStandardWebhook(pair.publicKey, message, v1a, at)).toBe(true);
    expect(verifyStandardWebhook([SECRET, pair.publicKey], message, `${v1} ${v1a}`, at)).toBe(true);
  });

  it('reads keys pasted with spaces around them as the adapter does', () => {
    expect(verifyStandardWebhook(` ${SECRET}\n`, message, v1, at)).toBe(true);
    expect(verifyStandardWebhook(` ${pair.publicKey} `, message, v1a, at)).toBe(true);
    expect(signStandardWebhook(`\t${pair.signingKey}`, message)).toBe(v1a);
    expect(signStandardWebhook(` ${SECRET}`, message)).toBe(v1);
  });

  it.each([
    ['another secret', () => verifyStandardWebhook(OTHER_SECRET, message, v1, at)],
    [
      'another body',
      () => verifyStandardWebhook(SECRET, { ...message, payload: `${body} ` }, v1, at),
    ],
    ['another id', () => verifyStandardWebhook(SECRET, { ...message, id: 'msg_x' }, v1, at)],
    ['a stale timestamp', () => verifyStandardWebhook(SECRET, message, v1)],
    ['a malformed list', () => verifyStandardWebhook(SECRET, message, 'v1,***', at)],
    ['an empty signature', () => verifyStandardWebhook(SECRET, message, '', at)],
    ['no id', () => verifyStandardWebhook(SECRET, { ...message, id: '' }, v1, at)],
    ['v1 only, public key only', () => verifyStandardWebhook(pair.publicKey, message, v1, at)],
  ])('answers false, never throws, for %s', (_case, verify) => {
    expect(verify()).toBe(false);
  });

  it('honours toleranceSeconds (0 disables it) and is CONFIG_INVALID for a bad key', async () => {
    const late = { receivedAt: new Date(RECEIVED_AT.getTime() + 400_000) };
    expect(verifyStandardWebhook(SECRET, message, v1, late)).toBe(false);
    expect(verifyStandardWebhook(SECRET, message, v1, { ...late, toleranceSeconds: 0 })).toBe(true);
    for (const bad of ['', 'whsec_***', 'whpk_AAAA', [], [7]]) {
      await expectHooklatchError(() => verifyStandardWebhook(bad as never, message, v1, at), {
        code: 'CONFIG_INVALID',
      });
    }
  });

  it('refuses an unknown option (`now` for `receivedAt`) instead of ignoring it', async () => {
    const late = new Date(RECEIVED_AT.getTime() + 400_000);
    const error = await expectHooklatchError(
      () => verifyStandardWebhook(SECRET, message, v1, { now: late } as never),
      { code: 'CONFIG_INVALID', secrets: [SECRET] },
    );
    expect(error.details).toEqual({ option: 'now' });
    expect(error.message).toBe('verifyStandardWebhook: unknown option "now".');
    // A bad key in the argument is named by it, with its position among the keys of its kind.
    const bad = await expectHooklatchError(
      () => verifyStandardWebhook([SECRET, 'whsec_***'], message, v1, at),
      { code: 'CONFIG_INVALID', secrets: [SECRET] },
    );
    expect(bad.details).toEqual({ option: 'secrets', key: 'secret', index: 1 });
  });

  it('a parsed body is RAW_BODY_REQUIRED in both functions: it could never verify', async () => {
    const parsed = { ...message, payload: PAYLOAD as never };
    await expectHooklatchError(() => verifyStandardWebhook(SECRET, parsed, v1, at), {
      code: 'RAW_BODY_REQUIRED',
    });
    await expectHooklatchError(() => signStandardWebhook(SECRET, parsed), {
      code: 'RAW_BODY_REQUIRED',
    });
  });
});

describe('adapter.sign', () => {
  it('signs with the keyIndex-th secret; meta has keyIndex and signedAt', async () => {
    const adapter = standardWebhooks({ secrets: [OTHER_SECRET, SECRET] });
    const signed = adapter.sign?.(body, {
      keyIndex: 1,
      timestamp: RECEIVED_AT,
      headers: { 'webhook-id': 'msg_sign' },
    });
    expect(signed?.headers['webhook-signature']).toBe(
      new Webhook(SECRET).sign('msg_sign', RECEIVED_AT, body),
    );
    const event = await parseAt(adapter, signed as NonNullable<typeof signed>);
    expect(event.meta).toMatchObject({
      keyIndex: 1,
      signedAt: RECEIVED_AT,
      signatureVersion: 'v1',
    });
    expect(event.id).toBe('msg_sign');
  });

  it('a whsec_ secret pasted with spaces around it is the same key, not another one', async () => {
    const reference = new Webhook(SECRET).sign('msg_pad', RECEIVED_AT, body);
    for (const padded of [` ${SECRET}`, `${SECRET}\n`, `\t ${SECRET} `]) {
      const adapter = standardWebhooks({ secret: padded });
      const signed = adapter.sign?.(body, {
        timestamp: RECEIVED_AT,
        headers: { 'webhook-id': 'msg_pad' },
      });
      expect(signed?.headers['webhook-signature']).toBe(reference);
      expect((await parseAt(adapter, signed as NonNullable<typeof signed>)).id).toBe('msg_pad');
    }
  });

  it('without an ID header, names the message after its body, so re-signing is a retry', async () => {
    const adapter = standardWebhooks({ secret: SECRET });
    const first = adapter.sign?.(body, { timestamp: RECEIVED_AT });
    const again = adapter.sign?.(body, { timestamp: new Date(RECEIVED_AT.getTime() + 5000) });
    const other = adapter.sign?.(`${body} `, { timestamp: RECEIVED_AT });
    expect(first?.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/);
    expect(again?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(other?.headers['webhook-id']).not.toBe(first?.headers['webhook-id']);
    const event = await parseAt(adapter, first as NonNullable<typeof first>);
    expect(event.id).toBe(first?.headers['webhook-id']);
  });

  it('writes svix-* headers when the delivery uses them', async () => {
    const adapter = standardWebhooks({ secret: SECRET });
    const signed = adapter.sign?.(body, { timestamp: RECEIVED_AT, headers: { 'svix-id': 'm' } });
    expect(Object.keys(signed?.headers ?? {}).sort()).toEqual([
      'svix-id',
      'svix-signature',
      'svix-timestamp',
    ]);
    const event = await parseAt(adapter, signed as NonNullable<typeof signed>);
    expect(event.meta.headerFamily).toBe('svix');
  });

  it('with public keys only, signs only with an ed25519 signing key given as secret', async () => {
    const adapter = standardWebhooks({ publicKey: pair.publicKey });
    await expectHooklatchError(() => adapter.sign?.(body), { code: 'CONFIG_INVALID' });
    const seed = new Uint8Array(32).fill(21);
    for (const secret of [pair.signingKey, seed]) {
      const signed = adapter.sign?.(body, { timestamp: RECEIVED_AT, secret });
      const event = await parseAt(adapter, signed as NonNullable<typeof signed>);
      expect(event.meta).toMatchObject({ keyIndex: 0, signatureVersion: 'v1a' });
    }
  });
});

describe('secret resolvers', () => {
  const tenants: Record<string, string[]> = { a: [SECRET], b: [OTHER_SECRET, SECRET] };
  const tenantOf = (delivery: { headers: Readonly<Record<string, string>> }) =>
    tenants[delivery.headers['x-tenant'] ?? ''];
  const signedFor = (tenant: string, secret: string) => ({
    headers: {
      'x-tenant': tenant,
      'webhook-id': 'msg_tenant',
      'webhook-timestamp': String(RECEIVED_SECONDS),
      'webhook-signature': signStandardWebhook(secret, { ...message, id: 'msg_tenant' }),
    },
    body,
  });

  it('decodes the whsec_ secrets a resolver picks per delivery, sync or async', async () => {
    const sync = standardWebhooks({ secrets: tenantOf });
    expect((await parseAt(sync, signedFor('b', SECRET))).meta.keyIndex).toBe(1);
    const async = standardWebhooks({ secrets: async (delivery) => tenantOf(delivery) });
    expect((await parseAt(async, signedFor('a', SECRET))).meta.keyIndex).toBe(0);
    await expectHooklatchError(parseAt(async, signedFor('a', OTHER_SECRET)), {
      code: 'SIGNATURE_INVALID',
      secrets: [SECRET, OTHER_SECRET],
    });
    await expectHooklatchError(parseAt(async, signedFor('zzz', SECRET)), {
      code: 'SIGNATURE_INVALID',
      httpStatus: 401,
    });
  });

  it('a resolver answer that is not a secret is CONFIG_INVALID; signing needs `secret`', async () => {
    const broken = standardWebhooks({ secrets: () => ['whsec_***'] });
    await expectHooklatchError(parseAt(broken, signedFor('a', SECRET)), {
      code: 'CONFIG_INVALID',
      secrets: ['***'],
    });
    const adapter = standardWebhooks({ secrets: tenantOf });
    await expectHooklatchError(() => adapter.sign?.(body), { code: 'CONFIG_INVALID' });
    const signed = adapter.sign?.(body, { timestamp: RECEIVED_AT, secret: SECRET });
    const headers = { ...signed?.headers, 'x-tenant': 'a' };
    await expect(parseAt(adapter, { headers, body })).resolves.toMatchObject({
      meta: { keyIndex: 0 },
    });
  });
});

describe('verify: false', () => {
  it('accepts an unsigned delivery with a webhook-id; cannot be combined with keys', async () => {
    const open = standardWebhooks({ verify: false });
    const event = await parseEvent(open, { headers: { 'webhook-id': 'msg_open' }, body });
    expect(event).toMatchObject({ id: 'msg_open', type: 'invoice.paid' });
    expect(event.meta.keyIndex).toBeUndefined();
    await expectHooklatchError(parseEvent(open, { headers: {}, body }), {
      code: 'HEADER_MISSING',
    });
    for (const keys of [{ secret: SECRET }, { publicKey: pair.publicKey }]) {
      const error = await expectHooklatchError(() => standardWebhooks({ verify: false, ...keys }), {
        code: 'CONFIG_INVALID',
        secrets: [SECRET],
      });
      expect(error.details.option).toBe('verify');
    }
  });
});
