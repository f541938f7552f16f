/**
 * The memory inbox through the shared inbox conformance suite. It lives in one process, so the
 * outage and cross-process cases do not apply (the SQL and Redis inboxes run them).
 */
import { SKIPPABLE_INBOX_TESTS } from '@hooklatch/testing';
import { describeInbox } from '@hooklatch/testing/vitest';
import { memoryInbox } from '../src/index';

describeInbox({
  name: 'memory',
  create: () => memoryInbox(),
  skip: [{ reason: 'the memory inbox lives in one process', tests: [...SKIPPABLE_INBOX_TESTS] }],
});
