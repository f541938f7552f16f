/**
 * The cost of observation (docs/observability.md). Each case runs `processOnce` with its
 * default options (the console logger, which prints nothing on this path) on the memory store,
 * a fresh key per call (the full claim, handler and completion path), against the same
 * pipeline with the observation layer cut out: option checks plus `runOnce`, the internal step
 * `processOnce` wraps with channels, hooks and the logger. Both come from the TypeScript
 * sources, so the two sides are the same build.
 * - `observe: nobody listening`: the price of being observable at all; it must stay near 1.0.
 * - `observe: metrics()`: with an in-process recorder subscribed to every channel.
 */
import { memoryStore, metrics, processOnce } from '../packages/core/src/index';
import { resolveProcessConfig } from '../packages/core/src/process/options';
import { runOnce } from '../packages/core/src/process/run-once';
import { type BenchCase, eventWithKey } from './cases';

export function observeCases(): BenchCase[] {
  let n = 0;
  const handler = () => ({ ok: true });
  const store = memoryStore();
  const baseline = () => runOnce(resolveProcessConfig(store, handler, {}), eventWithKey(`b${n++}`));
  // Subscribed on the case's first call (the warm-up), so the first case runs with nobody listening.
  let recorder: ReturnType<typeof metrics> | undefined;
  return [
    {
      name: 'observe: nobody listening',
      peerName: 'the pipeline without observation',
      ours: () => processOnce(store, eventWithKey(`o${n++}`), handler),
      peer: baseline,
    },
    {
      name: 'observe: metrics()',
      peerName: 'the pipeline without observation',
      ours: () => {
        recorder ??= metrics();
        return processOnce(store, eventWithKey(`m${n++}`), handler);
      },
      peer: baseline,
      close: async () => {
        recorder?.close();
      },
    },
  ];
}
