/**
 * The dedupe key of an ID-less sender: the same for true re-deliveries, different for distinct
 * edits, and a configured delivery-ID header when the sender provides one.
 */

import { parseEvent } from '@hooklatch/core';
import { explainFingerprint } from '@hooklatch/core/kit';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { describe, expect, it } from 'vitest';
import { type CreatioEvent, creatio, creatioFingerprintInput } from '../src/index';
import { CONTACT_FLAT, CONTACT_MINIMAL, ORDER_UPDATE } from './support/examples';

const adapter = creatio({ verify: false });
const keyOf = async (body: string | object, using = adapter, headers = {}) =>
  (await parseEvent(using, signedCreatioRequest({ payload: body, headers }))).dedupeKey;

/** The same JSON written differently: keys reversed and pretty-printed. */
function reserialize(payload: object): string {
  const reversed = Object.fromEntries(Object.entries(payload).reverse());
  return JSON.stringify(reversed, null, 4).replace(/\n/g, '\r\n');
}

describe('re-deliveries of one event', () => {
  it.each([
    ['business-process call', ORDER_UPDATE],
    ['flat body', CONTACT_FLAT],
  ])('%s re-serialized (key order, whitespace) -> same key', async (_shape, payload) => {
    const original = await keyOf(payload);
    expect(reserialize(payload)).not.toBe(JSON.stringify(payload));
    expect(await keyOf(reserialize(payload))).toBe(original);
  });

  it('a default volatile field (SentOn) does not change the key', async () => {
    const first = await keyOf({ ...ORDER_UPDATE, SentOn: '2025-01-22T11:23:16Z' });
    const rerun = await keyOf({ ...ORDER_UPDATE, SentOn: '2025-01-22T11:24:46Z' });
    expect(rerun).toBe(first);
    expect(first).toBe(await keyOf(ORDER_UPDATE));
  });

  it('volatileFields replaces the default list', async () => {
    const custom = creatio({ verify: false, volatileFields: ['Meta.Attempt'] });
    const a = await keyOf({ ...ORDER_UPDATE, Meta: { Attempt: 1 } }, custom);
    const b = await keyOf({ ...ORDER_UPDATE, Meta: { Attempt: 2 } }, custom);
    expect(a).toBe(b);
    const sentA = await keyOf({ ...ORDER_UPDATE, SentOn: 'a' }, custom);
    expect(await keyOf({ ...ORDER_UPDATE, SentOn: 'b' }, custom)).not.toBe(sentA);
  });

  it('a configured delivery-ID header is the ID, whatever the body', async () => {
    const withHeader = creatio({ verify: false, deliveryIdHeader: 'X-Creatio-Delivery-Id' });
    const request = (payload: object) =>
      signedCreatioRequest({ payload, deliveryId: 'run-42:element-7' });
    const event = await parseEvent(withHeader, request(ORDER_UPDATE));
    expect(event).toMatchObject({
      id: 'run-42:element-7',
      idSource: 'delivery',
      deliveryId: 'run-42:element-7',
      dedupeKey: 'creatio:run-42:element-7',
    });
    const rerun = await parseEvent(withHeader, request({ ...ORDER_UPDATE, Status: 'x' }));
    expect(rerun.dedupeKey).toBe(event.dedupeKey);
    // Header absent: back to the fingerprint.
    const fallback = await parseEvent(withHeader, signedCreatioRequest({ payload: ORDER_UPDATE }));
    expect(fallback.idSource).toBe('fingerprint');
  });
});

describe('distinct events', () => {
  it('two rapid edits in the same second with different payloads -> different keys', async () => {
    const shipped = await keyOf(ORDER_UPDATE);
    const delivered = await keyOf({ ...ORDER_UPDATE, Status: 'delivered' });
    expect(delivered).not.toBe(shipped);
    const flatA = await keyOf(CONTACT_FLAT);
    expect(await keyOf({ ...CONTACT_FLAT, Email: 'ada@example.org' })).not.toBe(flatA);
  });

  it('subject, type and ModifiedOn are each part of the key', async () => {
    const base = await keyOf(ORDER_UPDATE);
    const otherType = { ...ORDER_UPDATE, EventType: 'status_update_v2' };
    expect(await keyOf(otherType)).not.toBe(base);
    // Same body, a different record identity through the subject column.
    const byOrderId = creatio({ verify: false, subjectKey: { Order: 'OrderID' } });
    expect(await keyOf(ORDER_UPDATE, byOrderId)).not.toBe(base);
    const later = { ...ORDER_UPDATE, ModifiedOn: '2025-01-22T11:23:16Z' };
    expect(await keyOf(later)).not.toBe(base);
  });

  it('equal instants in different spellings of ModifiedOn give one key', async () => {
    const base = await keyOf(ORDER_UPDATE);
    const offset = creatio({ verify: false, volatileFields: ['ModifiedOn'] });
    // ModifiedOn is also in the payload, so drop it there to compare only the timestamp part.
    const a = await keyOf(ORDER_UPDATE, offset);
    const b = await keyOf({ ...ORDER_UPDATE, ModifiedOn: '2025-01-22T13:23:15+02:00' }, offset);
    expect(a).toBe(b);
    expect(a).not.toBe(base);
  });

  it('the documented limit: without ModifiedOn, a repeated identical state collapses', async () => {
    const byEmail = creatio({ verify: false, subjectKey: 'Email' });
    const first = await keyOf(CONTACT_MINIMAL, byEmail);
    const changed = await keyOf({ ...CONTACT_MINIMAL, Name: 'G. Hopper' }, byEmail);
    const changedBack = await keyOf(CONTACT_MINIMAL, byEmail);
    expect(changed).not.toBe(first);
    expect(changedBack).toBe(first); // a legitimate edit, indistinguishable from a retry
  });
});

describe('creatioFingerprintInput', () => {
  it('rebuilds the exact key of a parsed event, and names the parts that differ', async () => {
    const parse = async (body: object) =>
      (await parseEvent(adapter, signedCreatioRequest({ payload: body }))) as CreatioEvent;
    const shipped = await parse(ORDER_UPDATE);
    const explained = explainFingerprint(creatioFingerprintInput(shipped));
    expect(shipped.idSource).toBe('fingerprint');
    expect(explained.key).toBe(shipped.id);
    expect(explained.parts.subject).toBe(shipped.subject);
    expect(explained.parts.timestamp).toBe('2025-01-22T11:23:15.000Z');

    const delivered = await parse({ ...ORDER_UPDATE, Status: 'delivered' });
    const other = explainFingerprint(creatioFingerprintInput(delivered));
    expect(other.key).toBe(delivered.id);
    expect(other.key).not.toBe(explained.key);
    expect(other.parts.payloadHash).not.toBe(explained.parts.payloadHash);
    expect({ ...other.parts, payloadHash: '' }).toEqual({ ...explained.parts, payloadHash: '' });
  });
});
