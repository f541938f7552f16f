/**
 * The inbox half of the test kit: `describeInbox` (the InboxStore conformance suite, with the
 * SIGKILL, outage and two-process cases), the adapter its deliveries are signed for, and the
 * TCP proxy that stages an outage.
 *
 * @module
 */

export type { InboxOutage, InboxProcessFactory } from './inbox-case';
export type { DescribeInboxOptions, InboxSkip, InboxTestName } from './inbox-describe';
export { describeInbox, INBOX_TESTS, SKIPPABLE_INBOX_TESTS } from './inbox-describe';
export type { RecordedEffect } from './inbox-effects';
export { effectCounts, effectDelivery, readEffects } from './inbox-effects';
export type { TcpProxy } from './inbox-proxy';
export { tcpProxy } from './inbox-proxy';
export type {
  InboxTestDeliveryOptions,
  InboxTestEvent,
  InboxTestPayload,
} from './inbox-test-adapter';
export { INBOX_TEST_SECRET, inboxTestAdapter, inboxTestDelivery } from './inbox-test-adapter';
