import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, omitPaths } from '../src/canonical-json';
import { explainFingerprint, type FingerprintInput, fingerprint } from '../src/kit';

const base: FingerprintInput = {
  provider: 'qualio',
  subject: 'NC-2025-001',
  eventType: 'nc.updated',
  timestamp: '2025-01-05T10:15:32Z',
  payload: { eventType: 'nc.updated', ncId: 'NC-2025-001', timestamp: '2025-01-05T10:15:32Z' },
};

describe('canonicalJson', () => {
  it('ignores key order and whitespace, keeps array order', () => {
    const a = JSON.parse('{"b": 1, "a": {"y": [1, 2], "x": null}}');
    const b = JSON.parse('{"a":{"x":null,"y":[1,2]},"b":1}');
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":{"x":null,"y":[1,2]},"b":1}');
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });
  it('normalizes numbers and drops undefined members like JSON', () => {
    expect(canonicalJson({ n: 1.0, m: 1e3, u: undefined })).toBe('{"m":1000,"n":1}');
    expect(canonicalJson({ s: 'é"\n' })).toBe(JSON.stringify({ s: 'é"\n' }));
  });
  it('is idempotent under parse for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
      }),
    );
  });
});

describe('omitPaths', () => {
  it('removes nested and wildcard paths without touching the input', () => {
    const input = {
      meta: { sentAt: 1, id: 2 },
      items: [
        { etag: 'a', v: 1 },
        { etag: 'b', v: 2 },
      ],
      keep: true,
    };
    expect(omitPaths(input, ['meta.sentAt', 'items.*.etag'])).toEqual({
      meta: { id: 2 },
      items: [{ v: 1 }, { v: 2 }],
      keep: true,
    });
    expect(input.meta.sentAt).toBe(1);
  });
});

describe('fingerprint', () => {
  it('is versioned and pinned (golden vector)', () => {
    const key = fingerprint(base);
    expect(key).toMatch(/^fp1:[0-9a-f]{64}$/);
    expect(key).toBe(GOLDEN);
  });

  it('re-serialized payloads (key order, whitespace) give the same key', () => {
    const reordered = JSON.parse(
      '{ "timestamp":"2025-01-05T10:15:32Z",  "ncId":"NC-2025-001", "eventType":"nc.updated" }',
    );
    expect(fingerprint({ ...base, payload: reordered })).toBe(fingerprint(base));
  });

  it('equivalent timestamp spellings collapse; different seconds do not', () => {
    expect(fingerprint({ ...base, timestamp: '2025-01-05T10:15:32.000Z' })).toBe(fingerprint(base));
    expect(fingerprint({ ...base, timestamp: new Date('2025-01-05T10:15:32Z') })).toBe(
      fingerprint(base),
    );
    expect(fingerprint({ ...base, timestamp: '2025-01-05T10:15:33Z' })).not.toBe(fingerprint(base));
  });

  it('rapid legitimate edits in the same second with different payloads differ', () => {
    const status = fingerprint({
      ...base,
      payload: { ...(base.payload as object), status: 'closed' },
    });
    const comment = fingerprint({
      ...base,
      payload: { ...(base.payload as object), comment: 'checked' },
    });
    expect(status).not.toBe(comment);
    expect(status).not.toBe(fingerprint(base));
  });

  it('declared volatile fields do not change the key', () => {
    const a = fingerprint({
      ...base,
      payload: { ...(base.payload as object), sentAt: 1 },
      volatileFields: ['sentAt'],
    });
    const b = fingerprint({
      ...base,
      payload: { ...(base.payload as object), sentAt: 2 },
      volatileFields: ['sentAt'],
    });
    expect(a).toBe(b);
    expect(a).toBe(fingerprint(base));
  });

  it('parts never run together: ("ab","c") and ("a","bc") differ', () => {
    expect(fingerprint({ ...base, provider: 'ab', subject: 'c' })).not.toBe(
      fingerprint({ ...base, provider: 'a', subject: 'bc' }),
    );
    expect(fingerprint({ ...base, subject: 'ab', eventType: 'c' })).not.toBe(
      fingerprint({ ...base, subject: 'a', eventType: 'bc' }),
    );
    expect(fingerprint({ ...base, extra: ['ab', 'c'] })).not.toBe(
      fingerprint({ ...base, extra: ['a', 'bc'] }),
    );
    expect(fingerprint({ ...base, extra: ['x'] })).not.toBe(
      fingerprint({ ...base, subject: `${base.subject}x` }),
    );
    expect(fingerprint({ ...base, extra: [] })).toBe(fingerprint(base));
  });

  it('every part matters (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b);
        expect(fingerprint({ ...base, subject: a })).not.toBe(fingerprint({ ...base, subject: b }));
        expect(fingerprint({ ...base, eventType: a })).not.toBe(
          fingerprint({ ...base, eventType: b }),
        );
      }),
    );
  });

  it('explainFingerprint shows every part and the canonical payload', () => {
    const explained = explainFingerprint({
      ...base,
      extra: ['status'],
      volatileFields: ['timestamp'],
    });
    expect(explained.version).toBe('fp1');
    expect(explained.parts).toMatchObject({
      provider: 'qualio',
      subject: 'NC-2025-001',
      eventType: 'nc.updated',
      timestamp: '2025-01-05T10:15:32.000Z',
      extra: ['status'],
    });
    expect(explained.canonicalPayload).toBe('{"eventType":"nc.updated","ncId":"NC-2025-001"}');
    expect(explained.parts.payloadHash).toMatch(/^[0-9a-f]{64}$/);
    expect(explained.key).toBe(
      fingerprint({ ...base, extra: ['status'], volatileFields: ['timestamp'] }),
    );
  });
});

