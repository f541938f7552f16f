/**
 * The fast canonical walk (canonical-walk.ts) against the explicit-stack serializer it stands in
 * for: the same text for any value and any excluded paths, the nesting limit exactly where the
 * byte scan of the raw body puts it (excluded members included), and the hand-over to the stack
 * beyond the recursion limit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonWithin, omitPaths } from '../src/canonical-json';
import { RECURSION_LIMIT } from '../src/canonical-walk';
import { jsonDepthExceeds, jsonValueDepthExceeds } from '../src/json-depth';
import { dotPaths, jsonValues } from './support/json-values';

const json = jsonValues('a', 'b', 'sentAt', 'items', '0', '1', 'x y', '__proto__', 'é', '😀');
const path = dotPaths('a', 'b', 'sentAt', 'items', '0', '*', '__proto__');

/** A parsed body: `__proto__` keys are own members, as JSON.parse makes them. */
const parsed = json.map((value) => JSON.parse(JSON.stringify(value)) as unknown);

describe('canonicalJsonWithin', () => {
  it('gives canonicalJson(omitPaths(value, paths)) for any value and paths', () => {
    fc.assert(
      fc.property(parsed, fc.array(path, { maxLength: 4 }), (value, paths) => {
        expect(canonicalJsonWithin(value, paths, Number.POSITIVE_INFINITY)).toBe(
          canonicalJson(omitPaths(value, paths)),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('refuses exactly the bodies the raw-byte scan refuses, excluded members included', () => {
    fc.assert(
      fc.property(
        parsed,
        fc.array(path, { maxLength: 3 }),
        fc.integer({ min: 1, max: 6 }),
        (value, paths, maxDepth) => {
          const bytes = new TextEncoder().encode(JSON.stringify(value));
          const text = canonicalJsonWithin(value, paths, maxDepth);
          expect(text === null).toBe(jsonDepthExceeds(bytes, maxDepth));
          if (text !== null) expect(text).toBe(canonicalJson(omitPaths(value, paths)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('jsonValueDepthExceeds on the parsed value agrees with the byte scan, at any limit', () => {
    fc.assert(
      fc.property(parsed, fc.integer({ min: 1, max: 8 }), (value, maxDepth) => {
        const bytes = new TextEncoder().encode(JSON.stringify(value));
        expect(jsonValueDepthExceeds(value, maxDepth)).toBe(jsonDepthExceeds(bytes, maxDepth));
      }),
      { numRuns: 1000 },
    );
    // Far beyond any recursion limit: the walk stops at maxDepth.
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(jsonValueDepthExceeds(deep, 128)).toBe(true);
    expect(jsonValueDepthExceeds({ a: [1, { b: 'x' }] }, 3)).toBe(false);
    expect(jsonValueDepthExceeds({ a: [1, { b: {} }] }, 3)).toBe(true);
    expect(jsonValueDepthExceeds('text', 1)).toBe(false);
  });

  it('counts a deep member that is left out of the text', () => {
    const value = { keep: 1, sentAt: [[[[1]]]] };
    expect(canonicalJsonWithin(value, ['sentAt'], 5)).toBe('{"keep":1}');
    expect(canonicalJsonWithin(value, ['sentAt'], 4)).toBeNull();
  });

  it('hands over to the explicit stack beyond the recursion limit, with the same answers', () => {
    const levels = RECURSION_LIMIT + 50;
    const deep = JSON.parse(`${'{"a":'.repeat(levels)}{"sentAt":1,"v":2}${'}'.repeat(levels)}`);
    const path = [...Array.from({ length: levels }, () => 'a'), 'sentAt'].join('.');
    const expected = `${'{"a":'.repeat(levels)}{"v":2}${'}'.repeat(levels)}`;
    expect(canonicalJsonWithin(deep, [path], Number.POSITIVE_INFINITY)).toBe(expected);
    expect(canonicalJsonWithin(deep, [path], levels + 1)).toBe(expected);
    expect(canonicalJsonWithin(deep, [path], levels)).toBeNull();
  });
});

describe('canonicalJson fast path', () => {
  it('sorts every object of an array, whatever order each arrived in', () => {
    const items = [
      { b: 1, a: 2 },
      { b: 3, a: 4 },
      { a: 5, b: 6 },
      { c: 7, b: 8, a: 9 },
    ];
    expect(canonicalJson(items)).toBe(
      '[{"a":2,"b":1},{"a":4,"b":3},{"a":5,"b":6},{"a":9,"b":8,"c":7}]',
    );
  });

  it('escapes what JSON escapes, lone surrogates included, in keys and values', () => {
    const value = { 'k"\\\n': 'v"\\\u0001', lone: '\ud800', pair: '😀', é: 'é' };
    expect(canonicalJson(value)).toBe(
      '{"k\\"\\\\\\n":"v\\"\\\\\\u0001","lone":"\\ud800","pair":"😀","é":"é"}',
    );
  });

  it('stays exact for a body with more distinct keys than its key cache holds', () => {
    const wide = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]));
    const entries = Object.keys(wide)
      .sort()
      .map((k) => `"${k}":${wide[k]}`);
    expect(canonicalJson(wide)).toBe(`{${entries.join(',')}}`);
    expect(canonicalJson({ k1: 'again' })).toBe('{"k1":"again"}');
  });

  it('writes Dates, bigints, non-finite numbers and functions as the stack serializer does', () => {
    const value = {
      at: new Date(Date.UTC(2025, 0, 1)),
      bad: new Date(Number.NaN),
      big: 10n,
      inf: Number.POSITIVE_INFINITY,
      list: [undefined, () => 1, Symbol('s')],
      gone: undefined,
    };
    expect(canonicalJson(value)).toBe(
      '{"at":"2025-01-01T00:00:00.000Z","bad":null,"big":10,"inf":null,"list":[null,null,null]}',
    );
  });
});
