/**
 * The inbox conformance suite, registered with any test runner. Every inbox hooklatch ships runs
 * it against a real backend, and so can yours:
 *
 * ```ts
 * import { describe, it } from 'node:test'; // or Jest's, Mocha's...
 * describeInbox({
 *   name: 'my-inbox',
 *   create: ({ queue }) => myInbox({ queue }),
 *   processes: { factoryModule: fileURLToPath(new URL('./my-factory.ts', import.meta.url)) },
 *   outage: async (queue) => ({ inbox, begin, end, close }),
 * }, { describe, it });
 * ```
 *
 * With vitest, import it from `@hooklatch/testing/vitest` and leave out the runner. Each case
 * closes the inboxes it opened itself, so the suite needs no `afterEach` hook from the runner.
 *
 * Cases use real time with short leases, so a backend must judge leases and retry times by one
 * consistent clock. The cases live in `inbox-cases-*.ts`.
 */
import type { InboxStore } from '@hooklatch/core';
import type { InboxCase, InboxCaseContext, InboxOutage, InboxProcessFactory } from './inbox-case';
import { basicInboxCases } from './inbox-cases-basic';
import { edgeInboxCases } from './inbox-cases-edges';
import { opsInboxCases } from './inbox-cases-ops';
import { processInboxCases } from './inbox-cases-process';
import { settledInboxCases } from './inbox-cases-settled';
import { workerInboxCases } from './inbox-cases-worker';
import { outageCase } from './inbox-outage-case';
import { registerSuite, type SuiteCase, type TestRunner } from './runner';

const OUTAGE = 'store outage mid-drain: never double, never drop';

/** Every case, by name. */
const CASES = {
  ...basicInboxCases,
  ...edgeInboxCases,
  ...settledInboxCases,
  ...opsInboxCases,
  ...workerInboxCases,
  [OUTAGE]: outageCase,
  ...processInboxCases,
} satisfies Record<string, InboxCase>;

/** Names of the suite's cases, for `skip`. */
export const INBOX_TESTS = Object.keys(CASES) as InboxTestName[];

/** One case name of the inbox suite. */
export type InboxTestName = keyof typeof CASES;

/**
 * Cases that may be skipped, with a reason: the outage and cross-process cases need a backend
 * shared between processes (the memory inbox is not). Atomicity and ownership never.
 */
export const SKIPPABLE_INBOX_TESTS: ReadonlySet<InboxTestName> = new Set<InboxTestName>([
  OUTAGE,
  ...(Object.keys(processInboxCases) as InboxTestName[]),
]);

/** A skip entry: which cases, and the reason shown in the test name. */
export interface InboxSkip {
  reason: string;
  tests: InboxTestName[];
}

/** Options of {@link describeInbox}. */
export interface DescribeInboxOptions {
  /** Suite name, e.g. `postgres (pg Pool)`. */
  name: string;
  /** An inbox on `queue` (unique per test; the cross-process cases also use `<queue>-fx`). */
  create: (context: { queue: string }) => InboxStore | Promise<InboxStore>;
  /**
   * Remove what a test wrote; runs after each test, for every inbox it opened, with its
   * `queue`. It runs instead of `inbox.close()`: close the inbox in it too.
   * @default inbox.close() if present
   */
  cleanup?: (inbox: InboxStore, context: { queue: string }) => void | Promise<void>;
  /** How child processes open the same inbox (the SIGKILL and 2-process cases). */
  processes?: InboxProcessFactory;
  /** Stage an outage of the backend (the outage case). */
  outage?: (queue: string) => Promise<InboxOutage>;
  /** Cases this backend cannot run; only the outage and cross-process ones. */
  skip?: InboxSkip[];
  /** Lease of the lease cases, in ms; raise it for slow backends. @default 300 */
  shortLeaseMs?: number;
}

/** Close what one case opened: `cleanup`, else the inbox's own `close`. */
async function closeAll(
  options: DescribeInboxOptions,
  opened: [InboxStore, string][],
): Promise<void> {
  for (const [inbox, queue] of opened.splice(0)) {
    if (options.cleanup) await options.cleanup(inbox, { queue });
    else await inbox.close?.();
  }
}

/** Check `skip` against what may be skipped and what the options make runnable. */
function skipReasons(options: DescribeInboxOptions): Map<string, string> {
  const reasons = new Map<string, string>();
  for (const entry of options.skip ?? []) {
    for (const test of entry.tests) {
      if (!SKIPPABLE_INBOX_TESTS.has(test)) {
        throw new Error(`describeInbox: "${test}" is not optional and cannot be skipped.`);
      }
      reasons.set(test, entry.reason);
    }
  }
  for (const test of INBOX_TESTS) {
    const missing =
      (test === OUTAGE && !options.outage) || (test in processInboxCases && !options.processes);
    if (missing && !reasons.has(test)) {
      throw new Error(`describeInbox: "${test}" needs an option; pass it or skip the case.`);
    }
  }
  return reasons;
}

/**
 * Register the inbox conformance suite for one backend with `runner` (default: the global
 * `describe`/`it`). Throws at once for a skip that is not allowed or a missing option.
 */
export function describeInbox(options: DescribeInboxOptions, runner?: TestRunner): void {
  const reasons = skipReasons(options);
  const queue = () => `q${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const cases = INBOX_TESTS.map((name): SuiteCase => {
    const run = async () => {
      const opened: [InboxStore, string][] = [];
      const context: InboxCaseContext = {
        queue,
        open: async (name = queue()) => {
          const inbox = await options.create({ queue: name });
          opened.push([inbox, name]);
          return inbox;
        },
        lease: options.shortLeaseMs ?? 300,
        ...(options.outage ? { outage: options.outage } : {}),
        ...(options.processes ? { processes: options.processes } : {}),
      };
      try {
        await CASES[name](context);
      } finally {
        await closeAll(options, opened);
      }
    };
    const reason = reasons.get(name);
    return { name, run, ...(reason === undefined ? {} : { skip: reason }) };
  });
  registerSuite('describeInbox', runner, `InboxStore conformance: ${options.name}`, cases, 120_000);
}
