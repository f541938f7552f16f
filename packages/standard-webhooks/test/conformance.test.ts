import { describeAdapter } from '@hooklatch/testing/vitest';
import { standardWebhooks as withEd25519 } from '../src/ed25519';
import { standardWebhooks } from '../src/index';
import { standardWebhooksKeyPair, standardWebhooksSecret } from '../src/testing';

const SECRET = standardWebhooksSecret();
const PREVIOUS = standardWebhooksSecret();
const body = JSON.stringify({
  type: 'invoice.paid',
  timestamp: '2025-01-05T10:15:32Z',
  data: { id: 'inv_1' },
});
// A retry keeps webhook-id (the dedupe ID) and signs a new timestamp.
const headers = { 'webhook-id': 'msg_conformance' };

describeAdapter({
  name: 'standard-webhooks (v1)',
  adapter: () => standardWebhooks({ secret: SECRET }),
  body,
  headers,
  // The default tolerance: signed just inside it passes, just past it fails, both ways.
  toleranceSeconds: 300,
  secrets: [SECRET, SECRET.slice('whsec_'.length)],
});

describeAdapter({
  name: 'standard-webhooks (v1, rotation, svix headers)',
  adapter: () => standardWebhooks({ secrets: [SECRET, PREVIOUS], name: 'acme' }),
  body,
  headers: { 'svix-id': 'msg_svix_conformance' },
  signOptions: { keyIndex: 1 },
  secrets: [SECRET, PREVIOUS, PREVIOUS.slice('whsec_'.length)],
});

// The receiver holds public keys only: the sender's signing key signs, another one forges.
const sender = standardWebhooksKeyPair(new Uint8Array(32).fill(11));
const other = standardWebhooksKeyPair(new Uint8Array(32).fill(12));
const previous = standardWebhooksKeyPair(new Uint8Array(32).fill(13));

describeAdapter({
  name: 'standard-webhooks (v1a)',
  adapter: () => withEd25519({ publicKeys: [sender.publicKey, previous.publicKey] }),
  body,
  headers,
  signOptions: { secret: sender.signingKey },
  forgeSecret: other.signingKey,
  secrets: [sender.signingKey, sender.signingKey.slice('whsk_'.length)],
  additionalTests: ({ deliver, parse }) => ({
    'v1a: meta.keyIndex is the position of the public key that matched': async () => {
      const event = await parse(deliver(undefined, { secret: previous.signingKey }));
      if (event.meta.keyIndex !== 1 || event.meta.signatureVersion !== 'v1a') {
        throw new Error(`expected public key 1 (v1a), got ${String(event.meta.keyIndex)}`);
      }
    },
  }),
});
