/**
 * `signGithub` / `verifyGithub`, the scheme as two functions: they agree with
 * `@octokit/webhooks-methods`, with each other and with the adapter (one implementation), answer
 * `false` for any bad signature, and refuse a bad secret with CONFIG_INVALID.
 */
import { parseEvent } from '@hooklatch/core';
import { expectHooklatchError } from '@hooklatch/testing';
import { sign, verify } from '@octokit/webhooks-methods';
import { describe, expect, it } from 'vitest';
import { github, signGithub, verifyGithub } from '../src/index';
import { exampleOf } from './support/examples';

const secret = 'sign-verify-secret';
const body = JSON.stringify(exampleOf('push').payload);
const bytes = new TextEncoder().encode(body);

describe('signGithub', () => {
  it('writes what @octokit/webhooks-methods sign() writes, for a string or bytes', async () => {
    const expected = await sign(secret, body);
    expect(signGithub(secret, body)).toBe(expected);
    expect(signGithub(secret, bytes)).toBe(expected);
    expect(await verify(secret, body, signGithub(secret, body))).toBe(true);
  });

  it.each([
    ['an empty secret', () => signGithub('', body)],
    ['a number', () => signGithub(42 as unknown as string, body)],
  ])('%s is CONFIG_INVALID naming `secret`', async (_case, run) => {
    const error = await expectHooklatchError(run, { code: 'CONFIG_INVALID', secrets: [secret] });
    expect(error.details.option).toBe('secret');
  });
});

describe('verifyGithub', () => {
  const signature = signGithub(secret, body);

  it('accepts its own and octokit signatures, with one secret or several', async () => {
    expect(verifyGithub(secret, body, await sign(secret, body))).toBe(true);
    expect(verifyGithub(secret, bytes, signature)).toBe(true);
    expect(verifyGithub(['new', secret], body, signature)).toBe(true);
  });

  it.each([
    ['a wrong secret', () => verifyGithub('other', body, signature)],
    ['a changed body', () => verifyGithub(secret, `${body} `, signature)],
    ['no signature', () => verifyGithub(secret, body, undefined)],
    ['an empty signature', () => verifyGithub(secret, body, '')],
    ['no sha256= prefix', () => verifyGithub(secret, body, signature.slice(7))],
    ['a SHA-1 signature', () => verifyGithub(secret, body, `sha1=${'a'.repeat(40)}`)],
    ['a short digest', () => verifyGithub(secret, body, signature.slice(0, 47))],
    ['non-hex', () => verifyGithub(secret, body, `sha256=${'z'.repeat(64)}`)],
  ])('is false for %s, without throwing', (_case, run) => {
    expect(run()).toBe(false);
  });

  it.each([
    ['secret', () => verifyGithub('', body, signature)],
    ['secrets', () => verifyGithub(['ok', 7] as unknown as string[], body, signature)],
  ])('a bad %s is CONFIG_INVALID, never false', async (option, run) => {
    const error = await expectHooklatchError(run, { code: 'CONFIG_INVALID', secrets: [secret] });
    expect(error.details.option).toBe(option);
  });

  it('a parsed object instead of the raw body is RAW_BODY_REQUIRED', async () => {
    await expectHooklatchError(() => verifyGithub(secret, JSON.parse(body) as string, signature), {
      code: 'RAW_BODY_REQUIRED',
      secrets: [secret],
    });
  });
});

describe('one scheme in the adapter and the pair', () => {
  const adapter = github({ secrets: ['new', secret] });
  const headers = { 'x-github-event': 'push', 'x-github-delivery': 'guid-1' };

  it('adapter.sign writes what signGithub writes for that key', () => {
    const signed = adapter.sign?.(body, { keyIndex: 1, headers });
    expect(signed?.headers).toEqual({
      ...headers,
      'x-hub-signature-256': signGithub(secret, body),
    });
  });

  it('the adapter accepts a signGithub signature and says which key matched', async () => {
    const signed = { ...headers, 'x-hub-signature-256': signGithub(secret, body) };
    const event = await parseEvent(adapter, { headers: signed, body });
    expect(event.meta.keyIndex).toBe(1);
  });
});
