/**
 * Bun drops a diagnostics channel and its subscribers once nothing references the channel
 * object: `metrics()` subscribed before a collection must still count what comes after it.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runtimeBinary } from './support/binaries';
import { bundleFor } from './support/bundle';

const bun = runtimeBinary('bun');

describe.skipIf(!bun)('bun: observation across a garbage collection', () => {
  it('metrics() counts the deliveries after the heap was collected', async () => {
    const bundle = await bundleFor('bun', 'harness/metrics-gc.ts', { nodeBuiltins: true });
    const out = execFileSync(bun as string, ['run', '--no-install', bundle.file], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) as string)).toEqual({ counted: 2 });
  }, 30_000);
});
