/**
 * Payloads that fail a typed schema under the default `schemaPolicy: 'reject'`: createAdapter's
 * PAYLOAD_SCHEMA_MISMATCH names the event (never a value), so the receiver can keep the delivery
 * in the dead letters under its key; after an upgrade (an adapter whose schema accepts it) a
 * replay runs it exactly once.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type InboxStore,
  inboxReceiver,
  memoryInbox,
  PayloadError,
  parseEvent,
  type WebhookEvent,
  worker,
} from '../src/index';
import {
  applySchemaPolicy,
  createAdapter,
  hmacHeaderVerifier,
  schemaMismatchIdentity,
  validatePayload,
} from '../src/kit';
import { sleep, until } from './support/inbox-wait';

const SECRET = 'schema-dead-letter-secret';
const envelope = z.looseObject({ id: z.string().min(1), type: z.string() });
const v1 = z.looseObject({ type: z.literal('order.paid'), amount: z.number() });
// The provider started sending amounts as decimal strings; v2 accepts both.
const v2 = z.looseObject({
  type: z.literal('order.paid'),
  amount: z.union([z.number(), z.string()]),
});

/** An adapter built the standard way, with a typed schema for `order.paid`. */
function shop(schema: z.ZodType, async = false) {
  return createAdapter<WebhookEvent>({
    name: 'shop',
    retentionMs: 86_400_000,
    verify: hmacHeaderVerifier({ provider: 'shop', header: 'x-shop-signature', secret: SECRET }),
    parse(_delivery, _verified, { json, schemaPolicy }) {
      const data = json();
      const env = validatePayload(envelope, data, 'shop');
      const typed = applySchemaPolicy({
        schema,
        data,
        envelope: env,
        policy: schemaPolicy,
        validate: true,
        context: `shop ${env.type}`,
      });
      const parsed = {
        type: env.type,
        id: env.id,
        idSource: 'event' as const,
        payload: typed.payload,
        validated: typed.validated,
      };
      return async ? Promise.resolve(parsed) : parsed;
    },
  });
}

const adapter = shop(v1);
const body = (id: string, amount: unknown) =>
  JSON.stringify({ id, type: 'order.paid', amount, note: 'card-ending-4242' });
const sign = adapter.sign as NonNullable<typeof adapter.sign>;
const deliver = (id: string, amount: unknown) => sign(body(id, amount));

describe('a schema mismatch names its event', () => {
  it('createAdapter adds id, type, digest and keyIndex to the error, never a value', async () => {
    for (const a of [shop(v1), shop(v1, true)]) {
      const error = await parseEvent(a, deliver('evt_1', '12.50')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PayloadError);
      expect(error).toMatchObject({ code: 'PAYLOAD_SCHEMA_MISMATCH', httpStatus: 500 });
      expect(schemaMismatchIdentity(error)).toEqual({
        id: 'evt_1',
        idSource: 'event',
        type: 'order.paid',
        digest: expect.stringMatching(/^sha256:/),
        keyIndex: 0,
      });
      const text = JSON.stringify({
        message: (error as Error).message,
        ...(error as PayloadError).details,
      });
      expect(text).not.toContain('12.50');
      expect(text).not.toContain('4242');
    }
    // The digest is the one a passing parse computes for the same body.
    const fixed = await parseEvent(shop(v2), deliver('evt_1', '12.50'));
    const error = await parseEvent(adapter, deliver('evt_1', '12.50')).catch((e: unknown) => e);
    expect(schemaMismatchIdentity(error)?.digest).toBe(fixed.digest);
  });

  it('a forged delivery never reaches the schema: SIGNATURE_INVALID, no identity', async () => {
    const forged = sign(body('evt_2', 'x'), { secret: 'wrong-secret' });
    const error = await parseEvent(adapter, forged).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'SIGNATURE_INVALID' });
    expect(schemaMismatchIdentity(error)).toBeUndefined();
  });
});

