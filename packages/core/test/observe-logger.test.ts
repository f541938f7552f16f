/**
 * The `logger` option: the default logs a handler error once (facts only) and nothing on the
 * happy path; pino-shaped loggers get (fields, message), console-shaped ones (message, fields);
 * no line ever holds the payload, a secret or a handler's error message.
 */

import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import winston from 'winston';
import {
  handleWebhook,
  type Logger,
  memoryStore,
  processOnce,
  subscribeChannels,
} from '../src/index';
import { faultyStore } from './support/faulty-store';
import { SECRET, signedInput, testAdapter } from './support/hmac-adapter';
import { testEvent } from './support/test-event';

const adapter = testAdapter();
const HANDLER_SECRET = 'sk_live_HANDLER_SECRET';

const event = (id: string) => testEvent(id, { payload: { card: 'PAYLOAD-4242' } });

const failing = () => {
  throw Object.assign(new Error(`charge failed for ${HANDLER_SECRET}`), { code: 'E_CHARGE' });
};

/** Every argument of every call, as text: what must never appear in a log. */
const written = (...spies: { mock: { calls: unknown[][] } }[]) =>
  JSON.stringify(spies.flatMap((s) => s.mock.calls));

/** A pino-like logger: `child`, `levels`, `bindings`, methods taking (fields, message). */
function pinoLike() {
  const lines: { level: string; fields: Record<string, unknown>; message: string }[] = [];
  const method = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push({ level, fields, message });
  };
  const logger = {
    levels: { values: { error: 50, warn: 40, info: 30, debug: 20 } },
    bindings: () => ({}),
    child: () => logger,
    error: method('error'),
    warn: method('warn'),
    info: method('info'),
    debug: method('debug'),
  };
  return { logger, lines };
}

afterEach(() => vi.restoreAllMocks());

describe('default logger (the console)', () => {
  it('logs a handler error once, with key, provider, type and the error code and name', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const outcome = await processOnce(memoryStore(), event('d1'), failing);
    expect(outcome.outcome).toBe('failed');
    expect(error).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(
      'hooklatch: handler failed; its claim is released for the retry',
      {
        hooklatch: 'handler_failed',
        provider: 'test',
        type: 'order.paid',
        eventId: 'd1',
        idSource: 'event',
        key: 'test:d1',
        deliveryId: undefined,
        attempt: undefined,
        claims: 1,
        durationMs: expect.any(Number),
        errorCode: 'E_CHARGE',
        errorName: 'Error',
      },
    );
    // Receipts and outcomes are info/debug: the default prints nothing on the happy path.
    await processOnce(memoryStore(), event('d2'), () => 'ok');
    expect(info).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    expect(error).toHaveBeenCalledTimes(1);
    const text = written(error, warn, info);
    expect(text).not.toContain(HANDLER_SECRET);
    expect(text).not.toContain('PAYLOAD-4242');
  });

  it('logs warnings and an unavailable store; logger: false silences everything', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await processOnce(memoryStore(), event('d3'), () => '\ud800');
    expect(warn).toHaveBeenCalledWith(
      'hooklatch: warning result_dropped',
      expect.objectContaining({
        hooklatch: 'warning',
        kind: 'result_dropped',
        reason: 'lone_surrogate',
        key: 'test:d3',
      }),
    );
    const down = faultyStore(memoryStore(), { claim: () => 'throw' });
    await processOnce(down, event('d4'), () => 'x');
    expect(error).toHaveBeenCalledWith(
      'hooklatch: dedupe store unavailable: answered 503 for a retry',
      expect.objectContaining({ errorCode: 'STORE_UNAVAILABLE', key: 'test:d4' }),
    );
    error.mockClear();
    warn.mockClear();
    await processOnce(memoryStore(), event('d5'), failing, { logger: false });
    await processOnce(down, event('d6'), () => 'x', { logger: false });
    expect(error).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });
});

