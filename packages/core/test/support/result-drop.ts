/**
 * The result-guard check shared by the memory and the real-store suites: a handler returning
 * `result` completes without it (warning `result_dropped` with `reason`), and the next copy is a
 * duplicate, so the handler ran once.
 */
import { expect } from 'vitest';
import {
  type DedupeStore,
  type ProcessWarning,
  processOnce,
  type WebhookEvent,
} from '../../src/index';

export async function expectResultDropped(
  store: DedupeStore,
  event: WebhookEvent,
  result: unknown,
  reason: string,
): Promise<void> {
  const warnings: ProcessWarning[] = [];
  let runs = 0;
  const handler = () => {
    runs++;
    return result;
  };
  const outcome = await processOnce(store, event, handler, { onWarning: (w) => warnings.push(w) });
  expect(outcome).toMatchObject({ outcome: 'processed', status: 200, completion: 'stored' });
  expect(warnings).toEqual([
    expect.objectContaining({ kind: 'result_dropped', key: outcome.key, reason }),
  ]);
  const record = await store.get(outcome.key);
  expect(record?.state).toBe('completed');
  expect(record?.result).toBeUndefined();
  expect((await processOnce(store, event, handler)).outcome).toBe('duplicate');
  expect(runs).toBe(1);
}
