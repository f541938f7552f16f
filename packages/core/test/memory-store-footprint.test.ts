import { describe, expect, it } from 'vitest';
import { bytesPerLiveKey, MAX_BYTES_PER_KEY } from '../../../bench/memory-store';

describe('memoryStore footprint (issue 10, item 3)', () => {
  it(`holds at most ${MAX_BYTES_PER_KEY} B of heap per live key`, async () => {
    // The same measurement as `npm run bench` (about 1.1 KB per key before the compact table).
    const perKey = await bytesPerLiveKey(100_000);
    expect(perKey).toBeGreaterThan(0);
    expect(perKey).toBeLessThanOrEqual(MAX_BYTES_PER_KEY);
  }, 30_000);
});
