/**
 * Serve harness/serve.ts (or a bundle of it) under Deno or Bun. Run as a file of this package,
 * the runtime resolves `@hooklatch/*` itself, through the package.json exports to dist/, as it
 * would for a user; run as a bundle, esbuild already resolved everything from the sources.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listeningLine, type RuntimeServer, spawnServer } from './spawn-server';

function scratch(name: string): string {
  return mkdtempSync(join(tmpdir(), `hooklatch-${name}-`));
}

/** Serve `file` with Deno: network on loopback only, no prompts, its own cache folder. */
export function serveDeno(
  binary: string,
  file: string,
  env: Record<string, string> = {},
): Promise<RuntimeServer> {
  return spawnServer({
    command: binary,
    args: [
      'run',
      '--no-prompt',
      '--allow-net=127.0.0.1,0.0.0.0',
      '--allow-read',
      '--allow-env',
      // The harness imports `./app` without an extension, as the rest of the repository does.
      '--unstable-sloppy-imports',
      file,
    ],
    env: { ...env, DENO_DIR: scratch('deno-dir'), DENO_NO_UPDATE_CHECK: '1', NO_COLOR: '1' },
    port: listeningLine,
  });
}

/**
 * Serve `file` with Bun, never installing anything. Bun applies tsconfig `paths` at run time,
 * and this repository's map `@hooklatch/*` to the sources; an empty tsconfig stands in for a
 * user's, so the package exports decide.
 */
export function serveBun(
  binary: string,
  file: string,
  env: Record<string, string> = {},
): Promise<RuntimeServer> {
  const tsconfig = join(scratch('bun'), 'tsconfig.json');
  writeFileSync(tsconfig, '{}\n');
  return spawnServer({
    command: binary,
    args: ['run', '--no-install', `--tsconfig-override=${tsconfig}`, file],
    env: { ...env, NO_COLOR: '1' },
    port: listeningLine,
  });
}

/** Deno and Bun, each with the function that serves a file under it. */
export const SERVERS = [
  { name: 'deno', serve: serveDeno },
  { name: 'bun', serve: serveBun },
] as const;
