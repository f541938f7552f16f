/**
 * The fixture app (test/fixtures/app) built by the installed `next build` and served by
 * `next start` on 127.0.0.1, from scratch on every run: it builds into a directory of its own
 * (`.next-<run>`, gitignored) that `close` removes, so nothing carries over between runs and
 * two runs at once do not share a build.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const NEXT_BIN = require.resolve('next/dist/bin/next');
const FIXTURE = fileURLToPath(new URL('../fixtures/app', import.meta.url));
const START_TIMEOUT_MS = 30_000;

/** The app, serving. */
export interface NextApp {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** How long `next build` took. */
  buildMs: number;
  /** How long `next start` took to be ready. */
  startMs: number;
  /** The build directory (absolute). */
  buildDir: string;
  /** Stop the server and delete the build. */
  close(): Promise<void>;
}

function spawnNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: FIXTURE,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collect a child's output (the tail is what an error shows). */
function captured(child: ChildProcess): () => string {
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => output;
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawnNext(['build'], env);
  const output = captured(child);
  const code = await exited(child);
  if (code !== 0) throw new Error(`next build failed (exit ${code}):\n${output()}`);
}

/** Wait for `next start`'s "Ready", and read the port it chose from its "Local:" line. */
function ready(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail('did not get ready in time'), START_TIMEOUT_MS);
    const onData = () => {
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
      if (url === undefined || !output().includes('Ready')) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(url);
    };
    function fail(why: string) {
      clearTimeout(timer);
      reject(new Error(`next start ${why}:\n${output()}`));
    }
    child.stdout?.on('data', onData);
    child.once('exit', (code) => fail(`exited (${code})`));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const done = exited(child);
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await done;
  clearTimeout(timer);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Delete the builds of runs that were killed before their `close` (their process is gone). */
async function removeAbandonedBuilds(): Promise<void> {
  for (const name of await readdir(FIXTURE)) {
    const pid = Number(/^\.next-(\d+)-/.exec(name)?.[1]);
    if (pid > 0 && !alive(pid)) await rm(join(FIXTURE, name), { recursive: true, force: true });
  }
}

/**
 * Build the fixture and start it with `env` (the routes' secrets and the proof bridge's URL)
 * set for both the build and the server.
 */
export async function startNextApp(env: Record<string, string>): Promise<NextApp> {
  const distDir = `.next-${process.pid}-${Date.now().toString(36)}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    // vitest's NODE_ENV=test would reach Next: both commands run in production.
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    HOOKLATCH_NEXT_DIST_DIR: distDir,
  };
  const buildDir = join(FIXTURE, distDir);
  const removeBuild = () =>
    Promise.all([
      rm(buildDir, { recursive: true, force: true }),
      // Written by every build, pointing into its own build directory.
      rm(join(FIXTURE, 'next-env.d.ts'), { force: true }),
    ]);
  await removeAbandonedBuilds();
  let server: ChildProcess | undefined;
  const stopOnExit = () => server?.kill('SIGKILL');
  try {
    const buildStarted = performance.now();
    await build(childEnv);
    const buildMs = performance.now() - buildStarted;
    const startStarted = performance.now();
    server = spawnNext(['start', '--hostname', '127.0.0.1', '--port', '0'], childEnv);
    process.once('exit', stopOnExit);
    const url = await ready(server, captured(server));
    const running = server;
    return {
      url,
      buildMs,
      startMs: performance.now() - startStarted,
      buildDir,
      async close() {
        process.off('exit', stopOnExit);
        await stop(running);
        await removeBuild();
      },
    };
  } catch (error) {
    if (server !== undefined) await stop(server);
    process.off('exit', stopOnExit);
    await removeBuild();
    throw error;
  }
}
