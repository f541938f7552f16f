/**
 * The generated schemas name every shape once (see scripts/generate-schemas.mjs): the published
 * declaration file stays small (it was 856 KB when each schema's inferred zod type was spelled
 * out wherever it was used) and the generated source stays readable. The dist check needs
 * `npm run build`; in CI (which builds first) a missing dist/ is a failure, locally a skip.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dts = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));
const built = existsSync(dts);
if (!built && process.env.CI)
  throw new Error('packages/github/dist is missing: CI must build first.');

describe('generated GitHub types', () => {
  it('the generated source has no line longer than 150 characters', () => {
    const source = readFileSync(new URL('../src/generated/schemas.ts', import.meta.url), 'utf8');
    const longest = Math.max(...source.split('\n').map((line) => line.length));
    expect(longest).toBeLessThanOrEqual(150);
  });

  it.skipIf(!built)('the published declaration file is under 100 KB', () => {
    expect(statSync(dts).size).toBeLessThan(100_000);
    expect(statSync(dts.replace(/\.d\.ts$/, '.d.cts')).size).toBeLessThan(100_000);
  });
});
