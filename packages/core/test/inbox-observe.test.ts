/**
 * Observing inbox mode: `inboxReceiver` and `worker` take processOnce's `hooks` and `logger`
 * (the default logger prints a handler error once, never a payload or a handler's message),
 * publish on the diagnostics channels (parse; handle and complete in the worker; warnings,
 * the dead-letter one included), and build nothing when nothing observes.
 */
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { entryObservation } from '../src/inbox/entry-observation';
import { inboxObserver } from '../src/inbox/observe-options';
import { receiptObservation } from '../src/inbox/receipt-observation';
import {
  type InboxStore,
  inboxReceiver,
  memoryInbox,
  type WorkerHooks,
  type WorkerOptions,
  type WorkerOutcomeReport,
  worker,
} from '../src/index';
import { recordChannels } from './support/channel-recorder';
import { envelopeOnly } from './support/envelope-only';
import { until } from './support/inbox-wait';

const adapter = inboxTestAdapter();
const SECRET_WORDS = ['PAYLOAD-4242', 'sk_live_HANDLER', 'inbox-suite-secret'];
const signed = (id: string) => inboxTestDelivery({ id, type: 'order.paid', card: 'PAYLOAD-4242' });
async function filled(ids: string[]): Promise<InboxStore> {
  const inbox = memoryInbox();
  const receive = inboxReceiver({ adapter, inbox, logger: false });
  for (const id of ids) await receive(signed(id));
  return inbox;
}

function pinoLike() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const method = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  const logger = {
    levels: { values: {} },
    bindings: () => ({}),
    child: () => logger,
    error: method('error'),
    warn: method('warn'),
    info: method('info'),
    debug: method('debug'),
  };
  return { logger, lines, events: () => lines.map((l) => `${l.level}:${l.fields.hooklatch}`) };
}

const failing = () => {
  throw Object.assign(new Error('charge failed for sk_live_HANDLER card PAYLOAD-4242'), {
    code: 'E_CHARGE',
  });
};

/** A quiet worker with `options` (a failing one, with one attempt, by default) until `id` is `state`. */
async function runUntil(
  inbox: InboxStore,
  id: string,
  state: 'dead' | 'completed',
  options: Partial<WorkerOptions<typeof adapter>> = { maxAttempts: 1, handler: failing },
): Promise<void> {
  const w = worker({ inbox, adapter, pollMs: 5, logger: false, handler: failing, ...options });
  await until(async () => (await inbox.get(`inboxtest:${id}`))?.state === state, state);
  await w.stop();
}

afterEach(() => vi.restoreAllMocks());

describe('inboxReceiver hooks and logger', () => {
  it('reports the receipt before the enqueue and every answer; a throwing hook changes nothing', async () => {
    const inbox = memoryInbox();
    const seen: string[] = [];
    const outcomes: Record<string, unknown>[] = [];
    const receive = inboxReceiver({
      adapter,
      inbox,
      logger: false,
      hooks: {
        onReceipt: (r) => {
          seen.push(`receipt:${r.key}`);
          void inbox.get(r.key).then((e) => seen.push(`kept-at-receipt:${e !== null}`));
          throw new Error('hook bug');
        },
        onOutcome: (r) => {
          outcomes.push({ ...r });
          return Promise.reject(new Error('async hook bug'));
        },
      },
    });
    expect((await receive(signed('e1'))).status).toBe(202);
    expect((await receive(signed('e1'))).status).toBe(200);
    const good = signed('e2');
    const forged = { ...good, headers: { ...good.headers, 'x-inboxtest-signature': '00' } };
    expect((await receive(forged)).status).toBe(401);
    expect(seen.slice(0, 2)).toEqual(['receipt:inboxtest:e1', 'kept-at-receipt:false']);
    expect(outcomes).toEqual([
      expect.objectContaining({
        outcome: 'enqueued',
        status: 202,
        key: 'inboxtest:e1',
        eventId: 'e1',
        idSource: 'event',
        type: 'order.paid',
        provider: 'inboxtest',
      }),
      expect.objectContaining({ outcome: 'duplicate', status: 200, key: 'inboxtest:e1' }),
      expect.objectContaining({
        outcome: 'rejected',
        status: 401,
        key: '',
        provider: 'inboxtest',
        errorCode: 'SIGNATURE_INVALID',
        errorName: 'VerificationError',
      }),
    ]);
    for (const o of outcomes) expect(typeof o.durationMs).toBe('number');
  });

  it('logs facts at their levels, the dead letter as a warning, never the payload', async () => {
    const { logger, lines, events } = pinoLike();
    const envelope = envelopeOnly(adapter, 'card');
    const receive = inboxReceiver({
      adapter: envelope,
      inbox: memoryInbox(),
      logger,
      schemaMismatch: 'dead_letter',
    });
    const warnings: unknown[] = [];
    const plain = inboxReceiver({
      adapter,
      inbox: memoryInbox(),
      logger,
      hooks: { onWarning: (w) => warnings.push(w) },
    });
    await plain(signed('a'));
    await plain(signed('a'));
    await receive(signed('b'));
    const closed = memoryInbox();
    await closed.close?.();
    await inboxReceiver({ adapter, inbox: closed, logger })(signed('c'));
    expect(events()).toEqual([
      'info:receipt',
      'debug:enqueued',
      'info:receipt',
      'info:duplicate',
      'info:receipt',
      'warn:warning',
      'info:receipt',
      'error:inbox_unavailable',
    ]);
    expect(lines[5]?.fields).toMatchObject({
      kind: 'dead_lettered',
      key: 'inboxtest:b',
      attempts: 0,
      errorCode: 'PAYLOAD_SCHEMA_MISMATCH',
    });
    expect(lines[7]?.fields).toMatchObject({
      key: 'inboxtest:c',
      outcome: 'store_unavailable',
      status: 503,
      errorCode: 'STORE_UNAVAILABLE',
    });
    expect(warnings).toEqual([]);
    const text = JSON.stringify(lines);
    for (const word of SECRET_WORDS) expect(text).not.toContain(word);
  });

  it('the default logger is quiet on the happy path and prints an outage once', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await inboxReceiver({ adapter, inbox: memoryInbox() })(signed('ok'));
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    const closed = memoryInbox();
    await closed.close?.();
    await inboxReceiver({ adapter, inbox: closed })(signed('down'));
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]?.[1]).toMatchObject({
      hooklatch: 'inbox_unavailable',
      key: 'inboxtest:down',
    });
  });

  it('refuses a bad hooks or logger option at construction', () => {
    const inbox = memoryInbox();
    for (const bad of [
      { hooks: { onRecipt: () => {} } },
      { hooks: { onOutcome: 1 } },
      { logger: {} },
    ]) {
      expect(() => inboxReceiver({ adapter, inbox, ...(bad as object) })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
      expect(() => worker({ adapter, inbox, handler: () => {}, ...(bad as object) })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    }
  });
});