describe('custom loggers', () => {
  it('a pino-shaped logger gets (fields, message): the receipt at info before the outcome', async () => {
    const { logger, lines } = pinoLike();
    const store = memoryStore();
    await processOnce(store, event('p1'), () => 'ok', { logger });
    await processOnce(store, event('p1'), () => 'again', { logger });
    await processOnce(store, event('p2'), failing, { logger });
    expect(lines.map((l) => [l.level, l.fields.hooklatch])).toEqual([
      ['info', 'receipt'],
      ['debug', 'processed'],
      ['info', 'receipt'],
      ['info', 'duplicate'],
      ['info', 'receipt'],
      ['error', 'handler_failed'],
    ]);
    expect(lines[0]).toEqual({
      level: 'info',
      message: 'hooklatch: delivery received',
      fields: {
        hooklatch: 'receipt',
        provider: 'test',
        type: 'order.paid',
        eventId: 'p1',
        idSource: 'event',
        key: 'test:p1',
        deliveryId: undefined,
        attempt: undefined,
        receivedAt: '1970-01-01T00:00:00.000Z',
      },
    });
    expect(lines[3]?.fields).toMatchObject({ outcome: 'duplicate', via: 'key', status: 200 });
    expect(JSON.stringify(lines)).not.toMatch(/HANDLER_SECRET|PAYLOAD-4242/);
  });

  it('a console-shaped logger gets (message, fields); missing levels are skipped', async () => {
    const calls: unknown[][] = [];
    const logger: Logger = { error: (...args: unknown[]) => void calls.push(['error', ...args]) };
    await processOnce(memoryStore(), event('c1'), failing, { logger });
    await processOnce(memoryStore(), event('c2'), () => 'fine', { logger });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[1]).toBe('hooklatch: handler failed; its claim is released for the retry');
    expect(calls[0]?.[2]).toMatchObject({ hooklatch: 'handler_failed', key: 'test:c1' });
  });

  it('handleWebhook logs a forged delivery at info with its code, never the secret or body', async () => {
    const { logger, lines } = pinoLike();
    const reply = await handleWebhook(signedInput({ id: 'f1', type: 'PAYLOAD-4242' }, 'forger'), {
      adapter,
      store: memoryStore(),
      handler: () => 'x',
      logger,
    });
    expect(reply.status).toBe(401);
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'hooklatch: delivery rejected',
        fields: {
          hooklatch: 'rejected',
          outcome: 'rejected',
          provider: 'test',
          status: 401,
          durationMs: expect.any(Number),
          errorCode: 'SIGNATURE_INVALID',
          errorName: 'VerificationError',
        },
      },
    ]);
    expect(JSON.stringify(lines)).not.toContain(SECRET);
  });

  it('winston gets (message, fields): a real winston logger keeps the message and the facts', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = winston.createLogger({
      level: 'debug',
      format: winston.format.json(),
      transports: [new winston.transports.Stream({ stream: sink })],
    });
    await processOnce(memoryStore(), event('w1'), failing, { logger: logger as unknown as Logger });
    const line = lines.find((l) => l.hooklatch === 'handler_failed');
    expect(line?.message).toBe('hooklatch: handler failed; its claim is released for the retry');
    expect(line).toMatchObject({ level: 'error', errorCode: 'E_CHARGE', eventId: 'w1' });
    expect(JSON.stringify(lines)).not.toContain(HANDLER_SECRET);
  });

  it('a throwing logger never changes the answer', async () => {
    const broken: Logger = {
      error: () => {
        throw new Error('log sink down');
      },
      warn: () => {
        throw new Error('log sink down');
      },
      info: () => {
        throw new Error('log sink down');
      },
    };
    await expect(
      processOnce(memoryStore(), event('t1'), () => 'ok', { logger: broken }),
    ).resolves.toMatchObject({
      outcome: 'processed',
    });
    await expect(
      processOnce(memoryStore(), event('t2'), failing, { logger: broken }),
    ).resolves.toMatchObject({
      outcome: 'failed',
    });
  });

  it('an async logger that rejects, and a channel listener that rejects, leave no unhandled rejection', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    const stop = subscribeChannels('test', {
      'tracing:hooklatch:process:asyncEnd': async () => {
        throw new Error('exporter down');
      },
    });
    try {
      const down = async () => {
        throw new Error('log sink down');
      };
      const asyncLogger: Logger = { error: down, warn: down, info: down, debug: down };
      const store = memoryStore();
      const options = { logger: asyncLogger };
      await expect(processOnce(store, event('a1'), () => 'ok', options)).resolves.toMatchObject({
        outcome: 'processed',
      });
      await expect(processOnce(store, event('a2'), failing, options)).resolves.toMatchObject({
        outcome: 'failed',
      });
      const forged = await handleWebhook(signedInput({ id: 'a3', type: 't' }, 'bad'), {
        adapter,
        store,
        handler: () => 'x',
        logger: asyncLogger,
      });
      expect(forged.status).toBe(401);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      stop();
      process.off('unhandledRejection', unhandled);
    }
  });

  it.each([['yes'], [{}], [{ error: 'loud' }], [true]])(
    'logger %j is CONFIG_INVALID',
    async (logger) => {
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const outcome = await processOnce(memoryStore(), event('bad'), () => 'x', {
        logger: logger as never,
      });
      if (outcome.outcome !== 'failed') throw new Error(`expected failed, got ${outcome.outcome}`);
      expect(outcome.error).toMatchObject({
        code: 'CONFIG_INVALID',
        details: { option: 'logger' },
      });
    },
  );
});
