#!/usr/bin/env node
// `changeset version` for a monorepo whose packages peer-depend on each other.
//
// The leaves list `@hooklatch/core` (and sometimes `@hooklatch/testing`) as a peer dependency.
// Changesets 2 turns every minor release of a peer into a MAJOR release of its dependents, and
// the fixed group then takes every package with it: a minor 0.1 -> 0.2 would be published as
// 1.0.0. (Changesets 3 bumps peer dependents as patches instead, but needs Node 22.) So while
// changesets plans the release, this script hides the internal peer ranges from it, and then
// writes them back as `^<new version>`: every package of one release asks for the core of
// that same release.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const manifests = readdirSync(new URL('packages/', root))
  .map((dir) => new URL(`packages/${dir}/package.json`, root))
  .filter((url) => existsSync(url));
const read = (url) => JSON.parse(readFileSync(url, 'utf8'));
const write = (url, pkg) => writeFileSync(url, `${JSON.stringify(pkg, null, 2)}\n`);
const internal = new Set(manifests.map((url) => read(url).name));

/** Original peerDependencies of every package that peer-depends on an internal package. */
const hidden = new Map();
for (const url of manifests) {
  const pkg = read(url);
  const peers = pkg.peerDependencies ?? {};
  if (!Object.keys(peers).some((name) => internal.has(name))) continue;
  hidden.set(url, peers);
  pkg.peerDependencies = Object.fromEntries(
    Object.entries(peers).filter(([name]) => !internal.has(name)),
  );
  write(url, pkg);
}

let failed = false;
try {
  execFileSync(new URL('node_modules/.bin/changeset', root).pathname, ['version'], {
    stdio: 'inherit',
    cwd: root,
  });
} catch {
  failed = true;
}

// Restore in every case; after a release the ranges point at the new versions.
const versions = new Map(manifests.map((url) => [read(url).name, read(url).version]));
for (const [url, peers] of hidden) {
  const pkg = read(url);
  pkg.peerDependencies = Object.fromEntries(
    Object.entries(peers).map(([name, range]) =>
      internal.has(name) && !failed ? [name, `^${versions.get(name)}`] : [name, range],
    ),
  );
  write(url, pkg);
}
if (failed) process.exit(1);
