/**
 * docs/runtimes.md's examples are these files, and each runs in its runtime: the Worker in
 * workerd without nodejs_compat, the Deno and Bun servers under their binaries.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { STRIPE_SECRET } from '../harness/app';
import { runtimeBinary } from './support/binaries';
import { bundleFor } from './support/bundle';
import { expectExampleOnce } from './support/route-checks';
import { serveBun, serveDeno } from './support/serve-runtime';
import type { RuntimeServer } from './support/spawn-server';
import { serveWorker } from './support/workerd';

// Starting a runtime and bundling for it take a few seconds, more on a loaded CI machine.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const EXAMPLES = ['worker', 'deno', 'bun'] as const;
const env = { STRIPE_WEBHOOK_SECRET: STRIPE_SECRET, PORT: '0' };

describe('docs/runtimes.md', () => {
  it('shows the tested example files, verbatim and in order', () => {
    const docs = readFileSync(new URL('../../../docs/runtimes.md', import.meta.url), 'utf8');
    const blocks = [...docs.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
    const files = EXAMPLES.map((name) =>
      readFileSync(new URL(`../examples/${name}.ts`, import.meta.url), 'utf8'),
    );
    expect(blocks).toEqual(files);
  });
});

const SERVERS = {
  worker: async (binary: string) => {
    const bundle = await bundleFor('workerd', 'examples/worker.ts');
    return serveWorker({ binary, bundle: bundle.file, nodejsCompat: false, bindings: env });
  },
  deno: async (binary: string) => {
    const bundle = await bundleFor('deno', 'examples/deno.ts', { nodeBuiltins: true });
    return serveDeno(binary, bundle.file, env);
  },
  bun: async (binary: string) => {
    const bundle = await bundleFor('bun', 'examples/bun.ts', { nodeBuiltins: true });
    return serveBun(binary, bundle.file, env);
  },
};

for (const name of EXAMPLES) {
  const binary = runtimeBinary(name === 'worker' ? 'workerd' : name);
  describe.skipIf(!binary)(`examples/${name}.ts`, () => {
    let server: RuntimeServer;
    beforeAll(async () => {
      server = await SERVERS[name](binary as string);
    });
    afterAll(() => server?.stop());

    it('processes a signed Stripe delivery once, answers the retry and refuses a tampered one', () =>
      expectExampleOnce(server.url, server.output));
  });
}
