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

  it('skipping list skips every list case', () => {
    const skipped: string[] = [];
    const ran: string[] = [];
    const it = Object.assign((name: string) => void ran.push(name), {
      skip: (name: string) => void skipped.push(name),
    });
    describeStore(
      {
        name: 'no list',
        create: () => {
          throw new Error('never created');
        },
        skip: [{ reason: 'cannot enumerate', tests: ['list'] }],
      },
      { describe: (_name, body) => body(), it },
    );
    expect(skipped).toHaveLength(2);
    expect(
      skipped.every(
        (name) => name.startsWith('list') && name.endsWith('(skipped: cannot enumerate)'),
      ),
    ).toBe(true);
    expect(ran).toHaveLength(STORE_TESTS.length - 2);
  });

  it('names every case it can run', () => {
    expect(STORE_TESTS).toContain('concurrent claims yield exactly one claimed');
    expect(STORE_TESTS).toContain('stale owner cannot complete or release');
    expect(new Set(STORE_TESTS).size).toBe(STORE_TESTS.length);
  });
});
