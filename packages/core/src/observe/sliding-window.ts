/**
 * A sliding window as a ring of per-interval slots: the window is `intervals` slots of
 * `windowMs / intervals` each; a slot is reused (reset) when its interval comes round again,
 * and reading merges the slots still inside the window. It slides by one interval at a time.
 */

/** One slot of the ring, with the interval number it holds. */
interface Slot<T> {
  epoch: number;
  value: T;
}

export class SlidingWindow<T> {
  readonly #slots: Slot<T>[];
  readonly #intervalMs: number;
  readonly #reset: (value: T) => void;

  constructor(windowMs: number, intervals: number, create: () => T, reset: (value: T) => void) {
    this.#intervalMs = windowMs / intervals;
    this.#reset = reset;
    this.#slots = Array.from({ length: intervals }, () => ({ epoch: -1, value: create() }));
  }

  /** The slot for `now` (cleared first when it held an older interval). */
  current(now: number): T {
    const epoch = Math.floor(now / this.#intervalMs);
    const slot = this.#slots[epoch % this.#slots.length] as Slot<T>;
    if (slot.epoch !== epoch) {
      this.#reset(slot.value);
      slot.epoch = epoch;
    }
    return slot.value;
  }

  /** Every slot whose interval is inside the window ending at `now`. */
  *live(now: number): Generator<T> {
    const epoch = Math.floor(now / this.#intervalMs);
    for (const slot of this.#slots) {
      if (slot.epoch > epoch - this.#slots.length && slot.epoch <= epoch) yield slot.value;
    }
  }
}
