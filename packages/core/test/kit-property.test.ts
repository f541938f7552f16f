/** Property tests for the kit's signature encoding and secret comparison. */
import { createHmac } from 'node:crypto';
import {
  decodeSignature,
  encodeSignature,
  hmacHeaderVerifier,
  type SignatureEncoding,
  secretEquals,
} from '@hooklatch/core/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rawDelivery } from './support/kit-helpers';

const encoding = fc.constantFrom<SignatureEncoding>('hex', 'base64');
// Prefixes as providers write them, plus arbitrary visible ASCII (no whitespace: values are trimmed).
const prefix = fc.oneof(
  fc.constantFrom('', 'sha256=', 'v1=', 'v0=', 'v1,', 'sha256:'),
  fc.stringMatching(/^[!-~]{0,12}$/),
);
const digest = fc.uint8Array({ minLength: 1, maxLength: 64 });

describe('encodeSignature / decodeSignature', () => {
  it('round-trips any non-empty digest for hex and base64, with any prefix', () => {
    fc.assert(
      fc.property(digest, encoding, prefix, (bytes, enc, pre) => {
        const encoded = encodeSignature(bytes, enc, pre);
        expect(encoded.startsWith(pre)).toBe(true);
        expect(decodeSignature(encoded, { header: 'X-Sig', encoding: enc, prefix: pre })).toEqual(
          bytes,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('ignores surrounding whitespace and the case of the prefix', () => {
    fc.assert(
      fc.property(digest, encoding, prefix, (bytes, enc, pre) => {
        const encoded = encodeSignature(bytes, enc, '');
        const received = `  ${pre.toUpperCase()}${enc === 'hex' ? encoded.toUpperCase() : encoded} `;
        expect(decodeSignature(received, { header: 'X-Sig', encoding: enc, prefix: pre })).toEqual(
          bytes,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with node:crypto encodings', () => {
    fc.assert(
      fc.property(digest, (bytes) => {
        expect(encodeSignature(bytes)).toBe(Buffer.from(bytes).toString('hex'));
        expect(encodeSignature(bytes, 'base64', 'p=')).toBe(
          `p=${Buffer.from(bytes).toString('base64')}`,
        );
      }),
    );
  });

  it('refuses a value without the required prefix, naming the header but not the value', () => {
    // Signature-sized digests: a one-byte value ("56") could appear in any message by chance
    // (it is in "sha256="), so its absence would prove nothing.
    const signatureDigest = fc.uint8Array({ minLength: 16, maxLength: 64 });
    fc.assert(
      fc.property(signatureDigest, encoding, (bytes, enc) => {
        const encoded = encodeSignature(bytes, enc, '');
        try {
          decodeSignature(encoded, { header: 'X-Sig', encoding: enc, prefix: 'sha256=' });
          return false;
        } catch (error) {
          const e = error as { code: string; message: string };
          expect(e.code).toBe('SIGNATURE_MALFORMED');
          expect(e.message).toContain('X-Sig');
          expect(e.message).not.toContain(encoded);
          return true;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('hmacHeaderVerifier', () => {
  it('accepts exactly what a provider signing with node:crypto sends, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.uint8Array({ maxLength: 200 }),
        encoding,
        fc.constantFrom('', 'sha256='),
        (secret, body, enc, pre) => {
          const verify = hmacHeaderVerifier({
            provider: 'p',
            header: 'X-Sig',
            secret,
            encoding: enc,
            prefix: pre,
          });
          const signature = createHmac('sha256', secret).update(body).digest(enc);
          expect(() => verify(rawDelivery(body, { 'x-sig': pre + signature }))).not.toThrow();
          const other = createHmac('sha256', `${secret}!`).update(body).digest(enc);
          expect(() => verify(rawDelivery(body, { 'x-sig': pre + other }))).toThrow(
            expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('secretEquals', () => {
  // Well-formed strings (no lone surrogates): what HTTP headers and configuration can carry.
  const text = fc.string({ unit: 'grapheme', maxLength: 24 });

  it('is equivalent to === for any two strings', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(secretEquals(a, b)).toBe(a === b);
      }),
      { numRuns: 500 },
    );
  });

  it('is true for a string and itself, false after any one-character change', () => {
    fc.assert(
      fc.property(
        text.filter((s) => s.length > 0),
        fc.nat(),
        fc.constantFrom('a', 'Z', '0', ' ', 'é'),
        (s, at, ch) => {
          expect(secretEquals(s, `${s}`)).toBe(true);
          const i = at % s.length;
          const changed = s.slice(0, i) + ch + s.slice(i + 1);
          expect(secretEquals(s, changed)).toBe(s === changed);
          expect(secretEquals(s, s + ch)).toBe(false);
          expect(secretEquals(s + ch, s)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
