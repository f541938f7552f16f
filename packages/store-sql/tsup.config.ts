import { defineConfig } from 'tsup';

export default defineConfig({
  // One entry per dialect, so `@hooklatch/store-sql/postgres` never loads (or types) another
  // dialect's driver; the root re-exports all three.
  entry: {
    index: 'src/index.ts',
    postgres: 'src/postgres.ts',
    mysql: 'src/mysql.ts',
    sqlite: 'src/sqlite.ts',
  },
  format: ['esm', 'cjs'],
  // Resolve sibling packages through node_modules (their built types), not the source paths.
  dts: { compilerOptions: { paths: {} } },
  target: 'es2022',
  clean: true,
  sourcemap: true,
  removeNodeProtocol: false,
});
