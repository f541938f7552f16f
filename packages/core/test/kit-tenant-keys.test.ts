/**
 * Only a verification names a tenant: a `secrets` resolver's `{ tenant }` namespaces the dedupe
 * key (`name@tenant:id`), also through a wrapper of the adapter; an adapter's own `meta.tenant`
 * is its data and never changes a key; and no adapter name can hold the `@` or `:` that would
 * let two adapters' keys meet.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryStore, parseEvent, processOnce } from '../src/index';
import { createAdapter, hmacHeaderVerifier, parseJsonBody } from '../src/kit';
import { thrown } from './support/kit-helpers';

const SECRETS: Record<string, string> = { eu: 'tenant-eu-secret', us: 'tenant-us-secret' };

function tenanted(meta?: Record<string, unknown>) {
  return createAdapter({
    name: 'acme',
    retentionMs: 60_000,
    verify: hmacHeaderVerifier({
      provider: 'acme',
      header: 'x-acme-signature',
      secrets: (delivery) => {
        const tenant = delivery.headers['x-tenant'] ?? '';
        return SECRETS[tenant] === undefined ? undefined : { tenant, secrets: [SECRETS[tenant]] };
      },
    }),
    parse: (delivery) => {
      const data = parseJsonBody(delivery.rawBody) as { id: string; type: string };
      return {
        type: data.type,
        id: data.id,
        idSource: 'event',
        payload: data,
        ...(meta ? { meta } : {}),
      };
    },
  });
}

const delivery = (tenant: string, body: object) => {
  const text = JSON.stringify(body);
  const signature = createHmac('sha256', SECRETS[tenant] as string)
    .update(text)
    .digest('hex');
  return { headers: { 'x-acme-signature': signature, 'x-tenant': tenant }, body: text };
};

describe('tenant keys', () => {
  it('the resolver’s tenant names the key, also through a wrapper of the adapter', async () => {
    const adapter = tenanted();
    const event = await parseEvent(adapter, delivery('eu', { id: 'evt_1', type: 't' }));
    expect(event.dedupeKey).toBe('acme@eu:evt_1');
    const wrapped = { ...adapter };
    const again = await parseEvent(wrapped, delivery('eu', { id: 'evt_1', type: 't' }));
    expect(again.dedupeKey).toBe('acme@eu:evt_1');
  });

  it('an adapter’s own meta.tenant is its data: the key is name:id, whatever it says', async () => {
    const own = createAdapter({
      name: 'own',
      retentionMs: 60_000,
      verify: false,
      parse: (d) => {
        const data = parseJsonBody(d.rawBody) as { id: string; type: string; region: string };
        return {
          type: data.type,
          id: data.id,
          idSource: 'event',
          payload: data,
          meta: { tenant: data.region },
        };
      },
    });
    const store = memoryStore();
    let runs = 0;
    for (const region of ['eu-1', 'us-2']) {
      const event = await parseEvent(own, {
        headers: {},
        body: JSON.stringify({ id: 'evt_9', type: 't', region }),
      });
      expect(event.dedupeKey).toBe('own:evt_9');
      await processOnce(store, event, () => void runs++);
    }
    expect(runs).toBe(1);
  });

  it('a name with @ or : is CONFIG_INVALID: it would let two adapters’ keys meet', () => {
    for (const name of ['acme@eu', 'acme:eu']) {
      const error = thrown(() =>
        createAdapter({
          name,
          retentionMs: 60_000,
          verify: false,
          parse: () => ({ type: 't', id: 'x', idSource: 'event', payload: {} }),
        }),
      );
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'name' } });
    }
  });
});
