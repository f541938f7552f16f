import { describe, expect, it } from 'vitest';
import { describeStore, STORE_TESTS } from '../src/index';

describe('describeStore options', () => {
  it('refuses to skip anything but optional capabilities', () => {
    expect(() =>
      describeStore({
        name: 'cheater',
        create: () => {
          throw new Error('never created');
        },
        skip: [{ reason: 'too hard', tests: ['concurrent claims yield exactly one claimed'] }],
      }),
    ).toThrow(/cannot be skipped/);
  });

  it('names every case it can run', () => {
    expect(STORE_TESTS).toContain('concurrent claims yield exactly one claimed');
    expect(STORE_TESTS).toContain('stale owner cannot complete or release');
    expect(new Set(STORE_TESTS).size).toBe(STORE_TESTS.length);
  });
});
