/**
 * The runtime binaries the npm packages ship (optional dependencies of this package, so `npm ci`
 * installs them on linux x64 and skips them elsewhere). In CI a missing binary fails the run;
 * locally the suites that need it are skipped.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../node_modules/', import.meta.url));

const PATHS = {
  workerd: `${root}@cloudflare/workerd-linux-64/bin/workerd`,
  deno: `${root}@deno/linux-x64-glibc/deno`,
  bun: `${root}@oven/bun-linux-x64/bin/bun`,
} as const;

/** A runtime the tests spawn. */
export type RuntimeName = keyof typeof PATHS;

/** The binary's path, or undefined when it is not installed here (and this is not CI). */
export function runtimeBinary(name: RuntimeName): string | undefined {
  const path = PATHS[name];
  if (existsSync(path)) return path;
  if (process.env.CI) {
    throw new Error(`${name} is not installed at ${path}: CI needs it (npm ci on linux x64).`);
  }
  return undefined;
}
