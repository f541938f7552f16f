import { defineConfig } from 'tsup';

export default defineConfig({
  // The workers are entries of their own: runClaimRace and describeInbox start them as child
  // processes. `vitest` is the only entry that imports vitest.
  entry: {
    index: 'src/index.ts',
    vitest: 'src/vitest.ts',
    'claim-race-worker': 'src/claim-race-worker.ts',
    'inbox-worker-child': 'src/inbox-worker-child.ts',
  },
  format: ['esm', 'cjs'],
  dts: {
    entry: { index: 'src/index.ts', vitest: 'src/vitest.ts' },
    compilerOptions: { paths: {} },
  },
  external: ['vitest', 'tsx'],
  target: 'es2022',
  shims: true,
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
