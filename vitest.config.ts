import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));
const packages = readdirSync(`${root}packages`).filter((name) =>
  existsSync(`${root}packages/${name}/package.json`),
);

// Tests run against the TypeScript sources, not dist/, so `npm test` needs no build first.
const alias = Object.fromEntries(
  packages.map((name) => [`@hooklatch/${name}`, `${root}packages/${name}/src/index.ts`]),
);

export default defineConfig({
  resolve: { alias },
  test: {
    projects: packages.map((name) => ({
      extends: true,
      test: {
        name,
        root: `${root}packages/${name}`,
        include: ['test/**/*.test.ts'],
        typecheck: { enabled: true, include: ['test/**/*.test-d.ts'] },
      },
    })),
  },
});
