import { PayloadError, parseEvent, VerificationError } from '@hooklatch/core';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { refusalsOf } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { github, signGithub } from '../src/index';
import { exampleOf } from './support/examples';

const secret = 'bad-input-secret-do-not-leak';
const adapter = github({ secret });
const push = exampleOf('push').payload;

const refuses = refusalsOf(adapter, { secrets: [secret] });

function request(overrides: Partial<Parameters<typeof signedGithubRequest>[0]> = {}) {
  return signedGithubRequest({ secret, event: 'push', payload: push, ...overrides });
}

describe('github() bad input', () => {
  it('missing X-Hub-Signature-256 -> SIGNATURE_MISSING 401', async () => {
    const error = await refuses(
      request({ headers: { 'x-hub-signature-256': undefined } }),
      VerificationError,
      'SIGNATURE_MISSING',
      401,
    );
    expect(error.message).toContain('X-Hub-Signature-256');
  });

  it('only the legacy SHA-1 X-Hub-Signature -> SIGNATURE_MISSING, saying why', async () => {
    const legacy = 'sha1=0123456789abcdef0123456789abcdef01234567';
    const input = request({
      headers: { 'x-hub-signature-256': undefined, 'x-hub-signature': legacy },
    });
    const error = await refuses(input, VerificationError, 'SIGNATURE_MISSING', 401);
    expect(error.message).toMatch(/legacy SHA-1 X-Hub-Signature/);
    expect(error.message).toMatch(/not accepted/);
  });

  it.each([
    ['no sha256= prefix', 'a'.repeat(64)],
    ['sha1 prefix', `sha1=${'a'.repeat(40)}`],
    ['non-hex', `sha256=${'z'.repeat(64)}`],
    ['short digest', `sha256=${'a'.repeat(40)}`],
  ])('malformed header (%s) -> SIGNATURE_MALFORMED 400', async (_name, value) => {
    await refuses(
      request({ headers: { 'x-hub-signature-256': value } }),
      VerificationError,
      'SIGNATURE_MALFORMED',
      400,
    );
  });

  it('form body without a payload field -> PAYLOAD_MALFORMED 400', async () => {
    const signed = request({ format: 'form' });
    const body = signed.body.replace(/^payload=/, 'data=');
    // Re-sign the altered form body so only its shape is wrong.
    const headers = {
      ...signed.headers,
      'x-hub-signature-256': signGithub(secret, body),
    };
    await refuses({ headers, body }, PayloadError, 'PAYLOAD_MALFORMED', 400);
  });

  it('a signed JSON body replayed as a form is refused: a payload= typed inside it never parses', async () => {
    // A comment's text is the sender's; GitHub's JSON leaves `&` and `=` in it as they are.
    const forged = { ...push, ref: 'refs/heads/forged', pusher: { name: 'admin' } };
    const comment = `hi &payload=${encodeURIComponent(JSON.stringify(forged))}& bye`;
    const genuine = request({
      payload: { ...push, head_commit: { ...(push.head_commit as object), message: comment } },
    });
    expect((await parseEvent(adapter, genuine)).meta.bodyFormat).toBe('json');
    const replay = {
      headers: { ...genuine.headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: genuine.body,
    };
    const error = await refuses(replay, PayloadError, 'PAYLOAD_MALFORMED', 400);
    expect(error.message).not.toContain('forged');
  });

  it.each([
    ['a second field', (body: string) => `${body}&payload=%7B%7D`],
    ['a field before it', (body: string) => `x=1&${body}`],
    ['broken percent-encoding', (body: string) => `${body}%E2%28`],
    ['non-ASCII bytes', (body: string) => `${body}é`],
  ])('a form body with %s -> PAYLOAD_MALFORMED 400', async (_name, alter) => {
    const body = alter(request({ format: 'form' }).body);
    const signed = request({ format: 'form' });
    const headers = { ...signed.headers, 'x-hub-signature-256': signGithub(secret, body) };
    await refuses({ headers, body }, PayloadError, 'PAYLOAD_MALFORMED', 400);
  });

  it('JSON that fails the envelope -> PAYLOAD_INVALID 422; the typed schema -> PAYLOAD_SCHEMA_MISMATCH 500', async () => {
    const broken = { ...push, repository: { ...(push.repository as object), full_name: 42 } };
    const error = await refuses(request({ payload: broken }), PayloadError, 'PAYLOAD_INVALID', 422);
    expect(error.message).toContain('repository.full_name');
    const typed = { ...push, commits: 'none' };
    const typedError = await refuses(
      request({ payload: typed }),
      PayloadError,
      'PAYLOAD_SCHEMA_MISMATCH',
      500,
    );
    expect(typedError.message).toContain('commits');
    expect(typedError.details.issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'commits' })]),
    );
  });

  it('an X-GitHub-Event that is no event name is not quoted in the message', async () => {
    const broken = { ...push, repository: { ...(push.repository as object), full_name: 42 } };
    const event = `user=alice@example.com;${'x'.repeat(10_000)}`;
    const error = await refuses(
      request({ payload: broken, event }),
      PayloadError,
      'PAYLOAD_INVALID',
      422,
    );
    expect(error.message).not.toContain('alice');
    expect(error.message.length).toBeLessThan(300);
    expect(error.message).toContain('repository.full_name');
  });

  it('JSON that is not an object -> PAYLOAD_INVALID 422', async () => {
    await refuses(request({ payload: '[1,2,3]' }), PayloadError, 'PAYLOAD_INVALID', 422);
  });

  it('empty body (correctly signed) -> BODY_EMPTY 400', async () => {
    await refuses(request({ payload: '' }), PayloadError, 'BODY_EMPTY', 400);
    // A form body whose payload field is empty is just as empty.
    await refuses(request({ payload: '', format: 'form' }), PayloadError, 'BODY_EMPTY', 400);
  });

  it('missing X-GitHub-Event or X-GitHub-Delivery -> HEADER_MISSING 400', async () => {
    const noEvent = await refuses(
      request({ headers: { 'x-github-event': undefined } }),
      PayloadError,
      'HEADER_MISSING',
      400,
    );
    expect(noEvent.message).toContain('X-GitHub-Event');
    const noDelivery = await refuses(
      request({ headers: { 'x-github-delivery': undefined } }),
      PayloadError,
      'HEADER_MISSING',
      400,
    );
    expect(noDelivery.message).toContain('X-GitHub-Delivery');
  });
});
