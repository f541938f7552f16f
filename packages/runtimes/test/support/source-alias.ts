/**
 * An esbuild plugin that resolves `@hooklatch/<package>` (and `/<subpath>`) to the TypeScript
 * sources, the way the vitest config does, so bundles need no `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';

const packages = fileURLToPath(new URL('../../../', import.meta.url));

export const sourceAlias: Plugin = {
  name: 'hooklatch-sources',
  setup(build) {
    build.onResolve({ filter: /^@hooklatch\/[a-z-]+(\/[a-z-]+)?$/ }, ({ path }) => {
      const [name, sub = 'index'] = path.slice('@hooklatch/'.length).split('/');
      const file = `${packages}${name}/src/${sub}.ts`;
      return existsSync(file) ? { path: file } : undefined;
    });
  },
};
