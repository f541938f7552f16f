/**
 * Deno and Bun, from the binaries their npm packages ship, serving the test routes bundled from
 * the sources: signed, duplicate, concurrent and tampered deliveries over loopback, and the
 * adapter conformance checks run inside the runtime.
 */
import { afterAll, beforeAll, describe, it, vi } from 'vitest';
import { runtimeBinary } from './support/binaries';
import { bundleFor } from './support/bundle';
import { expectConformance, expectExactlyOnce } from './support/route-checks';
import { SERVERS } from './support/serve-runtime';
import type { RuntimeServer } from './support/spawn-server';

// Starting a runtime and bundling for it take a few seconds, more on a loaded CI machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

for (const runtime of SERVERS) {
  const binary = runtimeBinary(runtime.name);
  describe.skipIf(!binary)(`${runtime.name} (bundled from the sources)`, () => {
    let server: RuntimeServer;
    beforeAll(async () => {
      const bundle = await bundleFor(runtime.name, 'harness/serve.ts', { nodeBuiltins: true });
      server = await runtime.serve(binary as string, bundle.file);
    });
    afterAll(() => server?.stop());

    it('Stripe route: processed, duplicate, one of five concurrent copies, tampered', () =>
      expectExactlyOnce(server.url, 'stripe'));
    it('Standard Webhooks route: the same', () =>
      expectExactlyOnce(server.url, 'standard-webhooks'));
    it('passes the adapter conformance checks inside the runtime', () =>
      expectConformance(server.url));
  });
}
