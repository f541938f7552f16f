/**
 * An authentic delivery of a mapped type that fails its schema is not a malformed one:
 * PAYLOAD_SCHEMA_MISMATCH (500, retried) under `schemaPolicy: 'reject'`, or the envelope with
 * `validated: false` under `'envelope'`. A body that fails the envelope stays PAYLOAD_INVALID.
 */
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { schemaPolicyChecks } from '@hooklatch/testing';
import { describe, it } from 'vitest';
import { z } from 'zod';
import { standardWebhooks } from '../src/index';
import { PAYLOAD, RECEIVED_AT, RECEIVED_SECONDS, SECRET, SECRET_BODY } from './support/fixtures';

const events = { 'invoice.paid': z.object({ data: z.object({ amount: z.number() }) }) };
// `amount` as a string: the receiver's schema says number, so the typed schema refuses it.
const drifted = { ...PAYLOAD, data: { id: 'inv_1', amount: '4200' } };

describe('standardWebhooks() schemaPolicy', () => {
  const checks = schemaPolicyChecks({
    adapter: (schemaPolicy) => standardWebhooks({ secret: SECRET, events, schemaPolicy }),
    deliver: (body) =>
      signedStandardWebhooksRequest({
        secret: SECRET,
        body,
        id: 'msg_policy',
        timestamp: RECEIVED_SECONDS,
      }),
    type: 'invoice.paid',
    valid: PAYLOAD,
    drifted,
    driftedPaths: ['data.amount'],
    malformed: { ...drifted, type: 7 },
    event: { id: 'msg_policy' },
    untyped: { ...drifted, type: 'contact.created' },
    unvalidated: () => standardWebhooks({ secret: SECRET }),
    hidden: ['"4200"'],
    secrets: [SECRET, SECRET_BODY],
    parseOptions: { receivedAt: RECEIVED_AT },
  });
  for (const [name, run] of Object.entries(checks)) it(name, run);
});
