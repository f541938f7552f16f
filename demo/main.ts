/**
 * `npm run demo`: realistic, signed traffic from six providers against a real HTTP receiver
 * on loopback, on the embedded SQLite store and inbox (or `--store <url>`). Every scenario a
 * webhook receiver meets in production, then one table per provider and the invariant, checked
 * in the application's database: every distinct event produced exactly one side effect.
 * Exit 0 when it holds, 1 when it does not (or the run failed), 2 on a usage mistake.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, USAGE } from './args';
import { checkInvariant } from './audit';
import { effectsDb } from './effects';
import { progress } from './progress';
import { PROVIDERS } from './providers';
import { startReceiver } from './receiver';
import { renderReport } from './render';
import { buildReport } from './report';
import { type ScenarioContext, type ScenarioResult, SLOW_HANDLER_MS, until } from './scenario';
import { ordinarySteps, type Step } from './scenarios';
import { deadLetterReplay, rapidEdits, slowHandler } from './special-steps';
import { openStores } from './stores';
import { RUN_ID } from './traffic';

const SPECIAL: Partial<Record<(typeof PROVIDERS)[number], Step>> = {
  stripe: deadLetterReplay,
  qualio: rapidEdits,
  creatio: slowHandler,
};

function summary(results: readonly ScenarioResult[]): string {
  const c = (k: 'sent' | 'accepted' | 'duplicates' | 'inFlight' | 'rejected' | 'failed') =>
    results.reduce((n, r) => n + r.counts[k], 0);
  return (
    `${c('sent')} sent: ${c('accepted')} accepted, ${c('duplicates')} duplicates, ` +
    `${c('inFlight')} in flight, ${c('rejected')} rejected, ${c('failed')} failed`
  );
}

async function run(argv: readonly string[]): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`demo: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), 'hooklatch-demo-'));
  try {
    const stores = await openStores(args.store, dir, RUN_ID);
    const effects = effectsDb(join(dir, 'app.db'));
    try {
      const receiver = await startReceiver({
        stores,
        effects,
        slowMs: SLOW_HANDLER_MS,
        withoutDedupe: args.withoutDedupe,
      });
      const steps = PROVIDERS.flatMap((p) => [
        ...ordinarySteps(p),
        ...(SPECIAL[p] ? [SPECIAL[p]] : []),
      ]);
      const display = progress(steps.length);
      const context: ScenarioContext = {
        receiver,
        inbox: stores.inbox,
        progress: display,
        findings: {},
      };
      const results: ScenarioResult[] = [];
      try {
        for (const step of steps) {
          display.start(`${step.provider}: ${step.name}`);
          const done = await step.run(context);
          results.push(...done);
          display.done(summary(done));
        }
        await until(async () => {
          const { states } = await stores.inbox.stats();
          return states.pending + states.running === 0;
        }, 'the inbox to drain');
      } finally {
        display.end();
        await receiver.close();
      }
      const effectsByKey = effects.countByKey();
      const invariant = checkInvariant(results, effectsByKey);
      const report = buildReport({
        store: stores.display,
        withoutDedupe: args.withoutDedupe,
        durationMs: Math.round(performance.now() - started),
        results,
        findings: context.findings,
        processed: receiver.processed,
        runs: receiver.runs,
        effectsByKey,
        invariant,
      });
      process.stdout.write(
        `${args.json ? JSON.stringify(report, null, 2) : renderReport(report)}\n`,
      );
      return invariant.holds ? 0 : 1;
    } finally {
      effects.close();
      await stores.close();
    }
  } catch (error) {
    process.stderr.write(
      `demo failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

process.exitCode = await run(process.argv.slice(2));
