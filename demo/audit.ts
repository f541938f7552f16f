/**
 * The invariant, checked: every distinct authentic event the senders sent produced exactly one
 * side effect in the application's database, nothing else produced one, and every authentic
 * event was acknowledged with a 2xx. "Distinct" is the senders' own count (one label per event
 * they made), so two real events that hooklatch wrongly gave one key show up as a violation too.
 */
import type { ScenarioResult } from './scenario';

/** The result of the check. */
export interface InvariantCheck {
  holds: boolean;
  /** Distinct authentic events sent. */
  distinctEvents: number;
  /** Side-effect rows in the application's database. */
  sideEffects: number;
  /** What broke it, one line each (empty when it holds). */
  violations: string[];
}

/** Check the run's results against the side effects counted per event key. */
export function checkInvariant(
  results: readonly ScenarioResult[],
  effectsByKey: ReadonlyMap<string, number>,
): InvariantCheck {
  const violations: string[] = [];
  const labelsByKey = new Map<string, string[]>();
  let distinctEvents = 0;
  for (const result of results) {
    for (const event of result.events) {
      distinctEvents++;
      labelsByKey.set(event.key, [...(labelsByKey.get(event.key) ?? []), event.label]);
      if (!event.acknowledged) violations.push(`never acknowledged with a 2xx: ${event.label}`);
    }
  }
  for (const [key, labels] of labelsByKey) {
    if (labels.length > 1) {
      violations.push(
        `${labels.length} distinct events collapsed into one key (${labels.join(', ')})`,
      );
    }
    const effects = effectsByKey.get(key) ?? 0;
    if (effects !== 1) {
      violations.push(`${effects} side effects instead of 1: ${labels.join(', ')}`);
    }
  }
  for (const [key, effects] of effectsByKey) {
    if (!labelsByKey.has(key)) {
      violations.push(`${effects} side effect(s) for a key no authentic delivery carried: ${key}`);
    }
  }
  let sideEffects = 0;
  for (const n of effectsByKey.values()) sideEffects += n;
  return { holds: violations.length === 0, distinctEvents, sideEffects, violations };
}