describe('worker hooks and logger', () => {
  it('the default logger prints a handler error once per attempt and the dead letter as a warning', async () => {
    const inbox = await filled(['x']);
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      maxAttempts: 2,
      retry: { baseMs: 1, maxMs: 1 },
      handler: failing,
    });
    await until(async () => (await inbox.get('inboxtest:x'))?.state === 'dead', 'dead');
    await w.stop();
    expect(error).toHaveBeenCalledTimes(2);
    expect(error.mock.calls.map((c) => c[0])).toEqual([
      'hooklatch: handler failed; the inbox entry is retried after a backoff',
      'hooklatch: handler failed; the inbox entry goes to the dead letters',
    ]);
    expect(error.mock.calls.map((c) => c[1])).toEqual([
      expect.objectContaining({
        hooklatch: 'handler_failed',
        key: 'inboxtest:x',
        claims: 1,
        next: 'retry',
        errorCode: 'E_CHARGE',
        errorName: 'Error',
      }),
      expect.objectContaining({
        hooklatch: 'handler_failed',
        key: 'inboxtest:x',
        claims: 2,
        next: 'dead_letter',
      }),
    ]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[1]).toMatchObject({
      hooklatch: 'warning',
      kind: 'dead_lettered',
      key: 'inboxtest:x',
      attempts: 2,
      errorCode: 'E_CHARGE',
    });
    const text = JSON.stringify([...error.mock.calls, ...warn.mock.calls]);
    for (const word of SECRET_WORDS) expect(text).not.toContain(word);
  });

  it('hooks: onError per failed attempt, onOutcome per verdict, onWarning for the dead letter', async () => {
    const inbox = await filled(['f', 'ok']);
    const errors: unknown[] = [];
    const outcomes: WorkerOutcomeReport[] = [];
    const warnings: unknown[] = [];
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      maxAttempts: 2,
      logger: false,
      retry: { baseMs: 1, maxMs: 1 },
      hooks: {
        onError: (r) =>
          void errors.push({ key: r.key, claims: r.claims, next: r.next, error: r.error }),
        onOutcome: (r) => void outcomes.push(r),
        onWarning: (r) => {
          warnings.push(r.warning);
          throw new Error('hook bug');
        },
      },
      handler: (event) => (event.id === 'f' ? failing() : undefined),
    });
    await until(async () => (await inbox.get('inboxtest:f'))?.state === 'dead', 'dead');
    await w.stop();
    expect(errors).toEqual([
      { key: 'inboxtest:f', claims: 1, next: 'retry', error: expect.any(Error) },
      { key: 'inboxtest:f', claims: 2, next: 'dead_letter', error: expect.any(Error) },
    ]);
    const of = (key: string) => outcomes.filter((o) => o.key === key).map((o) => o.outcome);
    expect(of('inboxtest:f')).toEqual(['retry_scheduled', 'dead_lettered']);
    expect(of('inboxtest:ok')).toEqual(['completed']);
    expect(outcomes.find((o) => o.outcome === 'completed')).toMatchObject({
      provider: 'inboxtest',
      type: 'order.paid',
      eventId: 'ok',
      idSource: 'event',
      claims: 1,
      fence: 1,
      replays: 0,
      handled: true,
    });
    expect(outcomes.find((o) => o.outcome === 'dead_lettered')).toMatchObject({
      errorCode: 'E_CHARGE',
      claims: 2,
    });
    expect(warnings).toEqual([
      { kind: 'dead_lettered', key: 'inboxtest:f', attempts: 2, errorCode: 'E_CHARGE' },
    ]);
  });

  it('a re-parse failure is not a handler error: one retry_scheduled warning line', async () => {
    const inbox = await filled(['p']);
    const { logger, lines } = pinoLike();
    const errors: unknown[] = [];
    const w = worker({
      inbox,
      adapter: inboxTestAdapter('rotated-secret'),
      pollMs: 5,
      retry: { baseMs: 60_000 },
      logger,
      hooks: { onError: (r) => void errors.push(r) },
      handler: () => {},
    });
    await until(() => lines.some((l) => l.fields.hooklatch === 'retry_scheduled'), 'retry line');
    await w.stop();
    expect(errors).toEqual([]);
    expect(lines.find((l) => l.fields.hooklatch === 'retry_scheduled')).toMatchObject({
      level: 'warn',
      fields: {
        key: 'inboxtest:p',
        outcome: 'retry_scheduled',
        handled: false,
        errorCode: 'SIGNATURE_INVALID',
      },
    });
  });

  it('nothing observes: no observation is built, nothing is printed', async () => {
    const silent = inboxObserver<WorkerHooks>({ logger: false });
    const [claim] = await (await filled(['z'])).claim({ leaseMs: 1_000, limit: 1 });
    expect(entryObservation(silent, claim!.entry, 1_000)).toBeUndefined();
    expect(receiptObservation(inboxObserver({ logger: false }), 'inboxtest')).toBeUndefined();
    expect(entryObservation(inboxObserver<WorkerHooks>({}), claim!.entry, 1_000)).toBeDefined();
    const spies = (['error', 'warn', 'info', 'debug', 'log'] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => {}),
    );
    const inbox = await filled(['y']);
    await runUntil(inbox, 'y', 'dead');
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('inbox diagnostics channels', () => {
  it('receiver: parse; worker: parse, handle and complete under one entry context; warnings', async () => {
    const channels = recordChannels();
    try {
      const inbox = memoryInbox();
      await inboxReceiver({ adapter, inbox, logger: false })(signed('c1'));
      expect(channels.timeline()).toEqual(['parse:start', 'parse:asyncEnd']);
      channels.clear();
      await runUntil(inbox, 'c1', 'completed', { handler: () => {} });
      expect(channels.timeline()).toEqual([
        'run:start',
        'parse:start',
        'parse:asyncEnd',
        'handle:start',
        'handle:asyncEnd',
        'complete:start',
        'complete:asyncEnd',
        'run:asyncEnd',
      ]);
      const handle = channels.of('handle', 'asyncEnd')[0]?.seen;
      const complete = channels.of('complete', 'asyncEnd')[0]?.seen;
      expect(handle).toMatchObject({
        key: 'inboxtest:c1',
        eventId: 'c1',
        idSource: 'event',
        provider: 'inboxtest',
        claims: 1,
      });
      expect(complete).toMatchObject({
        claimKey: 'inboxtest:c1',
        markAttempt: 1,
        inTransaction: false,
        marked: true,
      });
      expect(handle.delivery).toBe(complete.delivery);
      expect(handle.delivery).toMatchObject({ key: 'inboxtest:c1', outcome: undefined });
      expect(channels.of('process')).toEqual([]);
      expect(channels.of('claim')).toEqual([]);

      channels.clear();
      await inboxReceiver({ adapter, inbox, logger: false })(signed('c2'));
      await runUntil(inbox, 'c2', 'dead');
      expect(channels.of('handle', 'error')[0]?.seen).toMatchObject({
        key: 'inboxtest:c2',
        errorCode: 'E_CHARGE',
      });
      const [warning] = channels.of('warning');
      expect(warning?.seen).toMatchObject({
        key: 'inboxtest:c2',
        warning: { kind: 'dead_lettered', key: 'inboxtest:c2', attempts: 1, errorCode: 'E_CHARGE' },
      });
      expect(warning?.seen.delivery).toBe(channels.of('handle', 'start')[0]?.seen.delivery);
    } finally {
      channels.close();
    }
  });
});
