#!/usr/bin/env node
// Lint every publishable package as it would be published: publint checks the package.json
// (exports, files, types), and @arethetypeswrong/cli checks that the types resolve for ESM and
// CJS consumers under node10, node16 and bundler resolution, and the tarball must carry a README
// and a LICENSE. Needs `npm run build` first.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const root = new URL('../packages/', import.meta.url);
const dirs = readdirSync(root).filter((d) => existsSync(new URL(`${d}/package.json`, root)));
const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;
let failed = 0;
for (const dir of dirs) {
  const path = new URL(`${dir}/`, root).pathname;
  const pkg = JSON.parse(readFileSync(`${path}package.json`, 'utf8'));
  if (pkg.private) continue;
  for (const [tool, args] of [
    ['publint', ['--strict', path]],
    // Every resolution, node10 included: it is what a tsconfig with `"module": "commonjs"` and
    // no `moduleResolution` gets (NestJS's default), and it reads subpaths from `typesVersions`.
    ['attw', ['--pack', path, '--format', 'table-flipped']],
  ]) {
    try {
      execFileSync(bin(tool), args, { stdio: 'pipe', encoding: 'utf8' });
      console.log(`ok    ${tool.padEnd(8)} ${pkg.name}`);
    } catch (error) {
      failed++;
      console.log(
        `FAIL  ${tool.padEnd(8)} ${pkg.name}\n${error.stdout ?? ''}${error.stderr ?? ''}`,
      );
    }
  }
  // What `npm pack` would publish: every package documents itself and carries its license.
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: path,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  const files = new Set(packed[0].files.map((file) => file.path));
  const missing = ['README.md', 'LICENSE'].filter((file) => !files.has(file));
  if (missing.length > 0) {
    failed++;
    console.log(`FAIL  tarball  ${pkg.name}: no ${missing.join(', ')}`);
  } else {
    console.log(`ok    tarball  ${pkg.name}`);
  }
}
if (failed > 0) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}
