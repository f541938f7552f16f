/** resolveEventId: event ID > delivery header > fingerprint, and the header/path readers. */
import { fingerprint, idFromHeader, idFromPath, resolveEventId } from '@hooklatch/core/kit';
import { describe, expect, it, vi } from 'vitest';
import { rawDelivery } from './support/kit-helpers';

const payload = {
  id: 'evt_42',
  type: 'issue.updated',
  createdAt: '2025-01-22T11:23:15Z',
  webhookTimestamp: 1737545000123,
  data: { id: 'iss_7', title: 'Fix it', number: 17 },
};
const body = JSON.stringify(payload);
const parts = {
  provider: 'acme',
  subject: 'iss_7',
  eventType: 'issue.updated',
  timestamp: '2025-01-22T11:23:15Z',
};

describe('resolveEventId', () => {
  it('prefers the event ID and still reports the delivery ID', () => {
    const thunk = vi.fn(() => parts);
    const resolved = resolveEventId({
      delivery: rawDelivery(body, { 'Acme-Delivery': 'dlv_1' }),
      payload,
      eventIdPath: 'id',
      deliveryIdHeader: 'Acme-Delivery',
      fingerprint: thunk,
    });
    expect(resolved).toEqual({ id: 'evt_42', idSource: 'event', deliveryId: 'dlv_1' });
    expect(thunk).not.toHaveBeenCalled();
  });

  it('reads the event ID at a nested path, numbers as text', () => {
    const resolved = resolveEventId({
      delivery: rawDelivery(body),
      payload,
      eventIdPath: 'data.number',
      fingerprint: () => parts,
    });
    expect(resolved).toEqual({ id: '17', idSource: 'event' });
    expect(resolved).not.toHaveProperty('deliveryId');
  });

  it('falls back to the delivery header when the body has no event ID, without hashing', () => {
    const thunk = vi.fn(() => parts);
    for (const eventIdPath of [undefined, 'missing.id', 'data.title.x']) {
      const resolved = resolveEventId({
        delivery: rawDelivery(body, { 'acme-delivery': '  dlv_2  ' }),
        payload,
        ...(eventIdPath === undefined ? {} : { eventIdPath }),
        deliveryIdHeader: 'Acme-Delivery',
        fingerprint: thunk,
      });
      expect(resolved).toEqual({ id: 'dlv_2', idSource: 'delivery', deliveryId: 'dlv_2' });
    }
    expect(thunk).not.toHaveBeenCalled();
  });

  it('treats a blank event ID and a blank delivery header as absent', () => {
    const thunk = vi.fn(() => parts);
    const resolved = resolveEventId({
      delivery: rawDelivery(body, { 'acme-delivery': '   ' }),
      payload: { ...payload, id: '  ' },
      eventIdPath: 'id',
      deliveryIdHeader: 'Acme-Delivery',
      fingerprint: thunk,
    });
    expect(resolved.idSource).toBe('fingerprint');
    expect(resolved).not.toHaveProperty('deliveryId');
    expect(thunk).toHaveBeenCalledTimes(1);
  });

  it('falls back to an fp1 fingerprint of the parsed payload', () => {
    const thunk = vi.fn(() => parts);
    const resolved = resolveEventId({
      delivery: rawDelivery(body),
      payload,
      deliveryIdHeader: 'Acme-Delivery',
      fingerprint: thunk,
    });
    expect(thunk).toHaveBeenCalledTimes(1);
    expect(resolved).toEqual({ id: fingerprint({ ...parts, payload }), idSource: 'fingerprint' });
    expect(resolved.id).toMatch(/^fp1:[0-9a-f]{64}$/);
  });

  it('uses an explicit payload and volatile fields from the thunk', () => {
    const resolve = (p: unknown, more: object) =>
      resolveEventId({
        delivery: rawDelivery(body),
        payload: p,
        fingerprint: () => ({ ...parts, ...more }),
      }).id;
    const explicit = resolve(payload, { payload: { only: 'this' } });
    expect(explicit).toBe(fingerprint({ ...parts, payload: { only: 'this' } }));
    expect(explicit).not.toBe(resolve(payload, {}));
    // An explicit payload wins even when it is null.
    expect(resolve(payload, { payload: null })).toBe(fingerprint({ ...parts, payload: null }));
    // A re-send that changes only a declared volatile field collapses onto the same key...
    const resent = { ...payload, webhookTimestamp: payload.webhookTimestamp + 60_000 };
    const volatile = { volatileFields: ['webhookTimestamp'] };
    expect(resolve(resent, volatile)).toBe(resolve(payload, volatile));
    // ...and does not without the declaration.
    expect(resolve(resent, {})).not.toBe(resolve(payload, {}));
    // A real change does not collapse.
    const edited = { ...payload, data: { ...payload.data, title: 'Fixed' } };
    expect(resolve(edited, volatile)).not.toBe(resolve(payload, volatile));
  });

  it('does not read a delivery header or event path that was not declared', () => {
    const resolved = resolveEventId({
      delivery: rawDelivery(body, { 'acme-delivery': 'dlv_3' }),
      payload,
      fingerprint: () => parts,
    });
    expect(resolved.idSource).toBe('fingerprint');
    expect(resolved).not.toHaveProperty('deliveryId');
  });
});

describe('idFromHeader and idFromPath', () => {
  it('reads a header whatever the case of the name, trimmed', () => {
    const delivery = rawDelivery('{}', { 'x-delivery-id': ' abc ' });
    expect(idFromHeader(delivery, 'X-Delivery-ID')).toBe('abc');
    expect(idFromHeader(delivery, 'x-delivery-id')).toBe('abc');
    expect(idFromHeader(delivery, 'X-DELIVERY-ID')).toBe('abc');
  });

  it('returns undefined for an absent or blank header', () => {
    expect(idFromHeader(rawDelivery('{}'), 'X-Delivery-Id')).toBeUndefined();
    expect(
      idFromHeader(rawDelivery('{}', { 'x-delivery-id': '' }), 'X-Delivery-Id'),
    ).toBeUndefined();
    expect(
      idFromHeader(rawDelivery('{}', { 'x-delivery-id': ' \t ' }), 'X-Delivery-Id'),
    ).toBeUndefined();
  });

  it('reads strings and finite numbers at a path', () => {
    expect(idFromPath(payload, 'data.id')).toBe('iss_7');
    expect(idFromPath(payload, 'data.number')).toBe('17');
    expect(idFromPath(payload, 'data')).toBeUndefined();
    expect(idFromPath({ id: Number.NaN }, 'id')).toBeUndefined();
    expect(idFromPath(null, 'id')).toBeUndefined();
  });
});
