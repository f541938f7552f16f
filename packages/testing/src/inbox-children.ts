/** Starting and talking to the inbox suite's child workers (see inbox-worker-child.ts). */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InboxProcessFactory } from './inbox-case';

// From source the child is a .ts file (run through tsx); from the published build, a .js file.
const childPath = ['./inbox-worker-child.ts', './inbox-worker-child.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((path) => existsSync(path)) as string;

/** One child worker process. */
export interface ChildWorker {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line that starts with `prefix`. */
  line(prefix: string, timeoutMs?: number): Promise<string>;
  /** Write one line to its stdin. */
  send(word: string): void;
  /** Its exit: the code, the REPORT it printed (if any) and the end of its stderr. */
  readonly exited: Promise<{
    code: number | null;
    report?: { runs: number; errors: string[] };
    stderr: string;
  }>;
}

/** Options of {@link startChild}. */
export interface ChildOptions {
  mode: 'drain' | 'hang';
  concurrency: number;
  leaseMs: number;
}

/** Start a child worker on `queue`; it prints READY once its inbox exists. */
export function startChild(
  factory: InboxProcessFactory,
  queue: string,
  options: ChildOptions,
): ChildWorker {
  const args = [
    factory.factoryModule,
    queue,
    options.mode,
    String(options.concurrency),
    String(options.leaseMs),
  ];
  const child = spawn(process.execPath, ['--import', 'tsx', childPath, ...args], {
    env: { ...process.env, ...factory.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (d) => {
    stdout += d;
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr.on('data', (d) => {
    stderr = (stderr + d).slice(-4_000);
  });
  const exited = new Promise<Awaited<ChildWorker['exited']>>((resolve) => {
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
      resolve({ code, ...(line ? { report: JSON.parse(line.slice(7)) } : {}), stderr });
      for (const wake of waiters.splice(0)) wake();
    });
  });
  return {
    child,
    exited,
    send(word) {
      child.stdin.write(`${word}\n`);
    },
    async line(prefix, timeoutMs = 60_000) {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const found = stdout.split('\n').find((l) => l.startsWith(prefix));
        if (found !== undefined) return found;
        if (child.exitCode !== null || child.signalCode !== null || Date.now() > end) {
          throw new Error(`child never printed ${prefix} (exit ${child.exitCode}): ${stderr}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
    },
  };
}
