/**
 * inboxReceiver: nothing is acknowledged before it is durable, copies are absorbed, another body
 * under a known key is not, a failing inbox answers 503 (or 500 for a setup mistake), bad input
 * answers its own status, and a payload its schema refused can go to the dead letters.
 */
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { toHex } from '../src/crypto/index';
import {
  ConfigurationError,
  type InboxStore,
  inboxReceiver,
  memoryInbox,
  StoreUnavailableError,
  type WebhookAdapter,
} from '../src/index';
import { hmacSha256 } from '../src/kit';

const adapter = inboxTestAdapter();
const signed = (id: string, extra: Record<string, unknown> = {}) =>
  inboxTestDelivery({ id, type: 'order.paid', ...extra });

/** An inbox whose enqueue fails with `error`. */
function failing(error: unknown): InboxStore {
  return { ...memoryInbox(), enqueue: async () => Promise.reject(error) };
}

/** An adapter with an 'envelope' schema policy: `bad` bodies come back validated: false. */
const envelopeAdapter: WebhookAdapter = {
  name: 'inboxtest',
  retentionMs: 60_000,
  async parse(delivery) {
    const parsed = await adapter.parse(delivery);
    const bad = (parsed.payload as { bad?: boolean }).bad === true;
    return {
      ...parsed,
      ...(bad ? { validated: false } : { validated: true }),
      meta: {
        keyIndex: 1,
        ...(bad ? { schemaIssues: [{ path: 'data.amount', message: 'Expected number' }] } : {}),
      },
    };
  },
};

