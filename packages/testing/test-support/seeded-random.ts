/**
 * A seeded source of random integers for tests that compare an implementation with a model on
 * many generated inputs: the same seed gives the same inputs on every run and machine, so a
 * failure reproduces. A 32-bit linear congruential generator read from its high bits (its low
 * bits repeat with a short period).
 */

/** `next(n)`: an integer in `[0, n)`, the next of the sequence that `seed` starts. */
export function seededRandom(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return Math.floor((state / 2 ** 32) * n);
  };
}