describe("inboxReceiver schemaMismatch: 'dead_letter' under schemaPolicy 'reject'", () => {
  it('keeps the delivery dead under its key, and an upgrade plus a replay runs it once', async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox, schemaMismatch: 'dead_letter', logger: false });
    const answer = await receive(deliver('evt_9', '12.50'));
    expect(answer).toMatchObject({ status: 202, outcome: 'dead_lettered', key: 'shop:evt_9' });
    const entry = await inbox.get('shop:evt_9');
    expect(entry).toMatchObject({ state: 'dead', type: 'order.paid', keyIndex: 0 });
    expect(entry?.lastError?.code).toBe('PAYLOAD_SCHEMA_MISMATCH');
    expect(entry?.lastError?.message).toContain('amount');
    expect(entry?.lastError?.message).not.toContain('12.50');
    // A retry of the same delivery is a duplicate, not a second entry.
    expect(await receive(deliver('evt_9', '12.50'))).toMatchObject({ outcome: 'duplicate' });
    // A good delivery still goes the normal way.
    expect((await receive(deliver('evt_10', 5))).outcome).toBe('enqueued');

    const runs: unknown[] = [];
    const drain = (a: typeof adapter) =>
      worker({
        inbox,
        adapter: a,
        pollMs: 5,
        logger: false,
        schemaMismatch: 'dead_letter',
        handler: (event) => void runs.push(event.payload),
      });
    // Replayed before the upgrade: still refused, back to the dead letters unrun.
    const old = drain(adapter);
    await until(async () => (await inbox.get('shop:evt_10'))?.state === 'completed', 'evt_10');
    expect(await inbox.replay({ key: 'shop:evt_9', reason: 'too early' })).toBe(1);
    await until(async () => (await inbox.get('shop:evt_9'))?.state === 'dead', 'dead again');
    await old.stop();
    expect(runs).toHaveLength(1);

    // After the upgrade, the replay processes it exactly once.
    const upgraded = drain(shop(v2));
    expect(await inbox.replay({ key: 'shop:evt_9', reason: 'schema v2 deployed' })).toBe(1);
    await until(async () => (await inbox.get('shop:evt_9'))?.state === 'completed', 'completed');
    await sleep(50);
    await upgraded.stop();
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ id: 'evt_9', amount: '12.50' });
    expect(await inbox.get('shop:evt_9')).toMatchObject({
      replays: 2,
      replayReason: 'schema v2 deployed',
    });
  });

  it('a keepHeader that drops the signature keeps no dead letter a replay could never verify', async () => {
    const inbox = memoryInbox();
    const options = { adapter, inbox, schemaMismatch: 'dead_letter', logger: false } as const;
    const unsigned = inboxReceiver({
      ...options,
      keepHeader: (name) => name !== 'x-shop-signature',
    });
    expect(await unsigned(deliver('evt_k1', '12.50'))).toMatchObject({
      status: 500,
      error: { code: 'CONFIG_INVALID' },
    });
    expect(await inbox.get('shop:evt_k1')).toBeNull();
    // A keepHeader that keeps what the adapter reads still dead-letters the refused payload.
    const lean = inboxReceiver({ ...options, keepHeader: (name) => name === 'x-shop-signature' });
    expect(await lean(deliver('evt_k2', '12.50'))).toMatchObject({ outcome: 'dead_lettered' });
    expect(Object.keys((await inbox.get('shop:evt_k2'))?.headers ?? {})).toEqual([
      'x-shop-signature',
    ]);
  });

  it("the default 'enqueue' still answers 500 and keeps nothing", async () => {
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox, logger: false });
    const answer = await receive(deliver('evt_1', '12.50'));
    expect(answer).toMatchObject({ status: 500, outcome: 'rejected' });
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'PAYLOAD_SCHEMA_MISMATCH' } });
    expect((await inbox.stats()).total).toBe(0);
  });

  it('a mismatch that names no event (a hand-made adapter) is still answered 500', async () => {
    const inbox: InboxStore = memoryInbox();
    const bare = {
      name: 'bare',
      retentionMs: 60_000,
      parse() {
        throw new PayloadError('PAYLOAD_SCHEMA_MISMATCH', 'bare payload does not fit.');
      },
    };
    const receive = inboxReceiver({
      adapter: bare,
      inbox,
      schemaMismatch: 'dead_letter',
      logger: false,
    });
    expect(await receive({ headers: {}, body: '{}' })).toMatchObject({
      status: 500,
      outcome: 'rejected',
    });
    expect((await inbox.stats()).total).toBe(0);
  });

  it("a worker with 'handle' retries a re-parse mismatch instead of dead-lettering it", async () => {
    const inbox = memoryInbox();
    // Kept by a receiver whose adapter accepted it; the worker's adapter is older.
    await inboxReceiver({ adapter: shop(v2), inbox, logger: false })(deliver('evt_3', '1.00'));
    const reports: string[] = [];
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      logger: false,
      retry: { baseMs: 60_000 },
      handler: () => {},
      onReport: (r) => void reports.push(r.kind),
    });
    await until(async () => reports.includes('retry_scheduled'), 'retry');
    await w.stop();
    expect(await inbox.get('shop:evt_3')).toMatchObject({
      state: 'pending',
      lastError: { code: 'PAYLOAD_SCHEMA_MISMATCH' },
    });
  });
});
