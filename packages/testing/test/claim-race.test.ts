import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runClaimRace } from '../src/index';

describe('runClaimRace harness', () => {
  it('counts claims per key across processes (a per-process store is caught double-claiming)', async () => {
    const report = await runClaimRace({
      factoryModule: fileURLToPath(new URL('./support/memory-factory.ts', import.meta.url)),
      processes: 2,
      concurrency: 4,
      keys: 50,
    });
    expect(report.errors).toEqual([]);
    expect(report.claims).toBe(2 * 4 * 50);
    // Within one process the memory store is atomic (one claim per key); across two it is not shared.
    expect(report.claimedPerKey).toEqual(new Array(50).fill(2));
  }, 60_000);

  it('one child failing to start ends the race at once, not at the timeout', async () => {
    const marker = join(mkdtempSync(join(tmpdir(), 'hl-race-')), 'failed');
    const started = Date.now();
    const report = await runClaimRace({
      factoryModule: fileURLToPath(new URL('./support/one-fails-factory.mjs', import.meta.url)),
      processes: 3,
      concurrency: 1,
      keys: 5,
      env: { HOOKLATCH_RACE_MARKER: marker },
      timeoutMs: 60_000,
    });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(report.errors.some((e) => e.includes('cannot reach the store'))).toBe(true);
    expect(report.claims).toBe(0);
  }, 60_000);

  it('reports a factory that fails to load as an error, not as success', async () => {
    const report = await runClaimRace({
      factoryModule: '/nonexistent/factory.ts',
      processes: 1,
      keys: 3,
      concurrency: 1,
    });
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatch(/child exited 1/);
    expect(report.claimedPerKey).toEqual([0, 0, 0]);
  }, 60_000);
});