// Computed once when fp1 was frozen. If this changes, the algorithm changed: that is fp2.
const GOLDEN = 'fp1:e3a5a0cee2f6a5a5e2e04154223e35682b2659bef75c8bd0ba0f5c3362e9f4b5';

describe('fp1 specification', () => {
  it('matches an independent implementation of the documented encoding', () => {
    const h = (s: string | Buffer) => createHash('sha256').update(s).digest();
    const lp = (s: string) =>
      Buffer.concat([Buffer.from(`${Buffer.byteLength(s)}:`), Buffer.from(s)]);
    const canonical =
      '{"eventType":"nc.updated","ncId":"NC-2025-001","timestamp":"2025-01-05T10:15:32Z"}';
    const parts = [
      'fp1',
      'qualio',
      'NC-2025-001',
      'nc.updated',
      '2025-01-05T10:15:32.000Z',
      '0',
      h(canonical).toString('hex'),
    ];
    expect(`fp1:${h(Buffer.concat(parts.map(lp))).toString('hex')}`).toBe(GOLDEN);
  });
});

describe('fp1 length prefixes of non-ASCII parts', () => {
  it('count UTF-8 bytes, a lone surrogate as the 3 of U+FFFD, like the byte encoding does', () => {
    const h = (s: string | Buffer) => createHash('sha256').update(s).digest();
    const lp = (s: string) => {
      const bytes = Buffer.from(new TextEncoder().encode(s));
      return Buffer.concat([Buffer.from(`${bytes.length}:`), bytes]);
    };
    for (const subject of [
      'Müller-Äpfel',
      '客户-42',
      '😀 order',
      'lone \ud800 high',
      'lone \udc00',
    ]) {
      const input = { ...base, subject, payload: { s: subject } };
      const { key, parts } = explainFingerprint(input);
      const encoded = [
        'fp1',
        parts.provider,
        subject,
        parts.eventType,
        parts.timestamp,
        '0',
        parts.payloadHash,
      ];
      expect(key).toBe(`fp1:${h(Buffer.concat(encoded.map(lp))).toString('hex')}`);
    }
  });
});
