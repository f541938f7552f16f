/**
 * A body of a built-in family that has its record ID (what the key needs) but fails the
 * family's typed schema is drift, not malformed: PAYLOAD_SCHEMA_MISMATCH (500, retried) under
 * `schemaPolicy: 'reject'`, or the body with `validated: false` under `'envelope'`. A body
 * without its record ID stays PAYLOAD_INVALID under both.
 */
import { schemaPolicyChecks } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { qualio } from '../src/index';
import {
  ALL_SECRETS,
  DOCUMENT_APPROVED,
  hmacRequest,
  parseAt,
  RECEIVED_AT,
  SECRET,
} from './support/fixtures';

// `version` as a boolean: the document schema allows a string or a number only.
const drifted = { ...DOCUMENT_APPROVED, version: true };
const { documentId: _id, ...noId } = drifted;
const policyAdapter = (schemaPolicy: 'reject' | 'envelope' | undefined) =>
  qualio({ auth: { scheme: 'hmac', secret: SECRET }, schemaPolicy });

describe('qualio() schemaPolicy', () => {
  const checks = schemaPolicyChecks({
    adapter: policyAdapter,
    deliver: hmacRequest,
    type: 'document.approved',
    valid: DOCUMENT_APPROVED,
    drifted,
    driftedPaths: ['version'],
    malformed: noId,
    malformedPaths: ['documentId'],
    event: {
      subject: 'DOC-118',
      idSource: 'fingerprint',
      meta: { family: 'document', subjectField: 'documentId' },
    },
    hidden: ['DOC-118'],
    secrets: ALL_SECRETS,
    parseOptions: { receivedAt: RECEIVED_AT },
  });
  for (const [name, run] of Object.entries(checks)) it(name, run);

  it("'envelope': keyed by fingerprint, so a retry of the same body is the same record", async () => {
    const envelopeAdapter = policyAdapter('envelope');
    const first = await parseAt(envelopeAdapter, hmacRequest(drifted));
    const retry = await parseAt(envelopeAdapter, hmacRequest({ ...drifted, attempt: 2 }));
    expect(first.id).toMatch(/^fp1:/);
    expect(first.dedupeKey.startsWith('qualio:fp1:')).toBe(true);
    expect([retry.dedupeKey, retry.digest]).toEqual([first.dedupeKey, first.digest]);
  });
});
