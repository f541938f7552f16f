/**
 * The progress line of long operations, on stderr and only on a terminal (the executable
 * gives `io.progress` only then). Small jobs show none; large ones update at most every
 * 100 ms and clear the line when done, so the result lines stay clean.
 */
import type { CliIo } from './io';

/** Jobs with fewer items than this finish too fast to need a progress line. */
export const PROGRESS_MIN_ITEMS = 200;
const INTERVAL_MS = 100;

/** A progress line over `total` items. */
export interface Progress {
  /** `done` of `total` items are finished. */
  step(done: number): void;
  /** Clear the line. */
  end(): void;
}

/** Progress over `total` items, labelled `label` (`purging`). */
export function countProgress(io: CliIo, label: string, total: number): Progress {
  const show = io.progress;
  if (show === undefined || total < PROGRESS_MIN_ITEMS) return { step() {}, end() {} };
  let last = 0;
  const draw = (done: number) => {
    const width = 24;
    const filled = Math.round((done / total) * width);
    show(`${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  draw(0);
  return {
    step(done) {
      const now = Date.now();
      if (done < total && now - last < INTERVAL_MS) return;
      last = now;
      draw(done);
    },
    end: () => show(undefined),
  };
}

/** An elapsed-time line for a job whose size is unknown; shown once it runs past 100 ms. */
export function elapsedProgress(io: CliIo, label: string): Progress {
  const show = io.progress;
  if (show === undefined) return { step() {}, end() {} };
  const started = Date.now();
  let shown = false;
  const timer = setInterval(() => {
    shown = true;
    show(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, INTERVAL_MS);
  timer.unref();
  return {
    step() {},
    end() {
      clearInterval(timer);
      if (shown) show(undefined);
    },
  };
}
