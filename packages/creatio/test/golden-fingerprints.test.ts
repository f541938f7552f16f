/**
 * Golden fp1 keys of Creatio deliveries. They pin both core's frozen fp1 and this adapter's
 * choice of parts (subject, type, ModifiedOn, payload minus volatile fields): if one changes,
 * every stored dedupe key silently stops matching its retries.
 */
import { createHash } from 'node:crypto';
import { parseEvent } from '@hooklatch/core';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { describe, expect, it } from 'vitest';
import { creatio } from '../src/index';
import { CONTACT_FLAT, CONTACT_MINIMAL, ORDER_UPDATE } from './support/examples';

const byId = creatio({ verify: false });
const byBusinessKey = creatio({
  verify: false,
  subjectKey: { Order: 'OrderID', Contact: 'Email' },
});

const GOLDEN = {
  orderById: 'fp1:4f4847d941206150845ec24fbb47e8351713cc91a70c87e7e387e69d716216b1',
  orderByOrderId: 'fp1:2667d2aed9b658e37606307ba0bd3f2a30bf3373efa9864c528dbfe26706cbb0',
  contactFlat: 'fp1:dec3c11229285efda4d5845ddfb04ecb44a75085e76448d12cfef7b0dbd11a1b',
  contactMinimal: 'fp1:df36e183164737245353772a90f856c664caf894f289d4003e72041adbf4f86a',
};

async function keyOf(adapter: typeof byId, payload: unknown) {
  const event = await parseEvent(adapter, signedCreatioRequest({ payload }));
  expect(event.idSource).toBe('fingerprint');
  expect(event.dedupeKey).toBe(`creatio:${event.id}`);
  return event.id;
}

describe('golden fp1 keys', () => {
  it('business-process call, subject by Id and by OrderID', async () => {
    expect(await keyOf(byId, ORDER_UPDATE)).toBe(GOLDEN.orderById);
    expect(await keyOf(byBusinessKey, ORDER_UPDATE)).toBe(GOLDEN.orderByOrderId);
  });

  it('flat body with a zone-less ModifiedOn read as UTC', async () => {
    expect(await keyOf(byId, CONTACT_FLAT)).toBe(GOLDEN.contactFlat);
  });

  it('flat body without Id or ModifiedOn, keyed by Email', async () => {
    expect(await keyOf(byBusinessKey, CONTACT_MINIMAL)).toBe(GOLDEN.contactMinimal);
  });

  it('matches an independent implementation of the documented fp1 steps', () => {
    const h = (s: string | Buffer) => createHash('sha256').update(s).digest();
    const lp = (s: string) =>
      Buffer.concat([Buffer.from(`${Buffer.byteLength(s)}:`), Buffer.from(s)]);
    // Keys sorted by code point, no whitespace; no default volatile field is present.
    const canonical =
      '{"EntitySchemaName":"Order","EventType":"status_update",' +
      '"Id":"5f0d6d4e-8f2a-4c1b-9a53-2f1e0c7b9d11","ModifiedOn":"2025-01-22T11:23:15Z",' +
      '"Operation":"update","OrderID":"12345","Status":"shipped"}';
    const parts = [
      'fp1',
      'creatio',
      'Order:5f0d6d4e-8f2a-4c1b-9a53-2f1e0c7b9d11',
      'status_update',
      '2025-01-22T11:23:15.000Z',
      '0',
      h(canonical).toString('hex'),
    ];
    expect(`fp1:${h(Buffer.concat(parts.map(lp))).toString('hex')}`).toBe(GOLDEN.orderById);
  });

  it('hashes a missing ModifiedOn as an empty timestamp, never the arrival time', () => {
    const h = (s: string | Buffer) => createHash('sha256').update(s).digest();
    const lp = (s: string) =>
      Buffer.concat([Buffer.from(`${Buffer.byteLength(s)}:`), Buffer.from(s)]);
    const canonical = '{"Email":"grace@example.com","EntityName":"Contact","Name":"Grace Hopper"}';
    const parts = ['fp1', 'creatio', 'Contact:grace@example.com', 'upsert', '', '0'];
    const encoded = Buffer.concat([...parts.map(lp), lp(h(canonical).toString('hex'))]);
    expect(`fp1:${h(encoded).toString('hex')}`).toBe(GOLDEN.contactMinimal);
  });
});
