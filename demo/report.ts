/**
 * The demo's findings as data: one row per scenario, grouped by provider, the slow-handler
 * comparison, the rapid edits, the replay and the invariant. `--json` prints this object; the
 * tables are drawn from it (render.ts).
 */
import type { InvariantCheck } from './audit';
import { PROVIDERS, type ProviderName } from './providers';
import type { Findings, Mode, ScenarioResult } from './scenario';
import type { Tally } from './sender';

/** Counts of one scenario (or a provider's total): the sender's tally and the receiver's. */
export interface Counts extends Omit<Tally, 'codes'> {
  /** Distinct deliveries the sender made (authentic events and refused ones). */
  events: number;
  /** Handler runs that completed, as the receiver saw them. */
  processed: number;
  /** Rows in the application's database for the scenario's events. */
  sideEffects: number;
}

export interface ScenarioRow extends Counts {
  scenario: string;
  mode: Mode;
  /** Error codes of the refused attempts. */
  rejectedCodes: Record<string, number>;
}

/** One mode of the slow-handler comparison, as the sender experienced it. */
export interface ModeSummary {
  events: number;
  sent: number;
  timeouts: number;
  inFlight: number;
  /** Attempts the sender logged as failed: timeouts, 409s and 5xx. */
  failures: number;
  acknowledged: number;
  /** Longest wait from an event's first attempt to its first 2xx. */
  slowestAcknowledgementMs: number;
  sideEffects: number;
}

export interface DemoReport {
  ok: boolean;
  store: string;
  withoutDedupe: boolean;
  durationMs: number;
  providers: Record<ProviderName, { rows: ScenarioRow[]; total: Counts }>;
  slowHandler: {
    handlerMs: number;
    senderTimeoutMs: number;
    direct: ModeSummary;
    inbox: ModeSummary;
  };
  rapidEdits: { edits: number; timestamp: string; distinctKeys: number; sideEffects: number };
  replay: NonNullable<Findings['replay']> & { sideEffects: number; handlerRuns: number };
  invariant: InvariantCheck;
}

/** What the report is made from. */
export interface ReportInput {
  store: string;
  withoutDedupe: boolean;
  durationMs: number;
  results: readonly ScenarioResult[];
  findings: Findings;
  processed: readonly string[];
  runs: ReadonlyMap<string, number>;
  effectsByKey: ReadonlyMap<string, number>;
  invariant: InvariantCheck;
}

const COUNT_KEYS = [
  'events',
  'sent',
  'accepted',
  'duplicates',
  'inFlight',
  'rejected',
  'failed',
  'timeouts',
  'processed',
  'sideEffects',
] as const;

function sum(rows: readonly Counts[]): Counts {
  const total = Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as Counts;
  for (const row of rows) for (const k of COUNT_KEYS) total[k] += row[k];
  return total;
}

/** Build the report; throws if a special scenario left no findings (it did not run). */
export function buildReport(input: ReportInput): DemoReport {
  const { findings, effectsByKey } = input;
  const processedByKey = new Map<string, number>();
  for (const key of input.processed) processedByKey.set(key, (processedByKey.get(key) ?? 0) + 1);
  const effectsOf = (keys: readonly string[]) =>
    keys.reduce((n, k) => n + (effectsByKey.get(k) ?? 0), 0);
  const keysOf = (result: ScenarioResult) => result.events.map((event) => event.key);

  const row = (result: ScenarioResult): ScenarioRow => {
    const { counts } = result;
    const keys = keysOf(result);
    return {
      scenario: result.name,
      mode: result.mode,
      events: result.events.length + result.refused,
      sent: counts.sent,
      accepted: counts.accepted,
      duplicates: counts.duplicates,
      inFlight: counts.inFlight,
      rejected: counts.rejected,
      failed: counts.failed,
      timeouts: counts.timeouts,
      processed: keys.reduce((n, k) => n + (processedByKey.get(k) ?? 0), 0),
      sideEffects: effectsOf(keys),
      rejectedCodes: counts.codes,
    };
  };
  const providers = Object.fromEntries(
    PROVIDERS.map((name) => {
      const rows = input.results.filter((r) => r.provider === name).map(row);
      return [name, { rows, total: sum(rows) }];
    }),
  ) as DemoReport['providers'];

  const { slowHandler, rapidEdits, replay } = findings;
  if (!slowHandler || !rapidEdits || !replay) throw new Error('demo: a scenario did not finish');
  const summary = (result: ScenarioResult): ModeSummary => ({
    events: result.events.length,
    sent: result.counts.sent,
    timeouts: result.counts.timeouts,
    inFlight: result.counts.inFlight,
    failures: result.counts.failed + result.counts.inFlight,
    acknowledged: result.events.filter((e) => e.acknowledged).length,
    slowestAcknowledgementMs: Math.max(0, ...result.events.map((e) => e.acknowledgedAfterMs ?? 0)),
    sideEffects: effectsOf(keysOf(result)),
  });
  return {
    ok: input.invariant.holds,
    store: input.store,
    withoutDedupe: input.withoutDedupe,
    durationMs: input.durationMs,
    providers,
    slowHandler: {
      handlerMs: slowHandler.handlerMs,
      senderTimeoutMs: slowHandler.senderTimeoutMs,
      direct: summary(slowHandler.direct),
      inbox: summary(slowHandler.inbox),
    },
    rapidEdits: {
      edits: rapidEdits.edits,
      timestamp: rapidEdits.timestamp,
      distinctKeys: rapidEdits.keys.length,
      sideEffects: effectsOf(rapidEdits.keys),
    },
    replay: {
      ...replay,
      sideEffects: effectsByKey.get(replay.key) ?? 0,
      handlerRuns: input.runs.get(replay.key) ?? 0,
    },
    invariant: input.invariant,
  };
}
