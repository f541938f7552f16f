/**
 * Start a runtime serving the test routes on a loopback port and stop it afterwards. Output is
 * kept for failure messages; a server that does not come up in time is killed and reported.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';

/** A running server: its base URL, what it printed, and how to stop it. */
export interface RuntimeServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Options of {@link spawnServer}. */
export interface SpawnServerOptions {
  command: string;
  args: string[];
  env?: Record<string, string>;
  /** Reads the port from the child: a line on stdout, or workerd's control descriptor. */
  port: (child: ChildProcess, onPort: (port: number) => void) => void;
  /** @default 20_000 */
  timeoutMs?: number;
}

/** Call `onLine` for every line `stream` prints. */
export function onLines(stream: Readable | null, onLine: (line: string) => void): void {
  let rest = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
}

/** Spawn the server and wait until it reports its port. */
export function spawnServer(options: SpawnServerOptions): Promise<RuntimeServer> {
  const child = spawn(options.command, options.args, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${options.command} did not start in time:\n${output}`));
    }, options.timeoutMs ?? 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${options.command} exited (${code}) before listening:\n${output}`));
    });
    options.port(child, (port) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ url: `http://127.0.0.1:${port}`, output: () => output, stop });
    });
  });
}

/**
 * The port from the line a server prints once it listens: `listening <port>` (serve.ts),
 * `Listening on http://<host>:<port>/...` (Deno.serve's own line, and the Bun example's).
 */
export function listeningLine(child: ChildProcess, onPort: (port: number) => void): void {
  const seen = (line: string) => {
    const match = /^listening (?:on https?:\/\/[^\s/]+:)?(\d+)(?:\/|$)/i.exec(line.trim());
    if (match) onPort(Number(match[1]));
  };
  onLines(child.stdout, seen);
  onLines(child.stderr, seen);
}
