import { defineConfig } from 'tsup';

export default defineConfig({
  // The race worker is its own entry: runClaimRace starts it as a child process.
  entry: { index: 'src/index.ts', 'claim-race-worker': 'src/claim-race-worker.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' }, compilerOptions: { paths: {} } },
  external: ['vitest', 'tsx'],
  target: 'es2022',
  shims: true,
  clean: true,
  sourcemap: true,
});
