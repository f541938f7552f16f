import { describeAdapter, signedQualioRequest } from '@hooklatch/testing';
import { qualio } from '../src/index';

const SECRET = 'qualio-conformance-secret';
const body = JSON.stringify({
  eventType: 'nc.updated',
  ncId: 'NC-2025-001',
  timestamp: '2025-01-05T10:15:32Z',
  changedField: 'status',
  status: 'closed',
});

// No delivery ID: the suite's retry and concurrency checks exercise the fingerprint.
describeAdapter({
  name: 'qualio (hmac, fingerprint)',
  adapter: () => qualio({ auth: { scheme: 'hmac', secret: SECRET } }),
  body,
  deliver: (b) => signedQualioRequest({ payload: b, auth: { hmacSecret: SECRET } }),
  forge: (b) => signedQualioRequest({ payload: b, auth: { hmacSecret: 'wrong-secret' } }),
  authHeaders: ['X-Qualio-Signature'],
  secrets: [SECRET],
});

describeAdapter({
  name: 'qualio (api key, delivery ID)',
  adapter: () => qualio({ auth: { scheme: 'api-key', key: SECRET } }),
  body,
  deliver: (b) =>
    signedQualioRequest({ payload: b, auth: { apiKey: SECRET }, deliveryId: 'dlv-1' }),
  forge: (b) =>
    signedQualioRequest({ payload: b, auth: { apiKey: 'wrong-key' }, deliveryId: 'dlv-1' }),
  authHeaders: ['X-Api-Key'],
  secrets: [SECRET],
  skip: [{ reason: 'an API key does not cover the body', tests: ['a tampered body is rejected'] }],
});