describe('inboxReceiver', () => {
  it('keeps the raw delivery and answers 202; a copy adds nothing and answers 200', async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox });
    const delivery = signed('e1');
    const input = {
      ...delivery,
      headers: { ...delivery.headers, cookie: 'session=secret', 'x-extra': '1' },
    };
    const first = await receive(input);
    expect(first).toMatchObject({ status: 202, outcome: 'enqueued', key: 'inboxtest:e1' });
    expect(first.headers).toMatchObject({ 'hooklatch-outcome': 'enqueued' });
    expect(JSON.parse(first.body)).toEqual({ outcome: 'enqueued' });
    const entry = await inbox.get('inboxtest:e1');
    expect(new TextDecoder().decode(entry?.body)).toBe(delivery.body);
    expect(entry?.headers).toEqual({
      'content-type': 'application/json',
      'x-inboxtest-timestamp': delivery.headers['x-inboxtest-timestamp'],
      'x-inboxtest-signature': delivery.headers['x-inboxtest-signature'],
      'x-extra': '1',
    });
    expect(entry?.digest).toMatch(/^sha256:/);
    const copy = await receive(input);
    expect(copy).toMatchObject({ status: 200, outcome: 'duplicate' });
    expect(copy.headers['hooklatch-outcome']).toBe('duplicate');
    expect((await inbox.stats()).total).toBe(1);
  });

  it('a digest of another scheme under a known key is a duplicate, not a mismatch', async () => {
    // An entry kept by a version that digested canonically, received again by one whose
    // adapter digests the signed bytes: the key decides.
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox });
    await receive(signed('e1', { amount: 1 }));
    const kept = (await inbox.get('inboxtest:e1'))?.digest;
    expect(kept).toMatch(/^sha256:/);
    const rescheme: WebhookAdapter = {
      ...adapter,
      async parse(delivery) {
        return { ...(await adapter.parse(delivery)), digest: `sha256-body:${'0'.repeat(64)}` };
      },
    };
    const again = await inboxReceiver({ adapter: rescheme, inbox })(signed('e1', { amount: 1 }));
    expect(again).toMatchObject({ status: 200, outcome: 'duplicate' });
  });

  it('another body under a known key is a mismatch (422), never a silent duplicate', async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox, mismatchStatus: 409 });
    await receive(signed('e1', { amount: 1 }));
    const other = await receive(signed('e1', { amount: 2 }));
    expect(other).toMatchObject({ status: 409, outcome: 'mismatch' });
    expect(new TextDecoder().decode((await inbox.get('inboxtest:e1'))?.body)).toContain(
      '"amount":1',
    );
  });

  it('answers 503 + Retry-After when the inbox cannot persist, 500 for a setup mistake', async () => {
    const closed = memoryInbox();
    await closed.close?.();
    const down = await inboxReceiver({ adapter, inbox: closed })(signed('e1'));
    expect(down).toMatchObject({ status: 503, outcome: 'store_unavailable' });
    expect(down.headers['retry-after']).toBe('5');
    expect(JSON.parse(down.body)).toEqual({
      outcome: 'store_unavailable',
      code: 'STORE_UNAVAILABLE',
    });
    const full = await inboxReceiver({
      adapter,
      inbox: failing(new StoreUnavailableError('full', { code: 'STORE_FULL' })),
    })(signed('e1'));
    expect(full).toMatchObject({ status: 503, outcome: 'store_unavailable' });
    const unknown = await inboxReceiver({ adapter, inbox: failing(new Error('socket hang up')) })(
      signed('e1'),
    );
    expect(unknown).toMatchObject({ status: 503, outcome: 'store_unavailable' });
    const setup = await inboxReceiver({
      adapter,
      inbox: failing(new ConfigurationError('CONFIG_INVALID', 'no table')),
    })(signed('e1'));
    expect(setup).toMatchObject({ status: 500, outcome: 'failed' });
    const garbage = { ...memoryInbox(), enqueue: async () => ({}) as never };
    expect((await inboxReceiver({ adapter, inbox: garbage })(signed('e1'))).status).toBe(503);
  });

  it('bad input answers its own status and keeps nothing', async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox, maxBodyBytes: 200 });
    const good = signed('e1');
    const forged = await receive({
      ...good,
      headers: { ...good.headers, 'x-inboxtest-signature': '00' },
    });
    expect(forged).toMatchObject({ status: 401, outcome: 'rejected' });
    expect(forged.body).not.toContain('e1');
    // Like every answer: the outcome in the header and the body, the error beside it.
    expect(forged.headers['hooklatch-outcome']).toBe('rejected');
    expect(JSON.parse(forged.body)).toMatchObject({
      outcome: 'rejected',
      code: 'SIGNATURE_INVALID',
      error: { code: 'SIGNATURE_INVALID' },
    });
    const stale = inboxTestDelivery(
      { id: 'e2', type: 't' },
      { signedAt: new Date(Date.now() - 3_600_000) },
    );
    expect(await receive(stale)).toMatchObject({ status: 401, outcome: 'rejected' });
    const big = signed('e3', { pad: 'x'.repeat(500) });
    expect(await receive(big)).toMatchObject({ status: 413, outcome: 'rejected' });
    const get = await receive({ ...good, method: 'GET' });
    expect(get).toMatchObject({ status: 405, headers: { allow: 'POST' } });
    expect(get.headers['hooklatch-outcome']).toBe('rejected');
    expect((await inbox.stats()).total).toBe(0);
  });

  it('text that lost the bytes sent (a dropped BOM) is 500 RAW_BODY_REQUIRED, nothing kept', async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({
      adapter: inboxTestAdapter('bom-secret'),
      inbox,
      logger: false,
    });
    const bytes = Buffer.from(`\uFEFF${JSON.stringify({ id: 'e_bom', type: 'order.paid' })}`);
    const stamp = String(Math.floor(Date.now() / 1000));
    const signature = toHex(
      hmacSha256('bom-secret', Buffer.concat([Buffer.from(`${stamp}.`), bytes])),
    );
    const headers = {
      'x-inboxtest-timestamp': stamp,
      'x-inboxtest-signature': signature,
      'content-length': String(bytes.length),
    };
    // What `await request.text()` hands over: the BOM is gone.
    const answer = await receive({ headers, body: new TextDecoder().decode(bytes) });
    expect(answer).toMatchObject({ status: 500, error: { code: 'RAW_BODY_REQUIRED' } });
    expect(await inbox.get('inboxtest:e_bom')).toBeNull();
    expect(await receive({ headers, body: bytes })).toMatchObject({ status: 202 });
  });

  it('dead-letters a payload its schema refused (envelope policy), answering 202', async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({
      adapter: envelopeAdapter,
      inbox,
      schemaMismatch: 'dead_letter',
    });
    const bad = await receive(signed('e1', { bad: true, amount: 'secret-ish value' }));
    expect(bad).toMatchObject({ status: 202, outcome: 'dead_lettered' });
    const entry = await inbox.get('inboxtest:e1');
    expect(entry).toMatchObject({ state: 'dead', keyIndex: 1 });
    expect(entry?.lastError?.code).toBe('PAYLOAD_SCHEMA_MISMATCH');
    expect(entry?.lastError?.message).toContain('data.amount');
    expect(entry?.lastError?.message).not.toContain('secret-ish');
    expect((await receive(signed('e2'))).outcome).toBe('enqueued');
    // Default: the envelope event is kept like any other.
    const keep = inboxReceiver({ adapter: envelopeAdapter, inbox: memoryInbox() });
    expect((await keep(signed('e3', { bad: true }))).outcome).toBe('enqueued');
  });

  it('refuses a bad setup at construction and survives a throwing onEnqueued', async () => {
    const inbox = memoryInbox();
    for (const options of [
      { adapter: {} as WebhookAdapter, inbox },
      { adapter, inbox: {} as InboxStore },
      { adapter, inbox, acceptedStatus: 300 },
      { adapter, inbox, mismatchStatus: 200 },
      { adapter, inbox, schemaMismatch: 'drop' as never },
      { adapter, inbox, keepHeader: 'all' as never },
    ]) {
      expect(() => inboxReceiver(options)).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    }
    const woken: string[] = [];
    const receive = inboxReceiver({
      adapter,
      inbox,
      acceptedStatus: 200,
      keepHeader: (name) => name.startsWith('x-inboxtest-'),
      onEnqueued: (key) => {
        woken.push(key);
        throw new Error('ignored');
      },
    });
    expect(await receive(signed('e1'))).toMatchObject({ status: 200, outcome: 'enqueued' });
    expect(woken).toEqual(['inboxtest:e1']);
    expect(Object.keys((await inbox.get('inboxtest:e1'))?.headers ?? {}).sort()).toEqual([
      'x-inboxtest-signature',
      'x-inboxtest-timestamp',
    ]);
  });

  it('refuses, before anything is stored, a keepHeader that would make the entry unverifiable', async () => {
    const inbox = memoryInbox();
    const asyncKeep = inboxReceiver({ adapter, inbox, keepHeader: (async () => true) as never });
    expect(await asyncKeep(signed('e_async'))).toMatchObject({
      status: 500,
      error: { code: 'CONFIG_INVALID' },
    });
    const tooFew = inboxReceiver({
      adapter,
      inbox,
      keepHeader: (name) => name === 'x-inboxtest-timestamp',
    });
    const refused = await tooFew(signed('e_few'));
    expect(refused).toMatchObject({ status: 500, error: { code: 'CONFIG_INVALID' } });
    expect(await inbox.get('inboxtest:e_async')).toBeNull();
    expect(await inbox.get('inboxtest:e_few')).toBeNull();
  });

  it('ignores an onEnqueued that rejects: no unhandled rejection, the delivery stays kept', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const inbox = memoryInbox();
      const receive = inboxReceiver({
        adapter,
        inbox,
        onEnqueued: (async () => {
          throw new Error('wake-up failed');
        }) as never,
      });
      expect(await receive(signed('e_wake'))).toMatchObject({ outcome: 'enqueued' });
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
      expect((await inbox.get('inboxtest:e_wake'))?.state).toBe('pending');
    } finally {
      process.off('unhandledRejection', listener);
    }
  });
});
