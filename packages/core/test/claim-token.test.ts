import { newClaimToken } from '@hooklatch/core/kit';
import { decodeTime, isValid } from 'ulid';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pooledRandom, RANDOM_POOL_BYTES } from '../src/store/claim-token';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('newClaimToken', () => {
  it('returns valid, distinct ULIDs stamped with the current time', () => {
    const before = Date.now();
    const tokens = Array.from({ length: 5000 }, newClaimToken);
    const after = Date.now();
    expect(new Set(tokens).size).toBe(tokens.length);
    for (const token of tokens.slice(0, 50)) {
      expect(isValid(token)).toBe(true);
      expect(decodeTime(token)).toBeGreaterThanOrEqual(before);
      expect(decodeTime(token)).toBeLessThanOrEqual(after);
    }
  });

  it('is strictly increasing, within one millisecond and across milliseconds', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens: string[] = [];
    for (let ms = 0; ms < 50; ms++) {
      vi.setSystemTime(1_800_000_000_000 + ms);
      for (let i = 0; i < 40; i++) tokens.push(newClaimToken());
    }
    for (let i = 1; i < tokens.length; i++) {
      expect((tokens[i - 1] as string) < (tokens[i] as string), `token #${i}`).toBe(true);
    }
    // Same millisecond: same time part, the random part counts up by one.
    expect(decodeTime(tokens[0] as string)).toBe(decodeTime(tokens[39] as string));
    expect(decodeTime(tokens[40] as string)).toBe(1_800_000_000_001);
  });

  it('calls crypto.getRandomValues once per many tokens, not once per character', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const count = 2_000;
    const tokens: string[] = [];
    // A new millisecond per token: every token draws a fresh 16-character random part.
    for (let i = 0; i < count; i++) {
      vi.setSystemTime(1_900_000_000_000 + i);
      tokens.push(newClaimToken());
    }
    const bytesDrawn = count * 16;
    expect(spy.mock.calls.length).toBeLessThanOrEqual(
      Math.ceil(bytesDrawn / RANDOM_POOL_BYTES) + 1,
    );
    expect(spy.mock.calls.length).toBeGreaterThan(0);
    expect(new Set(tokens.map((t) => t.slice(10))).size).toBe(count);
  });
});

describe('pooledRandom', () => {
  it('refills its pool with one call per pool size and draws every byte once', () => {
    const fills: number[] = [];
    let counter = 0;
    const draw = pooledRandom((bytes) => {
      fills.push(bytes.length);
      for (let i = 0; i < bytes.length; i++) bytes[i] = counter++ & 0xff;
    }, 64);
    const values = Array.from({ length: 200 }, draw);
    expect(fills).toEqual([64, 64, 64, 64]);
    // Each draw is one byte's low 5 bits scaled to [0, 1): byte i gives (i & 31) / 32.
    expect(values.slice(0, 70)).toEqual(Array.from({ length: 70 }, (_, i) => (i & 31) / 32));
  });

  it('keeps every base32 character equally likely from real random bytes', () => {
    const draw = pooledRandom();
    const counts = new Array<number>(32).fill(0);
    const n = 320_000;
    let outOfRange = 0;
    for (let i = 0; i < n; i++) {
      const value = draw();
      if (!(value >= 0 && value < 1)) outOfRange++;
      else counts[value * 32] = (counts[value * 32] as number) + 1;
    }
    expect(outOfRange).toBe(0);
    // 10 000 expected per character; 6 standard deviations (about 590) of slack.
    for (const [index, seen] of counts.entries()) {
      expect(Math.abs(seen - n / 32), `character ${CROCKFORD[index]}`).toBeLessThan(600);
    }
  });
});
