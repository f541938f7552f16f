/**
 * A claim whose answer arrives after its lease ended must not start the handler: by then another
 * copy may hold the key and be running the event (found by the fault fuzz: a claim answered
 * 150 ms late on an 82 ms lease ran the handler beside the copy that had taken over).
 */
import { expect, it } from 'vitest';
import { memoryStore, processOnce } from '../src/index';
import { faultyStore, sleep } from './support/faulty-store';
import { testEvent } from './support/test-event';

it('a claim answered after its lease ended does not run the handler; the takeover runs once', async () => {
  const store = faultyStore(memoryStore(), {
    claim: (call) => (call === 1 ? { slowAnswerMs: 200 } : undefined),
  });
  const event = testEvent('evt_late_claim');
  let running = 0;
  let overlapped = false;
  let runs = 0;
  const handler = async () => {
    runs++;
    running++;
    if (running > 1) overlapped = true;
    await sleep(150);
    running--;
  };
  const options = { leaseMs: 60, logger: false as const };
  const late = processOnce(store, event, handler, options);
  await sleep(100); // the first claim's lease (60 ms) has ended in the store; its answer has not come
  const takeover = processOnce(store, event, handler, options);
  const [first, second] = await Promise.all([late, takeover]);
  expect(first).toMatchObject({ outcome: 'store_unavailable', status: 503 });
  expect(second).toMatchObject({ outcome: 'processed', status: 200 });
  expect(runs).toBe(1);
  expect(overlapped).toBe(false);
});
