/** parseEvent's `event.digest`, `occurredAt` range check and option checks (issue 10 items 4, 9, 15). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  HooklatchError,
  type ParsedEvent,
  PayloadError,
  parseEvent,
  type WebhookAdapter,
} from '../src/index';
import { signedInput, testAdapter } from './support/hmac-adapter';

const sha = (text: string | Uint8Array) =>
  `sha256:${createHash('sha256').update(text).digest('hex')}`;

async function failure(promise: Promise<unknown>): Promise<HooklatchError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (error instanceof HooklatchError) return error;
  throw error;
}

/** An unverified adapter returning `parsed` for every delivery (the body is not read). */
function fixed(parsed: Partial<ParsedEvent>, extra: Partial<WebhookAdapter> = {}): WebhookAdapter {
  return {
    name: 'fixed',
    retentionMs: 60_000,
    ...extra,
    parse: () =>
      ({ type: 't', id: 'e1', idSource: 'event', payload: {}, ...parsed }) as ParsedEvent,
  };
}

const plain = (body: string) => ({ headers: {}, body });

describe('event.digest', () => {
  const adapter = testAdapter();

  it('is the sha256 of the canonical JSON body when the adapter gives none', async () => {
    const event = await parseEvent(adapter, signedInput({ type: 'a', id: 'evt_1', n: 1 }));
    expect(event.digest).toBe(sha('{"id":"evt_1","n":1,"type":"a"}'));
  });

  it('survives re-serialization and changes with the body', async () => {
    const one = await parseEvent(adapter, signedInput({ type: 'a', id: 'evt_1', n: 1 }));
    const reordered = await parseEvent(adapter, signedInput({ n: 1, id: 'evt_1', type: 'a' }));
    const changed = await parseEvent(adapter, signedInput({ type: 'a', id: 'evt_1', n: 2 }));
    expect(reordered.digest).toBe(one.digest);
    expect(changed.digest).not.toBe(one.digest);
  });

  it("leaves out the adapter's digestExclude paths", async () => {
    const excluding = fixed({}, { digestExclude: ['meta.attempt'] });
    const a = await parseEvent(excluding, plain('{"v":1,"meta":{"attempt":1}}'));
    const b = await parseEvent(excluding, plain('{"v":1,"meta":{"attempt":2}}'));
    const c = await parseEvent(excluding, plain('{"v":2,"meta":{"attempt":1}}'));
    expect(a.digest).toBe(sha('{"meta":{},"v":1}'));
    expect(b.digest).toBe(a.digest);
    expect(c.digest).not.toBe(a.digest);
  });

  it('hashes the raw bytes of a body that is not JSON, or too deep to parse', async () => {
    const form = 'a=1&b=2';
    expect((await parseEvent(fixed({}), plain(form))).digest).toBe(sha(form));
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect((await parseEvent(fixed({}), plain(deep))).digest).toBe(sha(deep));
    expect((await parseEvent(fixed({}), plain(''))).digest).toBe(sha(''));
  });

  it("keeps the adapter's own digest, and refuses one no store could hold", async () => {
    expect((await parseEvent(fixed({ digest: 'sha256:abc' }), plain('{}'))).digest).toBe(
      'sha256:abc',
    );
    for (const digest of ['', 'x'.repeat(129), 'has space', 'é']) {
      const error = await failure(parseEvent(fixed({ digest }), plain('{}')));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.code).toBe('CONFIG_INVALID');
    }
  });
});

describe('occurredAt must be a valid Date (issue 10 item 15)', () => {
  it('an Invalid Date from an adapter is PAYLOAD_INVALID, never passed on', async () => {
    const error = await failure(
      parseEvent(fixed({ occurredAt: new Date(8640000000001 * 1000) }), plain('{}')),
    );
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ code: 'PAYLOAD_INVALID', httpStatus: 422 });
    expect(error.message).toContain('occurredAt');
  });

  it('the Date range edges are accepted', async () => {
    for (const ms of [8.64e15, -8.64e15]) {
      const event = await parseEvent(fixed({ occurredAt: new Date(ms) }), plain('{}'));
      expect(event.occurredAt.getTime()).toBe(ms);
    }
  });
});

describe('parseEvent options are checked (issue 10 item 4)', () => {
  it.each([
    ['maxBodyBytes', { maxBodyBytes: 0 }],
    ['maxBodyBytes', { maxBodyBytes: Number.NaN }],
    ['maxBodyBytes', { maxBodyBytes: -5 }],
    ['receivedAt', { receivedAt: new Date(Number.NaN) }],
    ['receivedAt', { receivedAt: '2025-01-01' as unknown as Date }],
  ])('%s: %o is CONFIG_INVALID naming it', async (option, options) => {
    const error = await failure(parseEvent(fixed({}), plain('{}'), options));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option } });
  });

  it('a missing adapter is CONFIG_INVALID, not a TypeError', async () => {
    const error = await failure(parseEvent(undefined as unknown as WebhookAdapter, plain('{}')));
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'adapter' } });
  });
});
