import type { Plugin } from 'esbuild';
import { defineConfig } from 'tsup';

// The Node build swaps the portable modules for their `.node.ts` twins: the crypto backend
// (@noble/hashes for node:crypto) and the schema runner (zod's compiled parsers, code generation
// being allowed in Node). Everything else is the same source, so both builds share one set of
// types.
const nodeCrypto: Plugin = {
  name: 'hooklatch-node-crypto',
  setup(build) {
    build.onResolve({ filter: /\/(backend|schema-runner)$/ }, (args) => ({
      path: `${args.resolveDir}/${args.path}.node.ts`,
    }));
  },
};

export default defineConfig([
  {
    entry: { index: 'src/index.ts', kit: 'src/kit.ts' },
    format: ['esm', 'cjs'],
    // One copy of shared code (the error classes above all) behind both entries, in CJS too,
    // so `instanceof HooklatchError` holds between `@hooklatch/core` and `/kit`.
    splitting: true,
    dts: { compilerOptions: { paths: {} } },
    platform: 'neutral',
    target: 'es2022',
    sourcemap: true,
    removeNodeProtocol: false,
  },
  {
    entry: { 'index.node': 'src/index.ts', 'kit.node': 'src/kit.ts' },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: false,
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    removeNodeProtocol: false,
    esbuildPlugins: [nodeCrypto],
  },
]);
