import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, omitPaths } from '../src/canonical-json';
import { explainFingerprint, fingerprint } from '../src/kit';
import { dotPaths, jsonValues } from './support/json-values';

/**
 * The recursive implementation fp1 was frozen with, kept as the oracle: for any JSON value and
 * any paths, the iterative code must produce the very same canonical text (so no fp1 key moves).
 */
function oracleCanonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(oracleCanonical).join(',')}]`;
  const record = value as Record<string, unknown>;
  const entries = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${oracleCanonical(record[k])}`);
  return `{${entries.join(',')}}`;
}
function oracleOmit(value: unknown, paths: string[][]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const here = new Set(paths.filter((p) => p.length === 1).map((p) => p[0] as string));
  const below = (key: string) =>
    paths.filter((p) => p.length > 1 && (p[0] === key || p[0] === '*')).map((p) => p.slice(1));
  if (Array.isArray(value)) return value.map((item, i) => oracleOmit(item, below(String(i))));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (here.has(key) || here.has('*')) continue;
    out[key] = oracleOmit(child, below(key));
  }
  return out;
}

/** `levels` arrays inside each other around `inner`, built as text and parsed (no recursion). */
function deepJson(levels: number, inner = '1'): unknown {
  return JSON.parse(`${'['.repeat(levels)}${inner}${']'.repeat(levels)}`);
}

const base = {
  provider: 'qualio',
  subject: 'NC-2025-001',
  eventType: 'nc.updated',
  timestamp: '2025-01-05T10:15:32Z',
  volatileFields: ['sentAt', 'attempt'],
};

describe('canonicalJson and omitPaths match the frozen fp1 algorithm', () => {
  const json = jsonValues('a', 'b', 'sentAt', 'items', '0', '1', 'x y');
  const path = dotPaths('a', 'b', 'sentAt', 'items', '0', '*');

  it('gives the same text as the recursive original for any JSON value and paths', () => {
    fc.assert(
      fc.property(json, fc.array(path, { maxLength: 4 }), (value, paths) => {
        const expected = oracleCanonical(
          paths.length === 0
            ? value
            : oracleOmit(
                value,
                paths.map((p) => p.split('.')),
              ),
        );
        expect(canonicalJson(omitPaths(value, paths))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('never modifies its input', () => {
    fc.assert(
      fc.property(json, fc.array(path, { maxLength: 4 }), (value, paths) => {
        const before = JSON.stringify(value);
        omitPaths(value, paths);
        expect(JSON.stringify(value)).toBe(before);
      }),
    );
  });
});

describe('every JSON key counts, __proto__ included (issue 10 item 6)', () => {
  const a = JSON.parse('{"ncId":"NC-1","__proto__":{"status":"open"},"sentAt":1}');
  const b = JSON.parse('{"ncId":"NC-1","__proto__":{"status":"closed"},"sentAt":2}');

  it('canonicalJson serializes an own __proto__ member', () => {
    expect(canonicalJson(a)).toBe('{"__proto__":{"status":"open"},"ncId":"NC-1","sentAt":1}');
  });

  it('omitPaths keeps it as an own member and never as a prototype', () => {
    const copy = omitPaths(a, ['sentAt']) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['ncId', '__proto__']);
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ status: 'open' });
    expect(canonicalJson(copy)).toBe('{"__proto__":{"status":"open"},"ncId":"NC-1"}');
  });

  it('omitPaths reaches inside __proto__ and under a nested one', () => {
    const nested = JSON.parse('{"x":{"__proto__":{"sentAt":1,"v":2}}}');
    expect(canonicalJson(omitPaths(nested, ['x.__proto__.sentAt']))).toBe(
      '{"x":{"__proto__":{"v":2}}}',
    );
  });

  it('two payloads differing only in __proto__ get two fingerprints', () => {
    const one = fingerprint({ ...base, payload: a });
    const two = fingerprint({ ...base, payload: b });
    expect(one).not.toBe(two);
    // ...while the volatile sentAt still does not count.
    const retry = JSON.parse('{"ncId":"NC-1","__proto__":{"status":"open"},"sentAt":9}');
    expect(fingerprint({ ...base, payload: retry })).toBe(one);
  });
});

describe('no recursion on input depth (issue 10 item 7)', () => {
  for (const levels of [10_000, 100_000]) {
    it(`canonicalJson, omitPaths and fingerprint handle ${levels} levels`, () => {
      const value = deepJson(levels);
      const started = performance.now();
      const text = canonicalJson(value);
      expect(text.length).toBe(2 * levels + 1);
      expect(canonicalJson(omitPaths(value, ['*.*.sentAt']))).toBe(text);
      const objects = JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
      const deepPath = Array.from({ length: 50 }, () => 'a').join('.');
      expect(
        explainFingerprint({ ...base, payload: objects, volatileFields: [deepPath] }).key,
      ).toMatch(/^fp1:[0-9a-f]{64}$/);
      expect(performance.now() - started).toBeLessThan(5_000);
    });
  }

  it('a circular value is a TypeError, not a hang or a stack overflow', () => {
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = { back: loop };
    expect(() => canonicalJson(loop)).toThrow(TypeError);
    // The same object twice, side by side, is not a cycle.
    const shared = { v: 1 };
    expect(canonicalJson({ x: shared, y: [shared, shared] })).toBe(
      '{"x":{"v":1},"y":[{"v":1},{"v":1}]}',
    );
  });

  it('Dates serialize as JSON does, an invalid one as null', () => {
    expect(canonicalJson({ at: new Date('2025-01-05T10:15:32Z'), bad: new Date(Number.NaN) })).toBe(
      '{"at":"2025-01-05T10:15:32.000Z","bad":null}',
    );
  });
});
