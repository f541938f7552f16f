import { createHmac } from 'node:crypto';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { describe, expect, it } from 'vitest';

const secret = 'fixture-secret';

describe('signedGithubRequest', () => {
  it('signs the exact JSON body with X-Hub-Signature-256 and sets the GitHub headers', () => {
    const req = signedGithubRequest({
      secret,
      event: 'push',
      payload: { ref: 'refs/heads/main' },
      deliveryId: 'guid-1',
      hookId: '99',
    });
    expect(req.body).toBe('{"ref":"refs/heads/main"}');
    expect(req.headers).toMatchObject({
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-github-delivery': 'guid-1',
      'x-github-hook-id': '99',
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(req.body).digest('hex')}`,
    });
    expect(req.method).toBe('POST');
  });

  it('sends string payloads untouched and gives each request a fresh delivery GUID', () => {
    const a = signedGithubRequest({ secret, event: 'ping', payload: '{ "zen": "x" }' });
    const b = signedGithubRequest({ secret, event: 'ping', payload: '{ "zen": "x" }' });
    expect(a.body).toBe('{ "zen": "x" }');
    expect(a.headers['x-github-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-github-delivery']).not.toBe(b.headers['x-github-delivery']);
  });

  it('form-encodes the payload and signs the encoded body', () => {
    const req = signedGithubRequest({
      secret,
      event: 'push',
      payload: { a: 'b&c' },
      format: 'form',
    });
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(req.body).get('payload')).toBe('{"a":"b&c"}');
    expect(req.headers['x-hub-signature-256']).toBe(
      `sha256=${createHmac('sha256', secret).update(req.body).digest('hex')}`,
    );
  });

  it('lets extra headers override or drop the defaults', () => {
    const req = signedGithubRequest({
      secret,
      event: 'push',
      payload: {},
      headers: { 'X-Hub-Signature-256': undefined, 'X-Custom': 'yes' },
    });
    expect(req.headers['x-hub-signature-256']).toBeUndefined();
    expect(req.headers['x-custom']).toBe('yes');
  });
});
