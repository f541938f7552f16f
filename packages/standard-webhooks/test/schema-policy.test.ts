/**
 * An authentic delivery of a mapped type that fails its schema is not a malformed one:
 * PAYLOAD_SCHEMA_MISMATCH (500, retried) under `schemaPolicy: 'reject'`, or the envelope with
 * `validated: false` under `'envelope'`. A body that fails the envelope stays PAYLOAD_INVALID.
 */
import {
  ConfigurationError,
  type HooklatchError,
  handleWebhook,
  memoryStore,
  PayloadError,
} from '@hooklatch/core';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { standardWebhooks } from '../src/index';
import {
  expectFailure,
  PAYLOAD,
  parseAt,
  RECEIVED_AT,
  RECEIVED_SECONDS,
  SECRET,
} from './support/fixtures';

const events = { 'invoice.paid': z.object({ data: z.object({ amount: z.number() }) }) };
// `amount` as a string: the receiver's schema says number, so the typed schema refuses it.
const drifted = { ...PAYLOAD, data: { id: 'inv_1', amount: '4200' } };
const delivery = (payload: unknown) =>
  signedStandardWebhooksRequest({
    secret: SECRET,
    body: JSON.stringify(payload),
    id: 'msg_policy',
    timestamp: RECEIVED_SECONDS,
  });
const mismatch = { class: PayloadError, code: 'PAYLOAD_SCHEMA_MISMATCH', httpStatus: 500 };

describe("schemaPolicy: 'reject' (the default)", () => {
  const adapter = standardWebhooks({ secret: SECRET, events });

  it('answers PAYLOAD_SCHEMA_MISMATCH 500, a PayloadError naming the paths', async () => {
    const error = await expectFailure(parseAt(adapter, delivery(drifted)), mismatch);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'data.amount' })]);
    expect(error.message).toContain('standard-webhooks invoice.paid');
    expect(error.message).toContain("schemaPolicy: 'envelope'");
    expect(error.message).not.toContain('"4200"');
  });

  it('hands on valid mapped and unmapped events with validated: true', async () => {
    const typed = await parseAt(adapter, delivery(PAYLOAD));
    expect([typed.validated, typed.meta.schemaIssues]).toEqual([true, undefined]);
    const other = await parseAt(adapter, delivery({ ...drifted, type: 'contact.created' }));
    expect(other.validated).toBe(true);
  });

  it('handleWebhook answers 500, so the sender retries after the fix is deployed', async () => {
    const reply = await handleWebhook(delivery(drifted), {
      adapter,
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
  const adapter = standardWebhooks({ secret: SECRET, events, schemaPolicy: 'envelope' });

  it('hands the event on with the envelope, validated: false and the failing paths', async () => {
    const event = await parseAt(adapter, delivery(drifted));
    expect([event.type, event.id, event.validated]).toEqual(['invoice.paid', 'msg_policy', false]);
    expect(event.payload).toEqual(drifted);
    expect(event.meta.schemaIssues).toEqual([expect.objectContaining({ path: 'data.amount' })]);
  });

  it('keys and digests the event as under reject: the same delivery is the same record', async () => {
    const loose = await parseAt(adapter, delivery(drifted));
    const plain = await parseAt(standardWebhooks({ secret: SECRET }), delivery(drifted));
    expect([loose.dedupeKey, loose.digest]).toEqual([plain.dedupeKey, plain.digest]);
  });

  it('still validates what fits: a valid event is typed, validated: true', async () => {
    const event = await parseAt(adapter, delivery(PAYLOAD));
    expect(event.validated).toBe(true);
    expect(event.meta.schemaIssues).toBeUndefined();
  });

  it('a body that fails the envelope is still PAYLOAD_INVALID 422 (malformed, not drift)', async () => {
    const error = await expectFailure(parseAt(adapter, delivery({ ...drifted, type: 7 })), {
      class: PayloadError,
      code: 'PAYLOAD_INVALID',
      httpStatus: 422,
    });
    expect(error.code).toBe('PAYLOAD_INVALID');
  });

  it('handleWebhook processes the delivery instead of losing it', async () => {
    const seen: Array<boolean | undefined> = [];
    const reply = await handleWebhook(delivery(drifted), {
      adapter,
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
    const make = () =>
      standardWebhooks({ secret: SECRET, schemaPolicy: value as 'reject' }) as unknown;
    expect(make).toThrow(ConfigurationError);
    let error: HooklatchError | undefined;
    try {
      make();
    } catch (caught) {
      error = caught as HooklatchError;
    }
    expect(error?.code).toBe('CONFIG_INVALID');
    expect(error?.message).toContain('schemaPolicy');
    expect(error?.message).not.toContain(SECRET);
  });
});
