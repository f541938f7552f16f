/**
 * The published build works without vitest: `require('@hooklatch/testing')` loads from
 * CommonJS, no file the root entry reaches imports vitest (only `/vitest` does), and the suites
 * run under node:test. Needs `npx tsup` in packages/testing (and core's build); in CI, which
 * builds first, a missing dist/ is a failure, locally a skip.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ADAPTER_TESTS, STORE_TESTS } from '../src/index';

const run = promisify(execFile);
const pkg = fileURLToPath(new URL('../', import.meta.url));
const dist = join(pkg, 'dist');
const required = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'vitest.js', 'vitest.cjs'];
const built =
  required.every((file) => existsSync(join(dist, file))) &&
  existsSync(join(pkg, '../core/dist/index.cjs'));
if (!built && process.env.CI) {
  throw new Error('packages/testing/dist is missing: CI must build before testing.');
}

/** Every module specifier in a built JS or declaration file. */
function specifiers(code: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:require|import)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[1] ?? '');
  return found;
}

/** The packages the files reachable from `entry` import (following relative imports). */
function packagesReached(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // A declaration file names its neighbours by their JS names.
    const declaration = /\.d\.c?ts$/.test(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) packages.add(spec);
      else visit(join(dirname(file), declaration ? spec.replace(/\.(c?)js$/, '.d.$1ts') : spec));
    }
  };
  visit(join(dist, entry));
  return packages;
}

const isVitest = (spec: string) => /^(?:vitest|@vitest\/[^/]+)(?:\/|$)/.test(spec);

describe.skipIf(!built)('the published build', () => {
  it('the root entry reaches no vitest import, in any format; /vitest does', () => {
    for (const entry of ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts']) {
      const reached = [...packagesReached(entry)];
      expect(reached, entry).toContain('@hooklatch/core');
      expect(reached.filter(isVitest), entry).toEqual([]);
    }
    // The walk does see vitest where it is imported, so the empty lists above mean something.
    for (const entry of ['vitest.js', 'vitest.cjs']) {
      expect([...packagesReached(entry)].filter(isVitest), entry).toEqual(['vitest']);
    }
  });

  it('require() from CommonJS loads the root entry without loading vitest', async () => {
    const script = `
      const testing = require('@hooklatch/testing');
      const loaded = Object.keys(require.cache).filter((p) => /[\\\\/]@?vitest[\\\\/]/.test(p));
      console.log(JSON.stringify({
        file: require.resolve('@hooklatch/testing'),
        exports: Object.keys(testing),
        types: Object.fromEntries(Object.entries(testing).map(([k, v]) => [k, typeof v])),
        loaded,
      }));`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: pkg });
    const report = JSON.parse(stdout);
    expect(report.file).toBe(join(dist, 'index.cjs'));
    expect(report.loaded).toEqual([]);
    for (const name of [
      'describeAdapter',
      'adapterChecks',
      'describeStore',
      'assertProcessedOnce',
      'expectHooklatchError',
      'runClaimRace',
    ]) {
      expect(report.types[name], name).toBe('function');
    }
    // CI plumbing is not part of the package.
    expect(report.exports).not.toContain('serverUrl');
    expect(report.exports).not.toContain('SERVER_URL_ENV');
  });

  const nodeTest = async (env: Record<string, string> = {}) => {
    const fixture = fileURLToPath(new URL('./fixtures/node-test-suites.cjs', import.meta.url));
    const args = ['--test', '--test-reporter=tap', fixture];
    const result = await run(process.execPath, args, { cwd: pkg, env: { ...process.env, ...env } })
      .then(({ stdout }) => ({ stdout, failed: false }))
      .catch((error: { stdout: string }) => ({ stdout: error.stdout, failed: true }));
    const count = (what: string) =>
      Number(new RegExp(`^# ${what} (\\d+)$`, 'm').exec(result.stdout)?.[1]);
    const failures = [...result.stdout.matchAll(/^ {4}not ok \d+ - (.+)$/gm)].map((m) => m[1]);
    return {
      ...result,
      pass: count('pass'),
      fail: count('fail'),
      skipped: count('skipped'),
      failures,
    };
  };

  it('the suites run under node:test from the CommonJS build', async () => {
    const ok = await nodeTest();
    // Every adapter check but the one skipped, and every store case.
    const pass = ADAPTER_TESTS.length - 1 + STORE_TESTS.length;
    expect(ok).toMatchObject({ failed: false, pass, fail: 0, skipped: 1, failures: [] });
  }, 60_000);

  it('and report a broken adapter as failing there too', async () => {
    const broken = await nodeTest({ HOOKLATCH_FIXTURE_UNVERIFIED: '1' });
    expect(broken.failed).toBe(true);
    expect(broken.failures).toEqual([
      'a tampered body is rejected',
      'a re-serialized body is rejected',
      'one changed byte is rejected',
      'missing credentials are rejected',
      'a truncated, emptied or altered credential is rejected',
    ]);
  }, 60_000);
});
