import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJsonWithout } from '../src/canonical-json';
import { utf8 } from '../src/crypto/encoding';
import { ExactNumber, exactDecimal, exactNumbersOf } from '../src/exact-numbers';
import { readSignedJsonObject } from '../src/kit/json-fields';
import { parseCanonicalBody } from '../src/payload';
import { deliveryDigest } from '../src/payload-digest';
import { jsonValues } from './support/json-values';

/** The canonical text of a body as the ID-less adapters make it (fingerprint and digest). */
const canonical = (body: string, exclude: string[] = []) =>
  parseCanonicalBody(utf8(body), 128, exclude).text;

describe('numbers a double cannot hold (exact-numbers.ts)', () => {
  it('keeps bodies that differ only in such a number apart', () => {
    const pairs = [
      ['9007199254740993', '9007199254740992'],
      ['0.30000000000000004', '0.3000000000000000444'],
      ['1e400', 'null'],
      ['1e400', '-1e400'],
      ['-1e400', 'null'],
      ['1e-400', '0'],
      ['12345678901234567890', '12345678901234567891'],
      ['0.10000000000000000555', '0.1'],
    ];
    for (const [a, b] of pairs) {
      const left = `{"id":"x","n":${a},"list":[1,{"deep":${a}}]}`;
      const right = `{"id":"x","n":${b},"list":[1,{"deep":${b}}]}`;
      expect(canonical(left), `${a} / ${b}`).not.toBe(canonical(right));
      expect(deliveryDigest(utf8(left))).not.toBe(deliveryDigest(utf8(right)));
    }
  });

  it('finds them wherever a value can start: after `:`, `,`, `[`, whitespace, the text start', () => {
    const at = (n: string) => [
      `{"a" :\t\n ${n}}`,
      `{"a":[1, ${n}]}`,
      `{"a":[\r${n}]}`,
      `{"a":-${n}}`,
    ];
    const left = at('9007199254740993');
    const right = at('9007199254740992');
    left.forEach((body, i) => {
      expect(canonical(body), body).not.toBe(canonical(right[i] as string));
    });
    for (const [a, b] of [
      ['9007199254740993', '9007199254740992'],
      [' \n1e400', 'null'],
      ['[9007199254740993]', '[9007199254740992]'],
    ]) {
      expect(deliveryDigest(utf8(a as string))).not.toBe(deliveryDigest(utf8(b as string)));
    }
  });

  it('writes the exact value where the double would lose it, and nothing else changes', () => {
    expect(canonical('{"b":9007199254740993,"a":1.50,"c":"9007199254740993"}')).toBe(
      '{"a":1.5,"b":9007199254740993,"c":"9007199254740993"}',
    );
    expect(canonical('{"x":[1e400,-1e400,1e-400]}')).toBe('{"x":[1e+400,-1e+400,1e-400]}');
  });

  it('gives one text per value, however the sender spells it', () => {
    const spellings = [
      ['9007199254740993', '9007199254740993.000', '90071992547409930e-1', '9.007199254740993e15'],
      ['1e400', '10e399', '1.0e400', '0.1e401', '1E+400'],
      ['0.3000000000000000444', '3000000000000000444e-19', '0.30000000000000004440'],
    ];
    for (const group of spellings) {
      const texts = group.map((token) => canonical(`{"n":${token}}`));
      expect(new Set(texts).size, group.join(' ')).toBe(1);
    }
  });

  it('agrees with Number#toString on every double (no fingerprint of an ordinary number moves)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        expect(exactDecimal(String(value))).toBe(String(Object.is(value, -0) ? 0 : value));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(jsonValues('a', 'b', '__proto__'), (value) => {
        expect(exactNumbersOf(JSON.stringify(value))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('counts only the last of repeated keys, as JSON.parse does', () => {
    expect(canonical('{"a":9007199254740993,"a":1}')).toBe(canonical('{"a":1}'));
    expect(canonical('{"a":{"x":1e400},"a":{"x":2}}')).toBe('{"a":{"x":2}}');
    expect(canonical('{"a":1,"a":1e400}')).toBe('{"a":1e+400}');
    expect(canonical('{"a":[1e400],"b":2,"a":[3],"c":-1e400}')).toBe('{"a":[3],"b":2,"c":-1e+400}');
  });

  it('finds numbers at any path: escaped keys, __proto__, arrays, excluded fields', () => {
    expect(canonical('{"k\\u0041":1e400,"__proto__":{"n":1e400}}')).toBe(
      '{"__proto__":{"n":1e+400},"kA":1e+400}',
    );
    expect(canonical('{"s":"a\\"b\\\\","a":[[0,1e400]]}')).toBe(
      '{"a":[[0,1e+400]],"s":"a\\"b\\\\"}',
    );
    // An excluded field stays out whatever it holds.
    expect(canonical('{"keep":1,"sentAt":1e400}', ['sentAt'])).toBe('{"keep":1}');
    expect(canonical('{"m":{"t":9007199254740993}}', ['m.t'])).toBe('{"m":{}}');
  });

  it('is used by the signed-body adapters’ canonical fallback too', () => {
    const body = '{"a":9007199254740993}';
    const other = '{"a":9007199254740992}';
    const delivery = (text: string) => ({
      method: 'POST',
      headers: {},
      rawBody: utf8(text),
      receivedAt: new Date(),
    });
    // A path the bytes cannot cut for certain (inside an array) takes the canonical digest.
    const digest = (text: string) =>
      readSignedJsonObject(delivery(text), 'test', 128, ['a.0']).digest;
    expect(digest(body)).not.toBe(digest(other));
  });

  it('leaves the parsed payload alone and hands the canonical walk exact values only', () => {
    const body = parseCanonicalBody(utf8('{"n":9007199254740993}'), 128, []);
    expect((body.value as { n: number }).n).toBe(9007199254740992);
    expect((body.exact as { n: ExactNumber }).n).toBeInstanceOf(ExactNumber);
    expect(canonicalJsonWithout(body.exact, [])).toBe(body.text);
  });

  it('stays linear on hostile numbers', () => {
    // Compared as booleans: a failure must not print 400 KB.
    const digits = '9'.repeat(400_000);
    const big = canonical(`{"n":${digits}}`);
    expect(big === `{"n":9.${'9'.repeat(399_999)}e+399999}`).toBe(true);
    const exponent = canonical(`{"n":1e${'9'.repeat(400_000)}}`);
    expect(exponent === `{"n":0.1e${'9'.repeat(400_000)}+1}`).toBe(true);
    expect(canonical(`{"n":[${'1e999,'.repeat(50_000)}0]}`).length).toBeGreaterThan(300_000);
  });

  it('places every number of a deep body at its own path (shared path frames)', () => {
    const deep = (n: number, inner: string) => '{"a":['.repeat(n) + inner + ']}'.repeat(n);
    const body = deep(40, '1e400,{"x":[2e400,3]},-1e400,{"y":9007199254740993},[4e400]');
    expect(canonical(body)).toBe(
      deep(40, '1e+400,{"x":[2e+400,3]},-1e+400,{"y":9007199254740993},[4e+400]'),
    );
    const siblings = '{"p":{"q":[1e400,{"r":5e400}],"s":6e400},"t":{"u":7e400}}';
    expect(canonical(siblings)).toBe(
      '{"p":{"q":[1e+400,{"r":5e+400}],"s":6e+400},"t":{"u":7e+400}}',
    );
  });

  it('keeps memory linear in the body, not numbers times depth', () => {
    // 170 000 lossy numbers 120 levels deep (1 MB): a path copy per number needed over 200 MB
    // of heap; here the child runs with 64 MB and must fit.
    const payload = fileURLToPath(new URL('../src/payload.ts', import.meta.url));
    const script = `
      import { parseCanonicalBody } from ${JSON.stringify(payload)};
      const body = '{"a":'.repeat(120) + '[' + Array(170000).fill('1e400').join(',') + ']' + '}'.repeat(120);
      const text = parseCanonicalBody(new TextEncoder().encode(body), 128, []).text;
      console.log(text.length);
    `;
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=64', '--import', 'tsx', '--input-type=module', '-e', script],
      { timeout: 60_000, encoding: 'utf8' },
    );
    expect({
      status: child.status,
      out: child.stdout.trim(),
      err: child.stderr.slice(0, 200),
    }).toEqual({
      status: 0,
      out: String(120 * 5 + 2 + 170_000 * 6 + 169_999 + 120), // "1e+400" each
      err: '',
    });
  }, 90_000);
});
