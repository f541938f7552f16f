/**
 * Issue 10 items 4, 6, 7, 9 and 15 through the real adapter: a `__proto__` member must count in
 * the fingerprint, deep JSON is a typed 400, the digest ignores the volatile fields, timestamps
 * outside the Date range are PAYLOAD_INVALID, and every option is checked at construction.
 */
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { qualio } from '../src/index';
import {
  ALL_SECRETS,
  hmacAdapter,
  hmacRequest,
  NC_STATUS,
  parseAt,
  SECRET,
} from './support/fixtures';

const body = (extra: string) => JSON.stringify(NC_STATUS).replace(/\}$/, `,${extra}}`);

describe('qualio: every JSON key counts, __proto__ included (issue 10 item 6)', () => {
  it('two events differing only in a __proto__ member get two keys', async () => {
    const open = await parseAt(hmacAdapter, hmacRequest(body('"__proto__":{"severity":"minor"}')));
    const closed = await parseAt(
      hmacAdapter,
      hmacRequest(body('"__proto__":{"severity":"major"}')),
    );
    expect(open.idSource).toBe('fingerprint');
    expect(closed.dedupeKey).not.toBe(open.dedupeKey);
    expect(closed.digest).not.toBe(open.digest);
  });

  it('...and so do two differing in a nested __proto__ member', async () => {
    const a = await parseAt(hmacAdapter, hmacRequest(body('"x":{"__proto__":{"v":1}}')));
    const b = await parseAt(hmacAdapter, hmacRequest(body('"x":{"__proto__":{"v":2}}')));
    expect(b.dedupeKey).not.toBe(a.dedupeKey);
  });

  it('a retry with a new sentAt still collapses, __proto__ and all', async () => {
    const first = await parseAt(hmacAdapter, hmacRequest(body('"__proto__":{"v":1},"sentAt":"a"')));
    const retry = await parseAt(hmacAdapter, hmacRequest(body('"sentAt":"b","__proto__":{"v":1}')));
    expect(retry.dedupeKey).toBe(first.dedupeKey);
    expect(first.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(retry.digest).toBe(first.digest);
  });
});

// 129, 10,000 and 100,000 levels (once a RangeError from the fingerprint's recursion) are the
// conformance suite's: 'deeply nested JSON is refused', run on both auth schemes.
describe('qualio: maxDepth (issue 10 item 7)', () => {
  it('the maxDepth option lowers the limit', async () => {
    const strict = qualio({ auth: { scheme: 'hmac', secret: SECRET }, maxDepth: 2 });
    await expectHooklatchError(parseAt(strict, hmacRequest(body('"x":{"y":[1]}'))), {
      code: 'PAYLOAD_TOO_DEEP',
    });
  });
});

describe('qualio: event.digest (issue 10 item 9)', () => {
  it('leaves out the volatile fields, so a retry keeps it; any other change moves it', async () => {
    expect(hmacAdapter.digestExclude).toEqual(['sentAt', 'attempt']);
    const first = await parseAt(hmacAdapter, hmacRequest(body('"sentAt":"t1","attempt":1')));
    const retry = await parseAt(
      hmacAdapter,
      hmacRequest(body('"sentAt":"t2","attempt":2'), { deliveryId: 'd-1' }),
    );
    const changed = await parseAt(hmacAdapter, hmacRequest({ ...NC_STATUS, status: 'closed' }));
    expect(retry.digest).toBe(first.digest);
    expect(changed.digest).not.toBe(first.digest);
  });

  it('follows a custom volatileFields list', async () => {
    const custom = qualio({
      auth: { scheme: 'hmac', secret: SECRET },
      volatileFields: ['relay.id'],
    });
    const a = await parseAt(custom, hmacRequest(body('"relay":{"id":1}')));
    const b = await parseAt(custom, hmacRequest(body('"relay":{"id":2}')));
    expect(a.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b.digest).toBe(a.digest);
  });
});

describe('qualio: timestamps no Date can hold (issue 10 item 15)', () => {
  it.each(['+275761-01-01T00:00:00Z', '10000-01-01T00:00:00Z'])(
    '%s is PAYLOAD_INVALID',
    async (timestamp) => {
      const error = await expectHooklatchError(
        parseAt(hmacAdapter, hmacRequest({ ...NC_STATUS, timestamp })),
        { code: 'PAYLOAD_INVALID', httpStatus: 422 },
      );
      expect(error.message).toContain('timestamp');
    },
  );
});

describe('qualio: every option is checked at construction (issue 10 item 4)', () => {
  const auth = { scheme: 'hmac' as const, secret: SECRET };
  it.each([
    ['name', { name: '  ' }],
    ['retentionMs', { retentionMs: Number.NaN }],
    ['volatileFields', { volatileFields: 'sentAt' }],
    ['volatileFields', { volatileFields: ['a.'] }],
    ['deliveryIdHeader', { deliveryIdHeader: '' }],
    ['deliveryIdHeader', { deliveryIdHeader: true }],
    ['subjectFields', { subjectFields: 'auditRef' }],
    ['maxDepth', { maxDepth: 0 }],
    ['verify', { verify: true }],
  ])('%s: %o', async (option, bad) => {
    const error = await expectHooklatchError(() => qualio({ auth, ...(bad as object) }), {
      code: 'CONFIG_INVALID',
      secrets: ALL_SECRETS,
    });
    expect(error.details.option).toBe(option);
  });
});
