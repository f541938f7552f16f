/**
 * The dedupe hit rate from a running application's metrics: the Prometheus text that
 * `metrics()` serves (`hooklatch_deliveries_total` by provider and outcome, and the
 * `hooklatch_dedupe_hit_ratio` window gauge). The store cannot give it: it keeps one record per
 * event, not one per delivery.
 */
import { networkWords } from './failure';
import { CliFailure } from './io';
import { requestFailure, webTarget } from './web-target';

/** Deliveries and dedupe hits of one provider since the application started. */
export interface ProviderHits {
  deliveries: number;
  duplicates: number;
  inFlight: number;
  /** (duplicates + inFlight) / deliveries; null before the first delivery. */
  hitRate: number | null;
}

/** What the metrics say. */
export interface Hits {
  providers: Record<string, ProviderHits>;
  total: ProviderHits;
  /** The recorder's own sliding window, when the endpoint has it. */
  windowHitRate: number | null;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;

function labelsOf(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const m of text.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
    labels[m[1] as string] = (m[2] as string).replace(/\\(.)/g, (_, c: string) =>
      c === 'n' ? '\n' : c,
    );
  }
  return labels;
}

const rate = (h: Omit<ProviderHits, 'hitRate'>): ProviderHits => ({
  ...h,
  hitRate: h.deliveries === 0 ? null : (h.duplicates + h.inFlight) / h.deliveries,
});

/** Read the hit counts out of Prometheus exposition text. */
export function hitsFromText(text: string): Hits {
  const counts = new Map<string, { deliveries: number; duplicates: number; inFlight: number }>();
  let windowHitRate: number | null = null;
  let seen = false;
  for (const line of text.split('\n')) {
    const m = SAMPLE.exec(line.trim());
    if (!m) continue;
    const [, name, labelText = '', valueText] = m;
    const value = Number(valueText);
    if (name === 'hooklatch_dedupe_hit_ratio') {
      seen = true;
      windowHitRate = Number.isFinite(value) ? value : null;
    }
    if (name !== 'hooklatch_deliveries_total' || !Number.isFinite(value)) continue;
    seen = true;
    const labels = labelsOf(labelText);
    const provider = labels.provider ?? '(none)';
    const c = counts.get(provider) ?? { deliveries: 0, duplicates: 0, inFlight: 0 };
    c.deliveries += value;
    if (labels.outcome === 'duplicate') c.duplicates += value;
    if (labels.outcome === 'in_flight') c.inFlight += value;
    counts.set(provider, c);
  }
  if (!seen)
    throw new CliFailure(
      'the metrics endpoint has no hooklatch metrics (hooklatch_deliveries_total).',
    );
  const providers: Record<string, ProviderHits> = {};
  const sum = { deliveries: 0, duplicates: 0, inFlight: 0 };
  for (const [provider, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    providers[provider] = rate(c);
    sum.deliveries += c.deliveries;
    sum.duplicates += c.duplicates;
    sum.inFlight += c.inFlight;
  }
  return { providers, total: rate(sum), windowHitRate };
}

/** Fetch `url` and read its hit counts; a refused connection or a timeout says so. */
export async function scrapeHits(given: string, timeoutMs: number): Promise<Hits> {
  const target = webTarget(given);
  const url = target.shown;
  let response: Response;
  try {
    response = await fetch(target.url, {
      headers: target.headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    const words = requestFailure(error, networkWords(error));
    throw new CliFailure(`cannot read the metrics at ${url}: ${words}.`);
  }
  if (!response.ok) throw new CliFailure(`the metrics at ${url} answered ${response.status}.`);
  return hitsFromText(await response.text());
}
