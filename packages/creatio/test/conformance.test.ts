import { describeAdapter } from '@hooklatch/testing/vitest';
import { creatio } from '../src/index';

const PASSWORD = 'creatio-conformance-password';
const SECRET = 'creatio-conformance-hmac-secret';
const body = JSON.stringify({
  EntitySchemaName: 'Order',
  Operation: 'update',
  Id: '5f0d2a4e-7c1b-4b8e-9f3a-2d6c8e1b0a97',
  OrderID: '12345',
  EventType: 'status_update',
  Status: 'shipped',
  ModifiedOn: '2025-01-22T11:23:15Z',
});

describeAdapter({
  name: 'creatio (basic auth)',
  adapter: () => creatio({ auth: { scheme: 'basic', username: 'creatio', password: PASSWORD } }),
  body,
  secrets: [PASSWORD],
  auth: 'credential',
});

describeAdapter({
  name: 'creatio (bearer, delivery ID)',
  adapter: () =>
    creatio({ auth: { scheme: 'bearer', token: PASSWORD }, deliveryIdHeader: 'X-Delivery' }),
  body,
  headers: { 'x-delivery': 'dlv-7' },
  secrets: [PASSWORD],
  auth: 'credential',
});

describeAdapter({
  name: 'creatio (hmac)',
  adapter: () => creatio({ auth: { scheme: 'hmac', secret: SECRET } }),
  body,
  secrets: [SECRET],
});
