/**
 * What every scenario shares: the result it records, the events it must account for, and the
 * sender policies (the providers' timeouts and retry schedules, scaled down to fit the demo).
 */
import { type InboxStore, parseEvent } from '@hooklatch/core';
import type { Progress } from './progress';
import { ADAPTERS, type ProviderName, signAttempt, type Unsigned, type Wire } from './providers';
import type { Receiver } from './receiver';
import { type SenderPolicy, sendCopy, type Tally, tally } from './sender';

export type Mode = 'direct' | 'inbox';

/** One authentic event the sender sent: it must produce exactly one side effect. */
export interface SentEvent {
  /** The sender's own name for it (unique in the run; independent of hooklatch's key). */
  label: string;
  /** Its dedupe key, worked out by parsing the signed delivery once before sending. */
  key: string;
  /** Some copy got a 2xx. */
  acknowledged: boolean;
  /** Milliseconds from its first attempt to its first 2xx, when it got one. */
  acknowledgedAfterMs?: number;
}

/** What one scenario did. */
export interface ScenarioResult {
  provider: ProviderName;
  name: string;
  mode: Mode;
  counts: Tally;
  events: SentEvent[];
  /** Deliveries that must be refused and never reach a handler. */
  refused: number;
}

/** What the special scenarios found, beyond their counts. */
export interface Findings {
  rapidEdits?: { edits: number; timestamp: string; keys: string[] };
  slowHandler?: {
    handlerMs: number;
    senderTimeoutMs: number;
    direct: ScenarioResult;
    inbox: ScenarioResult;
  };
  replay?: {
    key: string;
    /** Handler runs before the entry went to the dead letters. */
    attemptsBeforeDeadLetter: number;
    lastError?: string;
    /** Entries `inbox.replay` put back. */
    replayed: number;
    /** How often the worker completed the entry after the replay. */
    completedAfterReplay: number;
    /** The answer to Stripe's late retry after all that. */
    lateRetry: 'duplicate' | 'other';
  };
}

/** What a scenario runs against. */
export interface ScenarioContext {
  receiver: Receiver;
  inbox: InboxStore;
  progress: Progress;
  findings: Findings;
}

/** Stripe and most providers retry within seconds at first; scaled down. */
export const DEFAULT_POLICY: SenderPolicy = {
  timeoutMs: 2_000,
  retryDelaysMs: [100, 200, 400, 800],
};

/**
 * The Creatio-like sender: gives up after 30 s, retries after 5 s, then 30 s and 60 s. Scaled
 * 1:60, as the slow handler is (39 s of ERP work becomes 650 ms).
 */
export const CREATIO_POLICY: SenderPolicy = { timeoutMs: 500, retryDelaysMs: [83, 500, 1_000] };
export const SLOW_HANDLER_MS = 650;

/** The sender policy of a provider. */
export function policyOf(provider: ProviderName): SenderPolicy {
  return provider === 'creatio' ? CREATIO_POLICY : DEFAULT_POLICY;
}

/** The dedupe key the receiver will claim for `delivery` (parsed once, locally). */
export async function keyOf(provider: ProviderName, delivery: Unsigned): Promise<string> {
  const event = await parseEvent(ADAPTERS[provider], signAttempt(provider, delivery));
  return event.dedupeKey;
}

/** A new scenario result to fill in. */
export function scenarioResult(provider: ProviderName, name: string, mode: Mode): ScenarioResult {
  return { provider, name, mode, counts: tally(), events: [], refused: 0 };
}

/**
 * Send `copies` copies of one authentic event (at once or one after another), each copy retried
 * on the provider's schedule, and record the event in `result`.
 */
export async function sendEvent(
  context: ScenarioContext,
  result: ScenarioResult,
  label: string,
  delivery: Unsigned,
  copies: { count: number; together: boolean },
): Promise<SentEvent> {
  const { provider } = result;
  const sent: SentEvent = { label, key: await keyOf(provider, delivery), acknowledged: false };
  result.events.push(sent);
  await resend(context, result, sent, delivery, copies);
  return sent;
}

/** Send more copies of an event already recorded (a provider's later retry). */
export async function resend(
  context: ScenarioContext,
  result: ScenarioResult,
  sent: SentEvent,
  delivery: Unsigned,
  copies: { count: number; together: boolean },
): Promise<void> {
  const { provider, mode } = result;
  const url = context.receiver.url(mode, provider);
  const sign = () => signAttempt(provider, delivery);
  const copy = async () => {
    const outcome = await sendCopy(
      url,
      sign,
      policyOf(provider),
      result.counts,
      context.progress.tick,
    );
    if (outcome.acknowledged && !sent.acknowledged) {
      sent.acknowledged = true;
      if (outcome.acknowledgedAfterMs !== undefined) {
        sent.acknowledgedAfterMs = outcome.acknowledgedAfterMs;
      }
    }
  };
  if (copies.together) await Promise.all(Array.from({ length: copies.count }, copy));
  else for (let i = 0; i < copies.count; i++) await copy();
}

/** Wait until `check` holds (polled), or fail naming `what`. */
export async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 15_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`demo: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Send a delivery that must be refused (one attempt chain; a 4xx ends it). */
export async function sendRefused(
  context: ScenarioContext,
  result: ScenarioResult,
  wire: Wire,
): Promise<void> {
  result.refused++;
  const url = context.receiver.url(result.mode, result.provider);
  await sendCopy(url, () => wire, policyOf(result.provider), result.counts, context.progress.tick);
}
