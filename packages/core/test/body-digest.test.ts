/**
 * `sha256-body:` digests (adapters with `digestOf: 'signed-body'`): the SHA-256 of the bytes as
 * signed, with the values of top-level `digestExclude` members cut out only where they can be
 * located for certain; every other case answers undefined, so the caller digests canonically.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BODY_DIGEST_PREFIX, signedBodyDigest } from '../src/kit';

const encoder = new TextEncoder();
const lenient = new TextDecoder();
const sha = (...parts: (string | Uint8Array)[]) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return `${BODY_DIGEST_PREFIX}${hash.digest('hex')}`;
};
/** The digest of a body given as text, parsed as the adapters parse it. */
const digestOf = (text: string, exclude: readonly string[] = ['pending_webhooks']) => {
  const bytes = encoder.encode(text);
  return signedBodyDigest(bytes, lenient.decode(bytes), JSON.parse(text), exclude);
};

describe('signedBodyDigest', () => {
  it('without exclusions: the SHA-256 of the exact bytes', () => {
    const text = '{"id":"evt_1", "b": [1,2,{"c":"é€😀"}]}';
    expect(digestOf(text, [])).toBe(sha(text));
    expect(digestOf(`${text}\n`, [])).toBe(sha(`${text}\n`));
  });

  it('cuts a top-level number out of the bytes, whatever its value, spacing or position', () => {
    for (const [before, after] of [
      ['{"id":"evt_1","pending_webhooks":', ',"type":"x"}'],
      ['{\n  "id": "evt_1",\n  "pending_webhooks" :  ', ',\n  "type": "x"\n}\n'],
      ['{"pending_webhooks":', '}'],
      ['{"a":{"b":[{"c":"ü"}]},"pending_webhooks":', ',"request":{"id":"réq","k":null},"t":"x"}'],
    ] as const) {
      const expected = sha(before, after);
      for (const value of ['1', '0', '17', '-3', '2.5', '1e3']) {
        expect(digestOf(before + value + after)).toBe(expected);
      }
    }
  });

  it('cuts booleans and null, and several members at once', () => {
    const text = '{"a":true,"id":"x","b":null,"c":3}';
    expect(digestOf(text, ['a', 'b', 'c'])).toBe(sha('{"a":', ',"id":"x","b":', ',"c":', '}'));
    expect(digestOf('{"a":false,"id":"x","b":null,"c":44}', ['c', 'a', 'b'])).toBe(
      digestOf(text, ['a', 'b', 'c']),
    );
  });

  it('an excluded member that is absent leaves the bytes whole', () => {
    expect(digestOf('{"id":"x"}')).toBe(sha('{"id":"x"}'));
  });

  it('counts offsets in bytes: a byte order mark and invalid UTF-8 before the member', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const head = encoder.encode('{"x":"');
    const bad = new Uint8Array([0xff, 0xc3]);
    const middle = encoder.encode('","pending_webhooks":');
    const tail = encoder.encode(',"y":"é€😀"}');
    const bytesWith = (value: string, after: Uint8Array = tail) =>
      new Uint8Array([...bom, ...head, ...bad, ...middle, ...encoder.encode(value), ...after]);
    const digest = (bytes: Uint8Array) => {
      const text = lenient.decode(bytes);
      return signedBodyDigest(bytes, text, JSON.parse(text), ['pending_webhooks']);
    };
    const expected = sha(new Uint8Array([...bom, ...head, ...bad, ...middle]), tail);
    for (const value of ['4', '123']) expect(digest(bytesWith(value))).toBe(expected);
    // Invalid bytes after it: U+FFFD could stand for one byte or three, so no byte offset is
    // certain and the canonical digest is used.
    const badTail = new Uint8Array([...encoder.encode(',"y":"'), ...bad, ...encoder.encode('"}')]);
    expect(digest(bytesWith('4', badTail))).toBeUndefined();
  });

  it('a body decoded to as many units as it has bytes is cut at its text offsets, U+FFFD included', () => {
    // Each invalid byte here is one U+FFFD, so text and byte offsets agree: the cut is exact.
    const ascii = (text: string) => encoder.encode(text);
    const bad = new Uint8Array([0xff]);
    const before = new Uint8Array([...ascii('{"x":"'), ...bad, ...ascii('","pending_webhooks":')]);
    const after = new Uint8Array([...ascii(',"y":"'), ...bad, ...bad, ...ascii('"}')]);
    const digest = (value: string) => {
      const bytes = new Uint8Array([...before, ...ascii(value), ...after]);
      const text = lenient.decode(bytes);
      expect(text.length).toBe(bytes.length);
      return signedBodyDigest(bytes, text, JSON.parse(text), ['pending_webhooks']);
    };
    expect(digest('4')).toBe(sha(before, after));
    expect(digest('1234')).toBe(sha(before, after));
    // A two-byte invalid sequence is one U+FFFD: fewer units than bytes, so the tail is
    // counted instead, and the U+FFFD in it makes the cut uncertain.
    const truncated = new Uint8Array([...before, ...ascii('4,"y":"'), 0xe2, 0x82, ...ascii('"}')]);
    const text = lenient.decode(truncated);
    expect(text.length).toBe(truncated.length - 1);
    expect(
      signedBodyDigest(truncated, text, JSON.parse(text), ['pending_webhooks']),
    ).toBeUndefined();
  });

  it('duplicate keys: the last member (the one JSON.parse keeps) is cut', () => {
    const a = digestOf('{"pending_webhooks":1,"id":"x","pending_webhooks":2}');
    expect(a).toBe(sha('{"pending_webhooks":1,"id":"x","pending_webhooks":', '}'));
    expect(digestOf('{"pending_webhooks":1,"id":"x","pending_webhooks":9}')).toBe(a);
  });

  it.each([
    ['a nested path', '{"a":{"b":1}}', ['a.b']],
    ['a wildcard', '{"a":{"b":1}}', ['*']],
    ['a string value', '{"pending_webhooks":"2"}', undefined],
    ['an object value', '{"pending_webhooks":{"n":2}}', undefined],
    [
      'a nested member of that name after it',
      '{"pending_webhooks":2,"z":{"pending_webhooks":1}}',
      undefined,
    ],
    [
      'the name as a later string value',
      '{"pending_webhooks":2,"z":"pending_webhooks"}',
      undefined,
    ],
    ['the name inside a later key', '{"pending_webhooks":2,"x\\"pending_webhooks":1}', undefined],
    ['an escaped key', '{"pending\\u005fwebhooks":2}', undefined],
    ['a key with non-ASCII', '{"pénding":2}', ['pénding']],
  ])('%s: undefined, so the canonical digest is used', (_name, text, exclude) => {
    expect(digestOf(text, exclude ?? ['pending_webhooks'])).toBeUndefined();
  });

  it('random bodies: the cut is exactly the value, or the canonical path is taken', () => {
    // Bodies built around a placeholder, so the bytes before and after the value are known
    // without locating anything; filler keys and values include the excluded name.
    const pieces = [
      '"pending_webhooks"',
      '"x"',
      '{}',
      '[1,{"pending_webhooks":0}]',
      '"é😀"',
      'null',
      '12',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    let cut = 0;
    for (let round = 0; round < 500; round++) {
      const members: string[] = [];
      const count = 1 + next(6);
      const at = next(count);
      for (let i = 0; i < count; i++) {
        if (i === at) members.push('"pending_webhooks":\u0000');
        else
          members.push(
            `"k${i}${next(2) ? 'pending_webhooks' : ''}":${pieces[next(pieces.length)]}`,
          );
      }
      const template = `{${members.join(next(2) ? ',' : ', ')}}`;
      const [before, after] = template.split('\u0000') as [string, string];
      const first = digestOf(`${before}${next(100)}${after}`);
      const second = digestOf(`${before}${100 + next(100)}${after}`);
      expect(second).toBe(first);
      if (first !== undefined) {
        cut++;
        expect(first).toBe(sha(before, after));
      }
    }
    expect(cut).toBeGreaterThan(100);
  });
});
