/**
 * The three scenarios the seeds asked about by name: Qualio-like rapid edits that share a
 * second-level timestamp, the Creatio-like slow handler against a sender timeout in both modes
 * side by side, and a dead-lettered Stripe event replayed after the bug fix.
 */
import {
  CREATIO_POLICY,
  resend,
  SLOW_HANDLER_MS,
  scenarioResult,
  sendEvent,
  until,
} from './scenario';
import type { Step } from './scenarios';
import { creatioOrder, qualioRapidEdits, stripeEvent } from './traffic';

/** Three edits in one second, each sent twice: three events, not one. */
export const rapidEdits: Step = {
  provider: 'qualio',
  name: 'rapid edits, same second (x2)',
  async run(context) {
    const result = scenarioResult('qualio', this.name, 'direct');
    const { timestamp, edits } = qualioRapidEdits();
    const sent = await Promise.all(
      edits.map((edit, i) =>
        sendEvent(context, result, `qualio edit #${i + 1} at ${timestamp}`, edit, {
          count: 2,
          together: false,
        }),
      ),
    );
    context.findings.rapidEdits = {
      edits: edits.length,
      timestamp,
      keys: [...new Set(sent.map((event) => event.key))],
    };
    return [result];
  },
};

/**
 * Three Order updates whose handler works 650 ms against a sender that waits 500 ms (39 s
 * against 30 s, scaled 1:60), sent to both routes at once.
 */
export const slowHandler: Step = {
  provider: 'creatio',
  name: 'slow handler vs timeout',
  async run(context) {
    const direct = scenarioResult('creatio', this.name, 'direct');
    const inbox = scenarioResult('creatio', this.name, 'inbox');
    await Promise.all(
      [direct, inbox].flatMap((result) =>
        Array.from({ length: 3 }, (_, i) =>
          sendEvent(context, result, `creatio order #${i + 1} (${result.mode})`, creatioOrder(), {
            count: 1,
            together: false,
          }),
        ),
      ),
    );
    // The inbox answered at once; its worker is still at the ERP.
    const { processed } = context.receiver;
    await until(
      () => inbox.events.every((e) => processed.includes(e.key)),
      'the slow inbox entries',
    );
    context.findings.slowHandler = {
      handlerMs: SLOW_HANDLER_MS,
      senderTimeoutMs: CREATIO_POLICY.timeoutMs,
      direct,
      inbox,
    };
    return [direct, inbox];
  },
};

/**
 * An invoice whose customer the CRM does not know yet: the handler fails, the worker retries
 * and dead-letters it after maxAttempts. The sync is fixed, the entry replayed, and it runs
 * once. Stripe's own late retry then finds it done.
 */
export const deadLetterReplay: Step = {
  provider: 'stripe',
  name: 'dead letter, then replay',
  async run(context) {
    const { receiver, inbox } = context;
    const result = scenarioResult('stripe', this.name, 'inbox');
    const delivery = stripeEvent('invoice.paid', 'invoice');
    const once = { count: 1, together: false };
    const sent = await sendEvent(
      context,
      result,
      'stripe invoice.paid (unknown customer)',
      delivery,
      once,
    );
    await until(() => receiver.deadLettered.has(sent.key), 'the dead letter');
    const attemptsBeforeDeadLetter = receiver.runs.get(sent.key) ?? 0;
    const lastError = (await inbox.get(sent.key))?.lastError?.code;

    receiver.syncCustomers(); // the bug fix
    const replayed = await inbox.replay({ key: sent.key, reason: 'customer sync fixed' });
    receiver.worker.wake();
    await until(async () => (await inbox.get(sent.key))?.state === 'completed', 'the replay');

    const before = result.counts.duplicates;
    await resend(context, result, sent, delivery, once);
    context.findings.replay = {
      key: sent.key,
      attemptsBeforeDeadLetter,
      ...(lastError === undefined ? {} : { lastError }),
      replayed,
      completedAfterReplay: receiver.processed.filter((key) => key === sent.key).length,
      lateRetry: result.counts.duplicates === before + 1 ? 'duplicate' : 'other',
    };
    return [result];
  },
};
