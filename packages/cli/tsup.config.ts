import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the executable (its hashbang is kept); `index` is the programmatic `run`.
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm', 'cjs'],
  // Resolve sibling packages through node_modules (their built types), not the source paths.
  dts: { entry: { index: 'src/index.ts' }, compilerOptions: { paths: {} } },
  target: 'es2022',
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
