/**
 * @hooklatch/testing/vitest: the conformance suites registered with vitest's `describe`/`it`.
 * Everything else (checks, builders, assertions) comes from `@hooklatch/testing`, which works
 * with any runner.
 *
 * ```ts
 * import { describeAdapter } from '@hooklatch/testing/vitest';
 * describeAdapter({ name: 'acme', adapter: () => acme({ secret }), body, secrets: [secret] });
 * ```
 *
 * @module
 */
import { describe, it } from 'vitest';
import type { DescribeAdapterOptions } from './adapter-options';
import { describeAdapter as describeAdapterWith } from './describe-adapter';
import { type DescribeStoreOptions, describeStore as describeStoreWith } from './describe-store';
import { type DescribeInboxOptions, describeInbox as describeInboxWith } from './inbox-describe';
import type { TestRunner } from './runner';

// vitest's overloads differ from the minimal runner shape only in what the suites never use.
const vitest: TestRunner = { describe, it };

/** The adapter conformance suite, registered with vitest. */
export function describeAdapter(options: DescribeAdapterOptions): void {
  describeAdapterWith(options, vitest);
}

/** The DedupeStore conformance suite, registered with vitest. */
export function describeStore(options: DescribeStoreOptions): void {
  describeStoreWith(options, vitest);
}

/** The InboxStore conformance suite, registered with vitest. */
export function describeInbox(options: DescribeInboxOptions): void {
  describeInboxWith(options, vitest);
}
