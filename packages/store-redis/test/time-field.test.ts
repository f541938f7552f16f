/**
 * The record's time fields (src/record-format.ts) are 13 zero-padded digits of epoch ms. The
 * fast path writes a 13-digit time as two small integers; every time must read as the general
 * path writes it, at the boundaries of the fast path and across the range a store sees.
 */
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/test-support/seeded-random';
import { timeField } from '../src/record-format';

const general = (ms: number) => String(ms).padStart(13, '0');

describe('timeField', () => {
  it('writes what the general path writes, at and around every boundary', () => {
    const edges = [0, 1, 9_999_999, 10_000_000, 999_999_999_999, 1e12, 1e12 + 1, 1e13 - 1, 1e13];
    for (const edge of edges) {
      for (const ms of [edge - 1, edge, edge + 1]) {
        if (ms >= 0) expect(timeField(ms)).toBe(general(ms));
      }
    }
    // A low part with leading zeros, and one of all nines.
    for (const ms of [1_700_000_000_000, 1_700_000_000_001, 1_700_009_999_999, 1_700_000_000_123]) {
      expect(timeField(ms)).toBe(general(ms));
    }
  });
  it('writes what the general path writes for random times from now to the year 2286', () => {
    const next = seededRandom(13);
    for (let i = 0; i < 20_000; i++) {
      const ms = 1e12 + next(2 ** 30) * 8_000 + next(8_000);
      expect(timeField(ms)).toBe(general(ms));
      expect(timeField(ms)).toHaveLength(13);
    }
  });
  it('leaves a fractional time to the general path', () => {
    expect(timeField(1_700_000_000_000.5)).toBe(general(1_700_000_000_000.5));
  });
});
