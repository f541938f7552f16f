/**
 * The scenarios every provider goes through: exact retries, concurrent copies, tampered bodies,
 * and (where the scheme signs a timestamp) stale replays. Shopify's route runs in inbox mode
 * (Shopify allows 5 s per delivery), the others handle inside the request.
 */
import { type ProviderName, SIGNS_TIMESTAMP, signAttempt, tamper, type Wire } from './providers';
import {
  type Mode,
  type ScenarioContext,
  type ScenarioResult,
  scenarioResult,
  sendEvent,
  sendRefused,
} from './scenario';
import { ordinaryEvent } from './traffic';

/** Distinct events per scenario. */
const EVENTS = 4;

/** The route each provider's ordinary traffic takes. */
export function modeOf(provider: ProviderName): Mode {
  return provider === 'shopify' ? 'inbox' : 'direct';
}

/** A named step of the run. */
export interface Step {
  provider: ProviderName;
  name: string;
  run(context: ScenarioContext): Promise<ScenarioResult[]>;
}

/** A step that fills one scenario result on the provider's usual route. */
function step(
  provider: ProviderName,
  name: string,
  fill: (context: ScenarioContext, result: ScenarioResult) => Promise<unknown>,
): Step {
  return {
    provider,
    name,
    async run(context) {
      const result = scenarioResult(provider, name, modeOf(provider));
      await fill(context, result);
      return [result];
    },
  };
}

/** {@link EVENTS} authentic events at once, each sent as `copies` says. */
function copiesStep(
  provider: ProviderName,
  name: string,
  label: string,
  copies: { count: number; together: boolean },
): Step {
  return step(provider, name, (context, result) =>
    Promise.all(
      Array.from({ length: EVENTS }, (_, i) =>
        sendEvent(
          context,
          result,
          `${provider} ${label} #${i + 1}`,
          ordinaryEvent(provider),
          copies,
        ),
      ),
    ),
  );
}

/** Two deliveries that must be refused, one after the other. */
function refusedStep(provider: ProviderName, name: string, wire: () => Wire): Step {
  return step(provider, name, async (context, result) => {
    for (let i = 0; i < 2; i++) await sendRefused(context, result, wire());
  });
}

const TEN_MINUTES_MS = 10 * 60_000;

/** The ordinary steps of one provider. */
export function ordinarySteps(provider: ProviderName): Step[] {
  const steps = [
    // Each event three times, one copy after another (the 2xx got lost on the way back).
    copiesStep(provider, 'exact retries (x3)', 'retried', { count: 3, together: false }),
    // Eight copies of each event at the same moment (a sender's parallel retry queue).
    copiesStep(provider, 'concurrent copies (x8)', 'burst', { count: 8, together: true }),
    // Signed, then one byte changed on the way (an amount, an ID).
    refusedStep(provider, 'tampered body', () =>
      tamper(signAttempt(provider, ordinaryEvent(provider))),
    ),
  ];
  if (!SIGNS_TIMESTAMP.has(provider)) return steps;
  // A captured delivery replayed ten minutes later, beyond the 5-minute tolerance.
  const stale = refusedStep(provider, 'stale replay (10 min)', () =>
    signAttempt(provider, ordinaryEvent(provider), new Date(Date.now() - TEN_MINUTES_MS)),
  );
  return [...steps, stale];
}
