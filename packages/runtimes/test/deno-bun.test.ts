/**
 * Deno and Bun, from the binaries their npm packages ship, serving the test routes bundled from
 * the sources: signed, duplicate, concurrent and tampered deliveries over loopback, and the
 * adapter conformance checks run inside the runtime.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { runtimeBinary } from './support/binaries';
import { bundleFor } from './support/bundle';
import { expectConformance, expectExactlyOnce } from './support/route-checks';
import { serveBun, serveDeno } from './support/serve-runtime';
import type { RuntimeServer } from './support/spawn-server';

const RUNTIMES = [
  { name: 'deno', serve: serveDeno },
  { name: 'bun', serve: serveBun },
] as const;

for (const runtime of RUNTIMES) {
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
