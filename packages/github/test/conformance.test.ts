/**
 * The adapter conformance suite over the GitHub adapter, every delivery signed by its own
 * `sign`: one secret, a rotation signed with the old secret, and a resolver picking the secret
 * by hook ID.
 */
import { describeAdapter } from '@hooklatch/testing/vitest';
import { expect } from 'vitest';
import { github } from '../src/index';

const SECRET = 'github-conformance-secret';
const OLD = 'github-conformance-old-secret';
const body = JSON.stringify({
  zen: 'Keep it logically awesome.',
  hook_id: 1,
  hook: { type: 'Repository', id: 1, active: true, events: ['push'], config: {} },
});
// A redelivery keeps the X-GitHub-Delivery GUID, which is the dedupe ID.
const headers = {
  'x-github-event': 'ping',
  'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
  'x-github-hook-id': '1',
};

describeAdapter({
  name: 'github',
  adapter: () => github({ secret: SECRET }),
  body,
  headers,
  secrets: [SECRET],
  additionalTests: ({ deliver, parse }) => ({
    'the type is X-GitHub-Event and the id the delivery GUID': async () => {
      const event = await parse(deliver());
      expect(event).toMatchObject({
        type: 'ping',
        id: headers['x-github-delivery'],
        idSource: 'delivery',
        meta: { event: 'ping', hookId: '1', keyIndex: 0, bodyFormat: 'json' },
      });
    },
    'the legacy SHA-1 header alone is SIGNATURE_MISSING': async () => {
      const { 'x-hub-signature-256': _dropped, ...rest } = deliver().headers;
      const sha1 = { ...rest, 'x-hub-signature': `sha1=${'0'.repeat(40)}` };
      await expect(parse({ headers: sha1, body })).rejects.toMatchObject({
        code: 'SIGNATURE_MISSING',
        details: { legacyHeaderPresent: true },
      });
    },
  }),
});

describeAdapter({
  name: 'github (rotating secrets, signed with the old one)',
  adapter: () => github({ secrets: [SECRET, OLD] }),
  body,
  headers,
  signOptions: { keyIndex: 1 },
  secrets: [SECRET, OLD],
});

describeAdapter({
  name: 'github (secrets resolver by hook ID)',
  adapter: () =>
    github({ secrets: (d) => (d.headers['x-github-hook-id'] === '1' ? [OLD, SECRET] : []) }),
  body,
  headers,
  // The resolver lists the signing secret second: meta.keyIndex must say 1.
  signOptions: { secret: SECRET, keyIndex: 1 },
  secrets: [SECRET, OLD],
});
