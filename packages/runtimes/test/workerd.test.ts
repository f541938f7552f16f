/**
 * workerd (the Cloudflare Workers runtime), from the binary its npm package ships, serving the
 * test routes bundled from the sources with wrangler's export conditions: without
 * `nodejs_compat` (the bundle must then hold no `node:` import at all) and with it, where the
 * adapter conformance checks also run in the isolate.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runtimeBinary } from './support/binaries';
import { bundleFor, externalImports } from './support/bundle';
import { backendOf, expectConformance, expectExactlyOnce } from './support/route-checks';
import type { RuntimeServer } from './support/spawn-server';
import { serveWorker } from './support/workerd';

// Starting a runtime and bundling for it take a few seconds, more on a loaded CI machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const binary = runtimeBinary('workerd');

describe.skipIf(!binary)('workerd without nodejs_compat', () => {
  let server: RuntimeServer;
  let imports: string[];
  beforeAll(async () => {
    // No externals: a `node:` import anywhere in core or the adapters fails this build.
    const bundle = await bundleFor('workerd', 'harness/worker-route.ts');
    imports = externalImports(bundle.metafile);
    server = await serveWorker({
      binary: binary as string,
      bundle: bundle.file,
      nodejsCompat: false,
    });
  });
  afterAll(() => server?.stop());

  it('bundles core + adapters with no node: import and runs the portable crypto', async () => {
    expect(imports).toEqual([]);
    expect(await backendOf(server.url)).toBe('noble');
  });
  it('Stripe route: processed, duplicate, one of five concurrent copies, tampered', () =>
    expectExactlyOnce(server.url, 'stripe'));
  it('Standard Webhooks route: the same', () => expectExactlyOnce(server.url, 'standard-webhooks'));
});

describe.skipIf(!binary)('workerd with nodejs_compat', () => {
  let server: RuntimeServer;
  beforeAll(async () => {
    const bundle = await bundleFor('workerd', 'harness/worker.ts', { nodeBuiltins: true });
    server = await serveWorker({
      binary: binary as string,
      bundle: bundle.file,
      nodejsCompat: true,
    });
  });
  afterAll(() => server?.stop());

  it('Stripe route: processed, duplicate, one of five concurrent copies, tampered', () =>
    expectExactlyOnce(server.url, 'stripe'));
  it('Standard Webhooks route: the same', () => expectExactlyOnce(server.url, 'standard-webhooks'));
  it('passes the adapter conformance checks inside the isolate', () =>
    expectConformance(server.url));
});
