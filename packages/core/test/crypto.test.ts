import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/test-support/seeded-random';
import * as noble from '../src/crypto/backend';
import * as node from '../src/crypto/backend.node';
import { concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from '../src/crypto/encoding';

const hex = (s: string) => fromHex(s) as Uint8Array;
const SHA256 = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
  ],
] as const;
// RFC 4231 test cases 1, 2 and 6.
const HMAC = [
  [
    hex('0b'.repeat(20)),
    utf8('Hi There'),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  ],
  [
    utf8('Jefe'),
    utf8('what do ya want for nothing?'),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    hex('aa'.repeat(131)),
    utf8('Test Using Larger Than Block-Size Key - Hash Key First'),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
] as const;

describe.each([
  ['noble (portable build)', noble],
  ['node:crypto (node build)', node],
])('crypto backend: %s', (_name, backend) => {
  it.each(SHA256)('sha256(%j)', (input, expected) => {
    expect(toHex(backend.sha256Bytes(utf8(input)))).toBe(expected);
    expect(backend.sha256TextHex(input)).toBe(expected);
  });
  it('hashes text as UTF-8, a lone surrogate as U+FFFD', () => {
    for (const text of ['é€😀', 'a\ud800b', '\udc00']) {
      expect(backend.sha256TextHex(text)).toBe(toHex(backend.sha256Bytes(utf8(text))));
    }
  });
  it.each(HMAC)('hmac-sha256 RFC 4231 vector %#', (key, data, expected) => {
    expect(toHex(backend.hmacSha256Parts(key, [data]))).toBe(expected);
    // Parts are MACed as if concatenated, and text keys and parts are UTF-8.
    const split = [data.subarray(0, 3), new TextDecoder().decode(data.subarray(3))];
    expect(toHex(backend.hmacSha256Parts(key, split))).toBe(expected);
    expect(toHex(backend.hmacSha256Parts(key, []))).toBe(
      toHex(backend.hmacSha256Parts(key, [new Uint8Array(0)])),
    );
  });
  it('takes a text key as its UTF-8 bytes', () => {
    const data = [utf8('what do ya want for nothing?')];
    expect(toHex(backend.hmacSha256Parts('Jefé', data))).toBe(
      toHex(backend.hmacSha256Parts(utf8('Jefé'), data)),
    );
  });
  it('constant-time equality', () => {
    expect(backend.timingSafeEqualBytes(utf8('abc'), utf8('abc'))).toBe(true);
    expect(backend.timingSafeEqualBytes(utf8('abc'), utf8('abd'))).toBe(false);
    expect(backend.timingSafeEqualBytes(utf8('abc'), utf8('abcd'))).toBe(false);
    expect(backend.timingSafeEqualBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
  });
  it('compares every length alike, one differing byte anywhere is unequal', () => {
    // The Node backend compares copies in fixed buffers up to 256 bytes: lengths alternate, so
    // a view or a byte left from an earlier call would show.
    for (const length of [0, 1, 32, 31, 64, 255, 256, 257, 1000, 33]) {
      const a = Uint8Array.from({ length }, (_, i) => (i * 37 + length) % 256);
      expect(backend.timingSafeEqualBytes(a, a.slice())).toBe(true);
      for (let at = 0; at < length; at += Math.max(1, length >> 3)) {
        const b = a.slice();
        b[at] = (b[at] as number) ^ 1;
        expect(backend.timingSafeEqualBytes(a, b)).toBe(false);
        expect(backend.timingSafeEqualBytes(b, a)).toBe(false);
      }
      expect(backend.timingSafeEqualBytes(a, a.subarray(0, Math.max(0, length - 1)))).toBe(
        length === 0,
      );
    }
  });
  it('names itself', () => {
    expect(backend.BACKEND_NAME).toBe(backend === node ? 'node' : 'noble');
  });
  it('hashes bytes without byte ranges as the kept bytes joined (small and large bodies)', () => {
    // The Node backend squeezes the ranges out of a scratch copy up to 64 KB and streams above
    // it; calls alternate between sizes, so a stale scratch would show.
    const next = seededRandom(3);
    for (const size of [0, 1, 2048, 65_535, 65_536, 65_537, 2047, 200_000, 31]) {
      const bytes = Uint8Array.from({ length: size }, () => next(256));
      for (let round = 0; round < 20; round++) {
        const points = Array.from({ length: 2 * next(4) }, () => next(size + 1)).sort(
          (a, b) => a - b,
        );
        const omit: [number, number][] = [];
        for (let i = 0; i < points.length; i += 2) {
          const start = points[i] as number;
          const end = points[i + 1] as number;
          const previous = omit.at(-1);
          if (previous === undefined || start >= previous[1]) omit.push([start, end]);
        }
        const kept: Uint8Array[] = [];
        let from = 0;
        for (const [start, end] of omit) {
          kept.push(bytes.subarray(from, start));
          from = end;
        }
        kept.push(bytes.subarray(from));
        expect(backend.sha256HexOmitting(bytes, omit)).toBe(
          toHex(backend.sha256Bytes(concatBytes(...kept))),
        );
      }
    }
  });
  it('MACs like node:crypto Hmac for every key length, text and byte parts, small and large', () => {
    // The Node backend MACs up to 64 KB through scratch buffers and streams above it; calls
    // alternate key lengths (around the 64-byte block), part kinds and sizes, so a pad or a
    // message left over from the call before would show.
    const next = seededRandom(11);
    // Text is ASCII half the time (short ASCII text is copied by a loop, the rest written by
    // Buffer), else drawn from characters of every UTF-8 length and a lone surrogate.
    const ascii = ['a', 'Z', '.', '0', '_', '~'];
    const mixed = ['a', 'é', '€', '😀', '\ud800', '.', '0'];
    const text = (length: number) => {
      const alphabet = next(2) === 0 ? ascii : mixed;
      return Array.from({ length }, () => alphabet[next(alphabet.length)]).join('');
    };
    for (const size of [0, 1, 2048, 21_845, 21_846, 65_472, 65_536, 65_537, 200_000, 63]) {
      for (const keyLength of [0, 1, 32, 63, 64, 65, 131]) {
        const keyBytes = Uint8Array.from({ length: keyLength }, () => next(256));
        const key = next(2) === 0 ? keyBytes : text(keyLength);
        const body = Uint8Array.from({ length: size }, () => next(256));
        const cut = next(size + 1);
        const parts =
          next(2) === 0
            ? [text(next(12)), body]
            : [body.subarray(0, cut), text(next(100)), body.subarray(cut)];
        const mac = createHmac('sha256', key);
        for (const part of parts) mac.update(part);
        expect(toHex(backend.hmacSha256Parts(key, parts))).toBe(mac.digest('hex'));
      }
    }
  });
});

describe('encoding', () => {
  it('hex round-trips and rejects non-hex', () => {
    expect(toHex(hex('00ff10'))).toBe('00ff10');
    expect(toHex(fromHex('ABCD') as Uint8Array)).toBe('abcd');
    expect(fromHex('abc')).toBeNull();
    expect(fromHex('zz')).toBeNull();
    // Characters beyond ASCII are not hex digits, whatever their low bits.
    for (const bad of ['é0', '0\u0130', 'ａ0', ' 0']) expect(fromHex(bad)).toBeNull();
  });
  it('base64 matches Buffer and accepts url-safe and unpadded input', () => {
    const bytes = new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7) % 256));
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    expect(fromBase64(Buffer.from(bytes).toString('base64url'))).toEqual(bytes);
    expect(fromBase64('YQ')).toEqual(utf8('a'));
    expect(fromBase64('not base64!')).toBeNull();
  });
});
