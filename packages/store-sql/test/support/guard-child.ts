/**
 * Child process of the guard tests. argv: "idle" runs one call that settles at once under a
 * 60 s timeout, then leaves the event loop empty (the process must exit at once); "hang" runs
 * one call that never settles under a 300 ms timeout (the deadline must keep the process up
 * and fail the call). Prints what the call gave.
 */
import { createGuard } from '../../src/timeout';

const mode = process.argv[2];
const guard = createGuard('test', mode === 'idle' ? 60_000 : 300);
const work = mode === 'idle' ? () => Promise.resolve('done') : () => new Promise<string>(() => {});
guard('claim', work).then(
  (value) => process.stdout.write(`OK ${value}\n`),
  (error: { code?: string }) => process.stdout.write(`ERR ${error.code}\n`),
);
