/**
 * A body of a built-in family that has its record ID (what the key needs) but fails the
 * family's typed schema is drift, not malformed: PAYLOAD_SCHEMA_MISMATCH (500, retried) under
 * `schemaPolicy: 'reject'`, or the body with `validated: false` under `'envelope'`. A body
 * without its record ID stays PAYLOAD_INVALID under both.
 */
import { handleWebhook, memoryStore, PayloadError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { qualio } from '../src/index';
import {
  DOCUMENT_APPROVED,
  expectConfigError,
  expectFailure,
  hmacAdapter,
  hmacRequest,
  parseAt,
  RECEIVED_AT,
  SECRET,
} from './support/fixtures';

// `version` as a boolean: the document schema allows a string or a number only.
const drifted = { ...DOCUMENT_APPROVED, version: true };
const mismatch = { class: PayloadError, code: 'PAYLOAD_SCHEMA_MISMATCH', httpStatus: 500 };
const envelopeAdapter = qualio({
  auth: { scheme: 'hmac', secret: SECRET },
  schemaPolicy: 'envelope',
});

describe("schemaPolicy: 'reject' (the default)", () => {
  it('answers PAYLOAD_SCHEMA_MISMATCH 500, a PayloadError naming the paths', async () => {
    const error = await expectFailure(parseAt(hmacAdapter, hmacRequest(drifted)), mismatch);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'version' })]);
    expect(error.message).toContain('qualio document.approved');
    expect(error.message).toContain("schemaPolicy: 'envelope'");
    expect(error.message).not.toContain('DOC-118');
  });

  it("carries the event's identity (never a value) so an inbox can dead-letter it", async () => {
    const error = await expectFailure(parseAt(hmacAdapter, hmacRequest(drifted)), mismatch);
    expect(error.details).toMatchObject({
      eventId: expect.stringMatching(/^fp1:/),
      idSource: 'fingerprint',
      eventType: 'document.approved',
    });
    expect(JSON.stringify(error.details)).not.toContain('DOC-118');
  });

  it('hands on valid events with validated: true', async () => {
    const event = await parseAt(hmacAdapter, hmacRequest(DOCUMENT_APPROVED));
    expect([event.validated, event.meta.schemaIssues]).toEqual([true, undefined]);
  });

  it('handleWebhook answers 500, so the sender retries after the fix is deployed', async () => {
    const reply = await handleWebhook(hmacRequest(drifted), {
      adapter: hmacAdapter,
      store: memoryStore(),
      handler: () => undefined,
      logger: false,
      parse: { receivedAt: RECEIVED_AT },
    });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'PAYLOAD_SCHEMA_MISMATCH' } });
  });
});

describe("schemaPolicy: 'envelope'", () => {
  it('hands the event on with the body, validated: false and the failing paths', async () => {
    const event = await parseAt(envelopeAdapter, hmacRequest(drifted));
    expect([event.type, event.subject, event.validated]).toEqual([
      'document.approved',
      'DOC-118',
      false,
    ]);
    expect(event.payload).toEqual(drifted);
    expect(event.meta).toMatchObject({ family: 'document', subjectField: 'documentId' });
    expect(event.meta.schemaIssues).toEqual([expect.objectContaining({ path: 'version' })]);
  });

  it('keys and digests it like any event: a retry of the same body is the same record', async () => {
    const first = await parseAt(envelopeAdapter, hmacRequest(drifted));
    const retry = await parseAt(envelopeAdapter, hmacRequest({ ...drifted, attempt: 2 }));
    expect(first.dedupeKey.startsWith('qualio:fp1:')).toBe(true);
    expect([retry.dedupeKey, retry.digest]).toEqual([first.dedupeKey, first.digest]);
  });

  it('still validates what fits: a valid event is typed, validated: true', async () => {
    const event = await parseAt(envelopeAdapter, hmacRequest(DOCUMENT_APPROVED));
    expect(event.validated).toBe(true);
    expect(event.meta.schemaIssues).toBeUndefined();
  });

  it('a body without its record ID is still PAYLOAD_INVALID 422 (it cannot be keyed)', async () => {
    const { documentId: _id, ...noId } = drifted;
    const error = await expectFailure(parseAt(envelopeAdapter, hmacRequest(noId)), {
      class: PayloadError,
      code: 'PAYLOAD_INVALID',
      httpStatus: 422,
    });
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'documentId' })]);
  });

  it('handleWebhook processes the delivery instead of losing it', async () => {
    const seen: Array<boolean | undefined> = [];
    const reply = await handleWebhook(hmacRequest(drifted), {
      adapter: envelopeAdapter,
      store: memoryStore(),
      handler: (event) => {
        seen.push(event.validated);
      },
      logger: false,
      parse: { receivedAt: RECEIVED_AT },
    });
    expect(reply.status).toBe(200);
    expect(seen).toEqual([false]);
  });
});

describe('schemaPolicy option', () => {
  it.each([['drop'], [''], [true], [null]])('%j is CONFIG_INVALID naming the option', (value) => {
    const error = expectConfigError(
      () => qualio({ verify: false, schemaPolicy: value as 'reject' }),
      [SECRET],
    );
    expect(error.message).toContain('schemaPolicy');
  });
});
