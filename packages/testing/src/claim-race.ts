/**
 * The cross-process race: several OS processes, each with many concurrent claimers, claim the
 * same keys in the same order after a common start signal. For a correct store every key is
 * claimed exactly once across all of them. In-process concurrency alone cannot prove this for
 * stores whose atomicity lives in the backend (SQL, Redis) rather than in one event loop.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Options of {@link runClaimRace}. */
export interface ClaimRaceOptions {
  /**
   * Absolute path of a module exporting `createStore(prefix: string): Promise<DedupeStore>` and
   * optionally `closeStore(store): Promise<void>`. TypeScript is fine: children then run with
   * tsx (an optional peer dependency); a JavaScript factory needs none.
   */
  factoryModule: string;
  /** OS processes. @default 2 */
  processes?: number;
  /** Concurrent claimers per process. @default 32 */
  concurrency?: number;
  /** Keys each claimer walks through, in the same order. @default 1000 */
  keys?: number;
  /** Key prefix shared by all processes. @default a random one */
  prefix?: string;
  /** Extra environment for the children (they inherit the parent's). */
  env?: Record<string, string>;
  /** Give up after this long. @default 120_000 */
  timeoutMs?: number;
}

/** What the race produced. */
export interface ClaimRaceReport {
  /** For each key index, how many claimers got `claimed`. Correct: all 1. */
  claimedPerKey: number[];
  /** Errors thrown by claims or by the children. Correct: none. */
  errors: string[];
  /** Total claim calls made. */
  claims: number;
  /** The prefix used, so the caller can clean up. */
  prefix: string;
}

interface ChildReport {
  claimed: number[];
  errors: string[];
  claims: number;
}

// From source the worker is a .ts file (run through tsx); from the published build, a .js file.
const workerPath = ['./claim-race-worker.ts', './claim-race-worker.js']
  .map((name) => fileURLToPath(new URL(name, import.meta.url)))
  .find((path) => existsSync(path)) as string;

function runChild(
  options: Required<Omit<ClaimRaceOptions, 'env'>> & { env?: Record<string, string> },
) {
  // tsx only for TypeScript (the worker from source, or a .ts factory): a plain JavaScript
  // race needs no tsx installed.
  const typescript = [workerPath, options.factoryModule].some((f) => /\.[cm]?tsx?$/.test(f));
  const child = spawn(
    process.execPath,
    [
      ...(typescript ? ['--import', 'tsx'] : []),
      workerPath,
      options.factoryModule,
      options.prefix,
      String(options.keys),
      String(options.concurrency),
    ],
    { env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const ready = new Promise<void>((resolve) => {
    const onData = () => {
      if (stdout.includes('READY\n')) {
        child.stdout.off('data', onData);
        resolve();
      }
    };
    child.stdout.on('data', onData);
  });
  const done = new Promise<ChildReport>((resolve) => {
    child.on('close', (code) => {
      const line = stdout.split('\n').find((l) => l.startsWith('REPORT '));
      if (code === 0 && line) resolve(JSON.parse(line.slice(7)) as ChildReport);
      else
        resolve({
          claimed: [],
          errors: [`child exited ${code}: ${stderr.slice(-2000)}`],
          claims: 0,
        });
    });
  });
  return { child, ready, done };
}

/** Run the race and report how often each key was claimed. */
export async function runClaimRace(options: ClaimRaceOptions): Promise<ClaimRaceReport> {
  const resolved = {
    factoryModule: options.factoryModule,
    processes: options.processes ?? 2,
    concurrency: options.concurrency ?? 32,
    keys: options.keys ?? 1000,
    prefix:
      options.prefix ??
      `race-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-`,
    timeoutMs: options.timeoutMs ?? 120_000,
    ...(options.env ? { env: options.env } : {}),
  };
  const children = Array.from({ length: resolved.processes }, () => runChild(resolved));
  const timer = setTimeout(() => {
    for (const c of children) c.child.kill('SIGKILL');
  }, resolved.timeoutMs);
  try {
    // Start barrier: every child has connected and built its store before anyone claims. A
    // child that ends first (it could not load the factory or reach the store) ends the race
    // now, instead of leaving the others waiting for GO until the timeout.
    const early = await Promise.race([
      Promise.all(children.map((c) => c.ready)).then(() => false),
      Promise.race(children.map((c) => c.done)).then(() => true),
    ]);
    if (early) for (const c of children) c.child.kill('SIGKILL');
    else for (const c of children) c.child.stdin.end('GO\n');
    const reports = await Promise.all(children.map((c) => c.done));
    const claimedPerKey = new Array<number>(resolved.keys).fill(0);
    for (const r of reports)
      for (const i of r.claimed) claimedPerKey[i] = (claimedPerKey[i] ?? 0) + 1;
    return {
      claimedPerKey,
      errors: reports.flatMap((r) => r.errors),
      claims: reports.reduce((n, r) => n + r.claims, 0),
      prefix: resolved.prefix,
    };
  } finally {
    clearTimeout(timer);
  }
}
