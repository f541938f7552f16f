/**
 * Which build of @hooklatch/core each runtime picks when it resolves the packages itself, as a
 * user's install does: Deno and Bun match the `node` export condition and load the node:crypto
 * build; a Worker bundled with wrangler's conditions (`workerd`, `worker`, `browser`) gets the
 * portable build, with no `node:` import anywhere. The route then runs on exactly that build.
 */
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runtimeBinary } from './support/binaries';
import { builtPackages } from './support/built';
import { bundleFor, externalImports } from './support/bundle';
import { backendOf, expectExactlyOnce } from './support/route-checks';
import { SERVERS } from './support/serve-runtime';
import type { RuntimeServer } from './support/spawn-server';
import { serveWorker } from './support/workerd';

// Starting a runtime and bundling for it take a few seconds, more on a loaded CI machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const built = builtPackages();

/** The Node builtins a module's source imports or requires, with or without `node:`. */
function nodeBuiltinsIn(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from|import|require)\s*\(?\s*["']([^"']+)["']/g)];
  return specifiers
    .map((match) => match[1] as string)
    .filter(
      (name) => name.startsWith('node:') || builtinModules.includes(name.split('/')[0] ?? ''),
    );
}
const serveFile = fileURLToPath(new URL('../harness/serve.ts', import.meta.url));

for (const runtime of SERVERS) {
  const binary = runtimeBinary(runtime.name);
  describe.skipIf(!binary || !built)(`${runtime.name} resolving the published packages`, () => {
    let server: RuntimeServer;
    beforeAll(async () => {
      server = await runtime.serve(binary as string, serveFile);
    });
    afterAll(() => server?.stop());

    it('picks the node condition: the node:crypto build', async () => {
      expect(await backendOf(server.url)).toBe('node');
    });
    it('runs the Stripe and Standard Webhooks routes exactly once on it', async () => {
      await expectExactlyOnce(server.url, 'stripe');
      await expectExactlyOnce(server.url, 'standard-webhooks');
    });
  });
}

describe.skipIf(!runtimeBinary('workerd') || !built)('workerd with the published packages', () => {
  let server: RuntimeServer;
  let inputs: string[];
  let imports: string[];
  beforeAll(async () => {
    const bundle = await bundleFor('workerd', 'harness/worker-route.ts', { sources: false });
    inputs = Object.keys(bundle.metafile.inputs);
    imports = externalImports(bundle.metafile);
    const binary = runtimeBinary('workerd') as string;
    server = await serveWorker({ binary, bundle: bundle.file, nodejsCompat: false });
  });
  afterAll(() => server?.stop());

  it("takes the default build under wrangler's conditions, which imports no node: module", async () => {
    // The default build's entries (index, kit) and their shared chunks; never the Node build.
    const core = inputs.filter((file) => file.includes('core/dist/'));
    expect(core).toContainEqual(expect.stringMatching(/core\/dist\/index\.js$/));
    expect(core.filter((file) => !/core\/dist\/(index|kit|chunk-[\w-]+)\.js$/.test(file))).toEqual(
      [],
    );
    expect(imports).toEqual([]);
    // And the built files it took name no Node builtin, not even in a lazy import(); tsup's
    // Node build writes `from "crypto"`, so bare names count too.
    const builtFiles = inputs.filter((file) => /packages\/[^/]+\/dist\//.test(file));
    expect(builtFiles.length).toBeGreaterThanOrEqual(3);
    expect(builtFiles.flatMap((file) => nodeBuiltinsIn(readFileSync(file, 'utf8')))).toEqual([]);
    expect(await backendOf(server.url)).toBe('noble');
  });
  it('runs the Stripe and Standard Webhooks routes exactly once on it', async () => {
    await expectExactlyOnce(server.url, 'stripe');
    await expectExactlyOnce(server.url, 'standard-webhooks');
  });
});
