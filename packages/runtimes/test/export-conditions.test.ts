/**
 * Which build of @hooklatch/core each runtime picks when it resolves the packages itself, as a
 * user's install does: Deno and Bun match the `node` export condition and load the node:crypto
 * build; a Worker bundled with wrangler's conditions (`workerd`, `worker`, `browser`) gets the
 * portable build, with no `node:` import anywhere. The route then runs on exactly that build.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeBinary } from './support/binaries';
import { builtPackages } from './support/built';
import { bundleFor, externalImports } from './support/bundle';
import { backendOf, expectExactlyOnce } from './support/route-checks';
import { serveBun, serveDeno } from './support/serve-runtime';
import type { RuntimeServer } from './support/spawn-server';
import { serveWorker } from './support/workerd';

const built = builtPackages();
const serveFile = fileURLToPath(new URL('../harness/serve.ts', import.meta.url));

const RUNTIMES = [
  { name: 'deno', serve: serveDeno },
  { name: 'bun', serve: serveBun },
] as const;

for (const runtime of RUNTIMES) {
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
    expect(inputs.filter((file) => file.includes('core/dist/'))).toEqual([
      expect.stringMatching(/core\/dist\/index\.js$/),
    ]);
    expect(imports).toEqual([]);
    expect(await backendOf(server.url)).toBe('noble');
  });
  it('runs the Stripe and Standard Webhooks routes exactly once on it', async () => {
    await expectExactlyOnce(server.url, 'stripe');
    await expectExactlyOnce(server.url, 'standard-webhooks');
  });
});
