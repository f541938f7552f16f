/**
 * The test runner a suite registers with. The suites only need `describe` and `it` (with
 * `it.skip` for skipped cases), which vitest, Jest, Mocha and `node:test` all offer with the same
 * shape, so nothing here imports a runner: `@hooklatch/testing/vitest` binds vitest's.
 */

/** Registers one test. A runner that takes no timeout argument ignores the third one. */
export type RegisterTest = (name: string, run: () => Promise<void>, timeoutMs?: number) => unknown;

/** The two functions a suite registers with, e.g. `import { describe, it } from 'node:test'`. */
export interface TestRunner {
  /** Groups the suite's tests under one name. */
  describe: (name: string, body: () => void) => unknown;
  /** Registers a test; `it.skip` registers a skipped one (needed only when something is skipped). */
  it: RegisterTest & { skip?: RegisterTest };
}

/** One registrable test of a suite. */
export interface SuiteCase {
  name: string;
  run: () => Promise<void>;
  /** Set when the case is skipped: the reason, shown in the test name. */
  skip?: string;
}

interface RunnerGlobals {
  describe?: TestRunner['describe'];
  it?: TestRunner['it'];
}

/**
 * `runner`, or the runner's globals (`describe`/`it` of Jest, Mocha, or vitest with `globals`).
 * Throws a plain error naming the ways to pass one when there is neither.
 */
export function resolveRunner(suite: string, runner: TestRunner | undefined): TestRunner {
  if (runner !== undefined) {
    if (typeof runner.describe !== 'function' || typeof runner.it !== 'function') {
      throw new TypeError(`${suite}: the runner must have \`describe\` and \`it\` functions.`);
    }
    return runner;
  }
  const globals = globalThis as RunnerGlobals;
  if (typeof globals.describe === 'function' && typeof globals.it === 'function') {
    return { describe: globals.describe, it: globals.it };
  }
  throw new Error(
    `${suite}: no test runner. Pass { describe, it } as the second argument (from 'node:test', ` +
      `Jest or Mocha), or import ${suite} from '@hooklatch/testing/vitest'.`,
  );
}

/** Register `cases` under `title`: skipped ones through `it.skip`, with their reason. */
export function registerSuite(
  suite: string,
  runner: TestRunner | undefined,
  title: string,
  cases: readonly SuiteCase[],
  timeoutMs?: number,
): void {
  const { describe, it } = resolveRunner(suite, runner);
  if (it.skip === undefined && cases.some((c) => c.skip !== undefined)) {
    // A skipped case registered as a test would pass without running: refuse instead.
    throw new TypeError(`${suite}: cases are skipped, so the runner's \`it\` needs \`it.skip\`.`);
  }
  describe(title, () => {
    for (const c of cases) {
      if (c.skip !== undefined) {
        // Called as a method: vitest's chainable `it.skip` reads its chain from `this`.
        it.skip?.(`${c.name} (skipped: ${c.skip})`, c.run);
      } else if (timeoutMs === undefined) it(c.name, c.run);
      else it(c.name, c.run, timeoutMs);
    }
  });
}
