/**
 * The published types work under TypeScript's legacy `node10` resolution too, which is what a
 * tsconfig with `"module": "commonjs"` and no `moduleResolution` gets (NestJS's default). That
 * resolution ignores `exports`, so every subpath (`@hooklatch/core/kit`, `/testing`,
 * `@hooklatch/store-sql/postgres`...) needs a `typesVersions` entry: without one, an adapter's
 * types that import `@hooklatch/core/kit` lose their options and `stripe({ secret })` itself
 * fails to typecheck.
 *
 * Runs tsc over the built packages (each workspace's package.json and dist/, as published), so
 * it needs `npm run build`; in CI (which builds first) a missing dist/ is a failure.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => join(root, 'packages', dir))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !(manifest as Manifest).private);

const built = packages.every(({ dir }) => existsSync(join(dir, 'dist', 'index.d.ts')));
if (!built && process.env.CI) throw new Error('a package dist/ is missing: CI must build first.');

/** Every import specifier a package publishes types for (wildcards and package.json aside). */
const specifiers = packages.flatMap(({ manifest }) =>
  Object.keys((manifest as Manifest).exports ?? { '.': null })
    .filter((key) => key !== './package.json' && !key.includes('*'))
    .map((key) => (key === '.' ? manifest.name : `${manifest.name}/${key.slice(2)}`)),
);

/** The README's quick start and a store from a dialect subpath, typed as a user writes them. */
const QUICK_START = `
import { memoryStore, outcomeResponse, processOnce, parseEvent } from '@hooklatch/core';
import { stripe } from '@hooklatch/stripe';
import { github } from '@hooklatch/github';
import { postgresStore } from '@hooklatch/store-sql/postgres';
declare const request: Request;
declare const pool: { query(config: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }> };
export async function route() {
  const event = await parseEvent(stripe({ secret: 'whsec_test' }), request);
  const outcome = await processOnce(memoryStore(), event, async () => 'ok');
  return outcomeResponse(outcome);
}
export const other = github({ secret: 'gh', maxDepth: 64 });
export const store = postgresStore({ client: pool, table: 'app.dedupe' });
`;

describe.skipIf(!built)('types under node10 resolution ("module": "commonjs")', () => {
  // Inside the repo's node_modules, so the packages resolve as installed ones do.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'hooklatch-node10-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('resolves every published subpath, and the quick start typechecks', () => {
    const imports = specifiers.map((spec, i) => `import * as m${i} from '${spec}';`).join('\n');
    const uses = `export const modules = [${specifiers.map((_, i) => `m${i}`).join(', ')}];`;
    writeFileSync(join(dir, 'subpaths.ts'), `${imports}\n${uses}\n`);
    writeFileSync(join(dir, 'quick-start.ts'), QUICK_START);
    const tsconfig = {
      compilerOptions: {
        module: 'commonjs',
        target: 'es2022',
        lib: ['es2022', 'dom'],
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        noEmit: true,
        types: ['node'],
      },
      files: ['subpaths.ts', 'quick-start.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = spawnSync(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir, '--pretty', 'false'],
      { encoding: 'utf8' },
    );
    expect(specifiers).toContain('@hooklatch/core/kit');
    expect(`${tsc.stdout}${tsc.stderr}`).toBe('');
    expect(tsc.status).toBe(0);
  }, 120_000);
});
