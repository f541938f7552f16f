/** How both body shapes map to subject, type, occurredAt, meta and payload. */
import { parseEvent } from '@hooklatch/core';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { describe, expect, it } from 'vitest';
import { creatio, isFlatEvent, isProcessCallEvent } from '../src/index';
import { CONTACT_FLAT, CONTACT_MINIMAL, ORDER_UPDATE } from './support/examples';

const receivedAt = new Date('2025-01-22T12:00:00Z');
const parse = (adapter: ReturnType<typeof creatio>, payload: unknown) =>
  parseEvent(adapter, signedCreatioRequest({ payload }), { receivedAt });

describe('business-process call shape', () => {
  it('maps entity + Id, EventType, ModifiedOn and keeps every column', async () => {
    const event = await parse(creatio({ verify: false }), ORDER_UPDATE);
    expect(event).toMatchObject({
      provider: 'creatio',
      type: 'status_update',
      subject: `Order:${ORDER_UPDATE.Id}`,
      idSource: 'fingerprint',
      retentionMs: 3 * 24 * 3600 * 1000,
      meta: { shape: 'process-call', entity: 'Order', subjectColumn: 'Id' },
    });
    expect(event.occurredAt.toISOString()).toBe('2025-01-22T11:23:15.000Z');
    expect(event.meta.modifiedOn?.toISOString()).toBe('2025-01-22T11:23:15.000Z');
    expect(event.payload).toEqual(ORDER_UPDATE);
    expect(isProcessCallEvent(event) && event.payload.EntitySchemaName).toBe('Order');
    expect(isFlatEvent(event)).toBe(false);
  });

  it('falls back to Operation when EventType is absent or blank', async () => {
    const { EventType: _, ...plain } = ORDER_UPDATE;
    expect((await parse(creatio({ verify: false }), plain)).type).toBe('update');
    const blank = { ...ORDER_UPDATE, EventType: '  ' };
    expect((await parse(creatio({ verify: false }), blank)).type).toBe('update');
  });

  it('uses a business key column for one entity and Id for the others', async () => {
    const adapter = creatio({ verify: false, subjectKey: { Order: 'OrderID' } });
    const order = await parse(adapter, ORDER_UPDATE);
    expect(order.subject).toBe('Order:12345');
    expect(order.meta.subjectColumn).toBe('OrderID');
    const contact = await parse(adapter, CONTACT_FLAT);
    expect(contact.subject).toBe(`Contact:${CONTACT_FLAT.Id}`);
  });

  it('reads a numeric business key as text', async () => {
    const adapter = creatio({ verify: false, subjectKey: 'OrderID' });
    const event = await parse(adapter, { ...ORDER_UPDATE, OrderID: 12345 });
    expect(event.subject).toBe('Order:12345');
  });
});

describe('flat inbound-webhook shape', () => {
  it('maps EntityName + Id, the default type, and a zone-less ModifiedOn as UTC', async () => {
    const event = await parse(creatio({ verify: false }), CONTACT_FLAT);
    expect(event).toMatchObject({
      type: 'upsert',
      subject: `Contact:${CONTACT_FLAT.Id}`,
      meta: { shape: 'flat', entity: 'Contact' },
    });
    expect(event.occurredAt.toISOString()).toBe('2025-01-22T11:24:02.000Z');
    expect(event.payload).toEqual(CONTACT_FLAT);
    expect(isFlatEvent(event) && event.payload.AccountId).toBe(CONTACT_FLAT.AccountId);
  });

  it('takes Operation and the configured defaultType', async () => {
    const adapter = creatio({ verify: false, defaultType: 'changed' });
    expect((await parse(adapter, CONTACT_FLAT)).type).toBe('changed');
    expect((await parse(adapter, { ...CONTACT_FLAT, Operation: 'delete' })).type).toBe('delete');
  });

  it('without ModifiedOn: occurredAt is the arrival time and meta.modifiedOn is undefined', async () => {
    const adapter = creatio({ verify: false, subjectKey: { Contact: 'Email' } });
    const event = await parse(adapter, CONTACT_MINIMAL);
    expect(event.subject).toBe('Contact:grace@example.com');
    expect(event.occurredAt).toEqual(receivedAt);
    expect(event.meta.modifiedOn).toBeUndefined();
    const nulled = await parse(adapter, { ...CONTACT_MINIMAL, ModifiedOn: null });
    expect(nulled.meta.modifiedOn).toBeUndefined();
    expect(nulled.occurredAt).toEqual(receivedAt);
  });

  it('prefers EntitySchemaName when a body has both entity fields', async () => {
    const event = await parse(creatio({ verify: false }), { ...ORDER_UPDATE, EntityName: 'X' });
    expect(event.meta.shape).toBe('process-call');
    expect(event.subject.startsWith('Order:')).toBe(true);
  });
});

describe('options', () => {
  it('name prefixes the dedupe key; retentionMs is configurable', async () => {
    const adapter = creatio({ verify: false, name: 'creatio-eu', retentionMs: 60_000 });
    const event = await parse(adapter, ORDER_UPDATE);
    expect(event.provider).toBe('creatio-eu');
    expect(event.dedupeKey).toBe(`creatio-eu:${event.id}`);
    expect(event.retentionMs).toBe(60_000);
    // The name is a fingerprint part: two instances never share keys.
    expect(event.id).not.toBe((await parse(creatio({ verify: false }), ORDER_UPDATE)).id);
  });
});
