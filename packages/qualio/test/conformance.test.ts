import { describeAdapter } from '@hooklatch/testing/vitest';
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
  secrets: [SECRET],
});

describeAdapter({
  name: 'qualio (api key, delivery ID)',
  adapter: () => qualio({ auth: { scheme: 'api-key', key: SECRET } }),
  body,
  headers: { 'x-qualio-delivery-id': 'dlv-1' },
  secrets: [SECRET],
  auth: 'credential',
});

describeAdapter({
  name: 'qualio (basic)',
  adapter: () => qualio({ auth: { scheme: 'basic', username: 'hooks', password: SECRET } }),
  body,
  secrets: [SECRET],
  auth: 'credential',
});
