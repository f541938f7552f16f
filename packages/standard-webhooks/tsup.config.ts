import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', ed25519: 'src/ed25519.ts', testing: 'src/testing.ts' },
  format: ['esm', 'cjs'],
  // Resolve sibling packages through node_modules (their built types), not the source paths.
  dts: { compilerOptions: { paths: {} } },
  target: 'es2022',
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
