/**
 * Issue 10 item 1a: a result a store cannot hold must not cost the completion mark. It is
 * checked before it reaches the store; a bad one is dropped (`result_dropped`) and the record
 * completes without it, so the next copy is a duplicate, never a second run.
 */
import { describe, expect, it } from 'vitest';
import { memoryStore, type ProcessWarning, parseEvent, processOnce } from '../src/index';
import { guardResult, utf8Length } from '../src/process/result-guard';
import { signedInput, testAdapter } from './support/hmac-adapter';
import { expectResultDropped } from './support/result-drop';

const event = await parseEvent(testAdapter(), signedInput({ id: 'evt_res', type: 'order.paid' }));
const emoji = '\u{1F600}';
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

const dropped: [string, unknown, string][] = [
  ['a string sliced through an emoji', { note: emoji.slice(0, 1) }, 'lone_surrogate'],
  ['a lone low surrogate in an array', ['ok', `x${emoji.slice(1)}`], 'lone_surrogate'],
  ['a lone surrogate in a key', { [`k${emoji.slice(0, 1)}`]: 1 }, 'lone_surrogate'],
  ['a NUL character (PostgreSQL jsonb refuses it)', { name: 'a\u0000b' }, 'nul_character'],
  ['a NUL in a key', { 'a\u0000': true }, 'nul_character'],
  ['a BigInt', { amount: 10n }, 'not_json'],
  ['a cycle', cyclic, 'not_json'],
  ['a bare function', () => 1, 'not_json'],
  [
    'a throwing toJSON',
    {
      toJSON: () => {
        throw new Error('no');
      },
    },
    'not_json',
  ],
  ['20 MB (over 64 KiB)', { blob: 'x'.repeat(20 * 1024 * 1024) }, 'too_large'],
];

describe('result guard in processOnce', () => {
  it.each(dropped)('%s: completes without the result, warns why', (_name, result, reason) =>
    expectResultDropped(memoryStore(), event, result, reason),
  );

  it('storeResult: false stores nothing and warns nothing', async () => {
    const store = memoryStore();
    const warnings: ProcessWarning[] = [];
    await processOnce(store, event, () => ({ big: 10n }), {
      storeResult: false,
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings).toEqual([]);
    expect(await store.get('test:evt_res')).not.toHaveProperty('result');
  });

  it('a void handler stores nothing and warns nothing', async () => {
    const warnings: ProcessWarning[] = [];
    await processOnce(memoryStore(), event, () => undefined, {
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings).toEqual([]);
  });

  it('maxResultBytes counts UTF-8 bytes of the JSON, boundary included', async () => {
    const value = { s: '€'.repeat(10) }; // {"s":"…"} = 8 + 30 bytes
    const json = JSON.stringify(value);
    expect(utf8Length(json)).toBe(38);
    expect(guardResult(value, 38)).toEqual({ value });
    expect(guardResult(value, 37)).toEqual({ dropped: { reason: 'too_large', bytes: 38 } });
    const store = memoryStore();
    const outcome = await processOnce(store, event, () => value, { maxResultBytes: 38 });
    expect(outcome.outcome).toBe('processed');
    expect((await store.get('test:evt_res'))?.result).toEqual(value);
  });
});

describe('guardResult', () => {
  it('keeps well-formed pairs and text that only looks like an escape', () => {
    const value = {
      face: emoji,
      text: '\\u0000 and \\ud800 are just text',
      nested: [{ ok: null }],
    };
    expect(guardResult(value, 65_536)).toEqual({ value });
  });

  it('stores a detached JSON copy (toJSON applied, later mutation invisible)', () => {
    const date = new Date('2025-01-01T00:00:00Z');
    const source = { at: date, list: [1] };
    const guarded = guardResult(source, 1000);
    source.list.push(2);
    expect(guarded.value).toEqual({ at: '2025-01-01T00:00:00.000Z', list: [1] });
  });

  it('finds a NUL or a lone surrogate behind escaped backslashes', () => {
    expect(guardResult({ s: '\\\u0000' }, 100).dropped?.reason).toBe('nul_character');
    expect(guardResult({ s: `\\\\${emoji.slice(1)}` }, 100).dropped?.reason).toBe('lone_surrogate');
  });

  it('counts 4 bytes for a surrogate pair and 3 for a lone surrogate', () => {
    expect(utf8Length(emoji)).toBe(4);
    expect(utf8Length(emoji.slice(0, 1))).toBe(3);
    expect(utf8Length('aé€')).toBe(6);
  });
});
