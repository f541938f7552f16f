/**
 * Issue 10 items 4, 6, 7, 9 and 15 through the real adapter: a `__proto__` column must count in
 * the fingerprint, deep JSON is a typed 400, the digest ignores the volatile fields, a
 * `ModifiedOn` no Date can hold is PAYLOAD_INVALID, and every option is checked at construction.
 */

import { parseEvent } from '@hooklatch/core';
import { explainFingerprint } from '@hooklatch/core/kit';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { creatio, creatioFingerprintInput } from '../src/index';
import { ORDER_UPDATE, SECRETS } from './support/examples';

const adapter = creatio({ verify: false });
const parse = (payload: unknown, target = adapter) =>
  parseEvent(target, signedCreatioRequest({ payload }));
const body = (extra: string) => JSON.stringify(ORDER_UPDATE).replace(/\}$/, `,${extra}}`);

describe('creatio: every JSON key counts, __proto__ included (issue 10 item 6)', () => {
  it('two events differing only in a __proto__ member get two keys', async () => {
    const a = await parse(body('"__proto__":{"Status":"shipped"}'));
    const b = await parse(body('"__proto__":{"Status":"returned"}'));
    expect(a.idSource).toBe('fingerprint');
    expect(b.dedupeKey).not.toBe(a.dedupeKey);
    expect(b.digest).not.toBe(a.digest);
  });

  it('event.payload keeps the member, so explainFingerprint recomputes the same key', async () => {
    const event = await parse(body('"__proto__":{"Status":"returned"}'));
    expect(Object.hasOwn(event.payload, '__proto__')).toBe(true);
    expect(explainFingerprint(creatioFingerprintInput(event)).key).toBe(event.id);
  });

  it('a re-run with a new SentOn still collapses, __proto__ and all', async () => {
    const first = await parse(body('"__proto__":{"v":1},"SentOn":"2025-01-22T11:23:16Z"'));
    const rerun = await parse(body('"SentOn":"2025-01-22T11:30:00Z","__proto__":{"v":1}'));
    expect(rerun.dedupeKey).toBe(first.dedupeKey);
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(rerun.digest).toBe(first.digest);
  });
});

// 129, 10,000 and 100,000 levels (once a RangeError from the fingerprint's recursion) are the
// conformance suite's: 'deeply nested JSON is refused', run on both auth schemes.
describe('creatio: maxDepth (issue 10 item 7)', () => {
  it('the maxDepth option lowers the limit', async () => {
    await expectHooklatchError(parse(body('"x":[[1]]'), creatio({ verify: false, maxDepth: 2 })), {
      code: 'PAYLOAD_TOO_DEEP',
    });
  });
});

describe('creatio: event.digest (issue 10 item 9)', () => {
  it('leaves out the volatile fields, so a re-run keeps it; any other change moves it', async () => {
    expect(adapter.digestExclude).toEqual(['SentOn', 'SentAt']);
    const first = await parse(body('"SentAt":"a"'));
    const rerun = await parse(body('"SentAt":"b"'));
    const changed = await parse({ ...ORDER_UPDATE, Status: 'cancelled' });
    expect(rerun.digest).toBe(first.digest);
    expect(changed.digest).not.toBe(first.digest);
  });
});

describe('creatio: ModifiedOn no Date can hold (issue 10 item 15)', () => {
  it.each(['+275761-01-01T00:00:00Z', '10000-01-01T00:00:00Z'])(
    '%s is PAYLOAD_INVALID',
    async (ModifiedOn) => {
      const error = await expectHooklatchError(parse({ ...ORDER_UPDATE, ModifiedOn }), {
        code: 'PAYLOAD_INVALID',
        httpStatus: 422,
      });
      expect(error.message).toContain('ModifiedOn');
    },
  );
});

describe('creatio: every option is checked at construction (issue 10 item 4)', () => {
  it.each([
    ['name', { name: '' }],
    ['retentionMs', { retentionMs: -1 }],
    ['volatileFields', { volatileFields: 'SentOn' }],
    ['deliveryIdHeader', { deliveryIdHeader: '' }],
    ['subjectKey', { subjectKey: { Order: '' } }],
    ['subjectKey', { subjectKey: 5 }],
    ['assumeUtc', { assumeUtc: 'yes' }],
    ['requireModifiedOn', { requireModifiedOn: 1 }],
    ['defaultType', { defaultType: ' ' }],
    ['maxDepth', { maxDepth: 2.5 }],
    ['verify', { verify: 'off' }],
  ])('%s: %o', async (option, bad) => {
    const error = await expectHooklatchError(
      () => creatio({ auth: { scheme: 'bearer', token: SECRETS.token }, ...(bad as object) }),
      { code: 'CONFIG_INVALID', secrets: Object.values(SECRETS) },
    );
    expect(error.details.option).toBe(option);
  });
});
