/**
 * The executable as users run it: a real node process on the TypeScript entry (through tsx, so
 * no build is needed), with arguments, standard input, environment and exit code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
/** The repository root: tsx resolves the workspace packages through its tsconfig paths. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface ChildRun {
  code: number | null;
  out: string;
  err: string;
}

/** Run `hooklatch ...args`; `env` is added to a clean copy of this process's environment. */
export function hooklatch(
  args: readonly string[],
  options: { input?: string | Uint8Array; env?: Record<string, string> } = {},
): Promise<ChildRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  // The store the developer may have set must not leak into a test.
  if (options.env?.HOOKLATCH_STORE === undefined) delete env.HOOKLATCH_STORE;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], { cwd: ROOT, env });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      err += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
    child.stdin.end(options.input ?? '');
  });
}
