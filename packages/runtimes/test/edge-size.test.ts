/**
 * The edge bundle budget (issue 11): core plus one adapter, bundled for a Worker with
 * wrangler's export conditions, minified and gzipped, at most 40 KB. Prints each size and what
 * it is made of, so a regression names its cause.
 */
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { bundleFor } from './support/bundle';

const BUDGET_BYTES = 40 * 1024;

/** Output bytes per package (`zod`, `@noble/hashes`, `@hooklatch/core`...), largest first. */
function byPackage(metafile: Metafile): Array<[string, number]> {
  const sizes = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const dep = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
      const own = /packages\/([^/]+)\//.exec(file)?.[1];
      const name = dep ?? (own ? `@hooklatch/${own}` : file);
      sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...sizes].sort((a, b) => b[1] - a[1]);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('edge bundle size (workerd conditions, minified + gzip)', () => {
  it.each([
    ['core + stripe', 'harness/edge-stripe.ts'],
    ['core + standard-webhooks', 'harness/edge-standard-webhooks.ts'],
  ])('%s fits in 40 KB', async (name, entry) => {
    const bundle = await bundleFor('workerd', entry, { minify: true });
    const gzipped = gzipSync(bundle.code, { level: 9 }).length;
    const parts = byPackage(bundle.metafile)
      .map(([pkg, bytes]) => `${pkg} ${kb(bytes)}`)
      .join(', ');
    console.log(
      `${name}: ${kb(bundle.code.length)} minified, ${kb(gzipped)} gzipped (budget ${kb(BUDGET_BYTES)}); minified by package: ${parts}`,
    );
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
