/** signedQualioRequest from @hooklatch/testing, checked against node:crypto and Buffer. */
import { createHmac } from 'node:crypto';
import { signedQualioRequest } from '@hooklatch/qualio/testing';
import { describe, expect, it } from 'vitest';
import { API_KEY, BASIC, NC_STATUS, NC_UPDATED_BODY, SECRET } from './support/fixtures';

describe('signedQualioRequest', () => {
  it('posts the payload as JSON, with no auth or delivery ID unless asked', () => {
    const request = signedQualioRequest({ payload: NC_STATUS });
    expect(request).toEqual({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(NC_STATUS),
    });
    expect(signedQualioRequest({ payload: NC_UPDATED_BODY }).body).toBe(NC_UPDATED_BODY);
  });

  it('signs the exact body as sha256=<hex> in X-Qualio-Signature', () => {
    const request = signedQualioRequest({
      payload: NC_UPDATED_BODY,
      auth: { scheme: 'hmac', secret: SECRET },
    });
    const expected = createHmac('sha256', SECRET).update(NC_UPDATED_BODY).digest('hex');
    expect(request.headers['x-qualio-signature']).toBe(`sha256=${expected}`);
    const renamed = signedQualioRequest({
      payload: NC_UPDATED_BODY,
      auth: { scheme: 'hmac', secret: SECRET, header: 'X-Signature' },
    });
    expect(renamed.headers['x-signature']).toBe(`sha256=${expected}`);
    expect(renamed.headers['x-qualio-signature']).toBeUndefined();
  });

  it('sends an API key in X-Api-Key or the given header', () => {
    expect(
      signedQualioRequest({ payload: {}, auth: { scheme: 'api-key', key: API_KEY } }).headers,
    ).toMatchObject({
      'x-api-key': API_KEY,
    });
    const custom = signedQualioRequest({
      payload: {},
      auth: { scheme: 'api-key', key: API_KEY, header: 'X-Key' },
    });
    expect(custom.headers['x-key']).toBe(API_KEY);
  });

  it('sends basic credentials as base64 of user:password', () => {
    const request = signedQualioRequest({ payload: {}, auth: { scheme: 'basic', ...BASIC } });
    const encoded = Buffer.from(`${BASIC.username}:${BASIC.password}`).toString('base64');
    expect(request.headers.authorization).toBe(`Basic ${encoded}`);
  });

  it('adds the delivery ID and applies extra headers last', () => {
    const request = signedQualioRequest({
      payload: {},
      deliveryId: 'dlv-1',
      headers: { 'Content-Type': undefined, 'X-Trace': 't-1' },
    });
    expect(request.headers).toEqual({ 'x-qualio-delivery-id': 'dlv-1', 'x-trace': 't-1' });
  });
});
