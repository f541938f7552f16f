/**
 * docs/advanced/custom-store.md, run for real: its marked code blocks must equal
 * docs/snippets/custom-store-kit.ts (blocks of one file joined with a blank line), and the
 * snippet's option checks, key mapping, error classification and deadline behave as the page
 * says. The other blocks of the page are illustrations (a skeleton, a test outline).
 */
import { readFileSync } from 'node:fs';
import { isHooklatchError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import {
  kvSettings,
  originalKey,
  recordKey,
  toStoreError,
  withDeadline,
} from '../../../docs/snippets/custom-store-kit';

const repo = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), 'utf8');

describe('the custom-store guide', () => {
  it('shows the snippet file exactly', () => {
    const page = read('docs/advanced/custom-store.md');
    const parts = [...page.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
    expect(parts.map((m) => m[1])).toEqual([
      'docs/snippets/custom-store-kit.ts',
      'docs/snippets/custom-store-kit.ts',
    ]);
    expect(parts.map((m) => m[2]).join('\n')).toBe(read('docs/snippets/custom-store-kit.ts'));
  });
});

const code = (error: unknown) => (isHooklatchError(error) ? error.code : 'not a hooklatch error');

describe('the custom-store kit snippet', () => {
  it('checks prefix and timeoutMs by the shared rules', () => {
    expect(kvSettings({})).toEqual({ prefix: 'hooklatch:', timeoutMs: 2_000 });
    for (const bad of [{ prefix: 'has space' }, { timeoutMs: 0 }, { timeoutMs: 2 ** 31 }]) {
      expect(() => kvSettings(bad)).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID', details: expect.any(Object) }),
      );
    }
    expect(() => kvSettings(undefined as never)).toThrow(
      expect.objectContaining({ details: { store: 'kv', option: 'options' } }),
    );
  });

  it('keeps keys a backend would fold apart, and returns each exactly', () => {
    const keys = ['k', 'k ', 'K', 'a\u0000b', 'lone \ud800', 'x'.repeat(10_000), '~sha256:00'];
    const ids = keys.map((key) => recordKey('app:', key).id);
    expect(new Set(ids).size).toBe(keys.length);
    for (const id of ids) expect(id).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(recordKey('app:', 'stripe:evt_1').id).toBe('app:stripe:evt_1');
    for (const key of keys) expect(originalKey(recordKey('app:', key).keyText)).toBe(key);
  });

  it('classifies failures: no answer, full, or a setup mistake', () => {
    const refused = toStoreError(
      'claim',
      Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }),
    );
    expect(code(refused)).toBe('STORE_UNAVAILABLE');
    expect(code(toStoreError('claim', { code: 'ENOSPC' }))).toBe('STORE_FULL');
    const denied = toStoreError('claim', { name: 'AccessDenied', message: 'key stripe:evt_1' });
    expect(denied).toMatchObject({
      code: 'CONFIG_INVALID',
      httpStatus: 500,
      details: { store: 'kv', operation: 'claim', driverCode: 'AccessDenied' },
    });
    expect(denied.message).not.toContain('evt_1');
    expect(code(toStoreError('get', null))).toBe('CONFIG_INVALID');
    // Already classified: passed through.
    expect(toStoreError('get', refused)).toBe(refused);
  });

  it('answers STORE_UNAVAILABLE by its own timer and aborts the call', async () => {
    let aborted = false;
    const hung = withDeadline('claim', 50, (signal) => {
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise<never>(() => {});
    });
    const started = performance.now();
    await expect(hung).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      details: { store: 'kv', operation: 'claim', timeoutMs: 50 },
    });
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(aborted).toBe(true);
    await expect(withDeadline('get', 1_000, async () => 'row')).resolves.toBe('row');
    await expect(
      withDeadline('get', 1_000, () => Promise.reject({ code: 'ETIMEDOUT' })),
    ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
