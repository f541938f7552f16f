import { newClaimToken } from '@hooklatch/core';
import { decodeTime, isValid } from 'ulid';
import { describe, expect, it } from 'vitest';

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
});
