import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packages = readdirSync(`${root}packages`).filter((name) =>
  existsSync(`${root}packages/${name}/package.json`),
);

// Tests run against the TypeScript sources, not dist/, so `npm test` needs no build first.
// A subpath export (`@hooklatch/store-sql/postgres`) maps to src/<subpath>.ts; subpaths come
// first, since an alias also matches every import that starts with `<find>/`.
const subpaths = packages.flatMap((name) => {
  const { exports = {} } = JSON.parse(readFileSync(`${root}packages/${name}/package.json`, 'utf8'));
  return Object.keys(exports)
    .map((key) => key.slice(2))
    .filter(
      (sub) => /^[a-z0-9-]+$/.test(sub) && existsSync(`${root}packages/${name}/src/${sub}.ts`),
    )
    .map((sub) => [`@hooklatch/${name}/${sub}`, `${root}packages/${name}/src/${sub}.ts`]);
});
const alias = Object.fromEntries([
  ...subpaths,
  ...packages.map((name) => [`@hooklatch/${name}`, `${root}packages/${name}/src/index.ts`]),
]);

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `${root}packages/${name}`,
          include: ['test/**/*.test.ts'],
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
        },
      })),
      // Checks across packages (the vocabulary lint).
      { extends: true as const, test: { name: 'repo', root, include: ['test/**/*.test.ts'] } },
    ],
  },
});
