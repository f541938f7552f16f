#!/usr/bin/env node
// Scaffold packages/<dir> with the repository's standard package.json, tsconfig and tsup config.
// Usage: node scripts/new-package.mjs <dir> "<description>"
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const [dir, description = ''] = process.argv.slice(2);
if (!dir) throw new Error('usage: new-package.mjs <dir> [description]');
const root = new URL(`../packages/${dir}/`, import.meta.url);
if (existsSync(new URL('package.json', root))) {
  console.log(`packages/${dir} exists; left alone`);
  process.exit(0);
}
mkdirSync(new URL('src/', root), { recursive: true });
mkdirSync(new URL('test/', root), { recursive: true });
const pkg = {
  name: `@hooklatch/${dir}`,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20.19' },
  files: ['dist'],
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.ts',
  exports: {
    '.': {
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  scripts: { build: 'tsup', typecheck: 'tsc -p tsconfig.json' },
  dependencies: { '@hooklatch/core': '0.1.0' },
  repository: {
    type: 'git',
    url: 'git+https://github.com/hooklatch/hooklatch.git',
    directory: `packages/${dir}`,
  },
};
writeFileSync(new URL('package.json', root), `${JSON.stringify(pkg, null, 2)}\n`);
writeFileSync(
  new URL('tsconfig.json', root),
  `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test'] }, null, 2)}\n`,
);
writeFileSync(
  new URL('tsup.config.ts', root),
  `import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // Resolve sibling packages through node_modules (their built types), not the source paths.
  dts: { compilerOptions: { paths: {} } },
  target: 'es2022',
  clean: true,
  sourcemap: true,
});
`,
);
console.log(`created packages/${dir}`);
