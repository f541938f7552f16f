import { describeAdapter, signedGithubRequest } from '@hooklatch/testing';
import { github } from '../src/index';

const SECRET = 'github-conformance-secret';
const DELIVERY = '72d3162e-cc78-11e3-81ab-4c9367dc0958';
const body = JSON.stringify({
  zen: 'Keep it logically awesome.',
  hook_id: 1,
  hook: { type: 'Repository', id: 1, active: true, events: ['push'], config: {} },
});

describeAdapter({
  name: 'github',
  adapter: () => github({ secret: SECRET }),
  body,
  // A redelivery keeps the X-GitHub-Delivery GUID, which is the dedupe ID.
  deliver: (b) =>
    signedGithubRequest({ secret: SECRET, event: 'ping', payload: b, deliveryId: DELIVERY }),
  forge: (b) =>
    signedGithubRequest({ secret: 'not-it', event: 'ping', payload: b, deliveryId: DELIVERY }),
  authHeaders: ['X-Hub-Signature-256', 'X-Hub-Signature'],
  secrets: [SECRET],
});
