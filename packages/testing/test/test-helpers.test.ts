/** The helpers for tests of your own: deep JSON, tampered bodies and expectHooklatchError. */
import { PayloadError, VerificationError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { expectHooklatchError, nestedJson, withNestedMember } from '../src/index';
import { oneByteChanged, reserializedBody } from '../src/tampered-bodies';
import { ACME_BODY } from './support/acme-adapter';

describe('deep JSON builders', () => {
  it('nest arrays and keep the rest of the body as it was', () => {
    expect(nestedJson(3)).toBe('[[[]]]');
    expect(withNestedMember(' { "id": 1 }', 2)).toBe('{"hooklatch_deep":[[]],"id": 1 }');
    expect(withNestedMember('{}', 1, 'x')).toBe('{"x":[]}');
    expect(withNestedMember('[1]', 1)).toBe('[[],[1]]');
    expect(() => nestedJson(0)).toThrow(RangeError);
  });
});

describe('tampered bodies', () => {
  const bodies = [
    ACME_BODY,
    JSON.stringify({ a: 1 }, null, 2),
    '{"n":[1,2,{"deep":"x\\"y"}],"s":"é"}',
  ];

  it('a re-serialized body differs in text only', () => {
    for (const body of bodies) {
      const other = reserializedBody(body);
      expect(other).not.toBe(body);
      expect(JSON.parse(other)).toEqual(JSON.parse(body));
    }
    expect(() => reserializedBody('{}')).toThrow(/reads the same/);
  });

  it('one changed byte is one ASCII character inside a string, and keeps the JSON valid', () => {
    for (const body of bodies) {
      const other = oneByteChanged(body);
      const a = new TextEncoder().encode(body);
      const b = new TextEncoder().encode(other);
      expect(b.length).toBe(a.length);
      expect(a.filter((byte, i) => byte !== b[i])).toHaveLength(1);
      expect(JSON.parse(other)).not.toEqual(JSON.parse(body));
    }
    // The string character nearest the middle, bumped within its class; escapes are left alone.
    expect(oneByteChanged('{"id":"abc"}')).toBe('{"id":"bbc"}');
    expect(oneByteChanged('{"k":"\\n9"}')).toBe('{"k":"\\n0"}');
  });
});

describe('expectHooklatchError', () => {
  const failure = () => {
    throw new PayloadError('PAYLOAD_INVALID', 'acme payload failed validation: id', {
      details: { path: 'id' },
    });
  };

  it('returns the matching error', async () => {
    const error = await expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', httpStatus: 422 });
    expect(error.details).toEqual({ path: 'id' });
  });

  it('names what differed, and never prints a leaked secret', async () => {
    await expect(expectHooklatchError(() => 1, { code: 'PAYLOAD_INVALID' })).rejects.toThrow(
      /nothing was thrown/,
    );
    await expect(expectHooklatchError(failure, { code: 'BODY_EMPTY' })).rejects.toThrow(
      /expected code BODY_EMPTY, got PAYLOAD_INVALID/,
    );
    await expect(
      expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', httpStatus: 400 }),
    ).rejects.toThrow(/expected HTTP 400, got 422/);
    await expect(
      expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', class: VerificationError }),
    ).rejects.toThrow(/expected a VerificationError, got a PayloadError/);
    const leak = expectHooklatchError(failure, { code: 'PAYLOAD_INVALID', secrets: ['x', 'path'] });
    await expect(leak).rejects.toThrow(/leaks secret #1/);
    await expect(leak).rejects.not.toThrow(/path"/);
    await expect(
      expectHooklatchError(Promise.reject(new Error('plain')), { code: 'PAYLOAD_INVALID' }),
    ).rejects.toThrow(/non-hooklatch error/);
  });

  it('never prints a secret it was told to watch for, whatever else failed', async () => {
    const secret = 'whsec_kit-secret-VALUE';
    const leaky = () => {
      throw new VerificationError('SIGNATURE_INVALID', `signature does not match ${secret}`);
    };
    const wrongCode = expectHooklatchError(leaky, { code: 'SIGNATURE_MISSING', secrets: [secret] });
    await expect(wrongCode).rejects.toThrow(/expected code SIGNATURE_MISSING.*<secret #0>/);
    await expect(wrongCode).rejects.not.toThrow(secret);
    const plain = expectHooklatchError(Promise.reject(new Error(`db password ${secret}`)), {
      code: 'STORE_UNAVAILABLE',
      secrets: ['', secret],
    });
    await expect(plain).rejects.toThrow(/non-hooklatch error: Error: db password <secret #1>/);
    await expect(plain).rejects.not.toThrow(secret);
    // A secret that starts with another is replaced whole, never left half printed.
    const nested = expectHooklatchError(Promise.reject(new Error('key tok_abcdefXYZ')), {
      code: 'STORE_UNAVAILABLE',
      secrets: ['tok_ab', 'tok_abcdefXYZ'],
    });
    await expect(nested).rejects.toThrow(/key <secret #1>$/);
  });

  it('searches the cause chain, which loggers print, and survives a cyclic one', async () => {
    const secret = 'whsec_in-the-cause';
    const deep = new Error('outer', { cause: { message: 'inner', details: { key: secret } } });
    for (const cause of [new Error(`hmac(${secret})`), `text ${secret}`, deep]) {
      const leak = expectHooklatchError(
        Promise.reject(new VerificationError('SIGNATURE_INVALID', 'mismatch.', { cause })),
        { code: 'SIGNATURE_INVALID', secrets: [secret] },
      );
      await expect(leak).rejects.toThrow(/leaks secret #0 in its cause chain/);
      await expect(leak).rejects.not.toThrow(secret);
    }
    const cyclic = new Error('a cause of its own');
    Object.assign(cyclic, { cause: cyclic });
    const error = new VerificationError('SIGNATURE_INVALID', 'mismatch.', { cause: cyclic });
    await expectHooklatchError(Promise.reject(error), {
      code: 'SIGNATURE_INVALID',
      secrets: [secret],
    });
  });
});
