/**
 * The providers' side: POST a delivery with the sender's timeout, read the answer as a provider
 * does (2xx delivered, anything else failed and retried on its schedule, a 4xx refused), and
 * tally every attempt.
 */
import type { Wire } from './providers';

/** How the sender read one answer. */
export type Answer = 'accepted' | 'duplicate' | 'in_flight' | 'rejected' | 'failed';

/** Counts of attempts by answer. */
export interface Tally {
  sent: number;
  /** First 2xx for an event: `processed` (direct) or `enqueued` (inbox). */
  accepted: number;
  /** 2xx `duplicate`: the event was already handled or kept. */
  duplicates: number;
  /** 409 `in_flight`: another attempt is running the handler right now. */
  inFlight: number;
  /** 4xx: refused for good (bad signature, stale timestamp). */
  rejected: number;
  /** Timeouts, 5xx, connection errors: the sender logs a failure and retries. */
  failed: number;
  /** Of `failed`, the attempts the sender gave up waiting on. */
  timeouts: number;
  /** Error codes of the refused attempts. */
  codes: Record<string, number>;
}

/** A zeroed tally. */
export function tally(): Tally {
  return {
    sent: 0,
    accepted: 0,
    duplicates: 0,
    inFlight: 0,
    rejected: 0,
    failed: 0,
    timeouts: 0,
    codes: {},
  };
}

/** How a provider sends: its timeout and the waits before its retries. */
export interface SenderPolicy {
  timeoutMs: number;
  /** One entry per retry after a failed attempt; none left means the sender gives up. */
  retryDelaysMs: readonly number[];
}

/** What one copy of a delivery came to. */
export interface CopyResult {
  /** A 2xx arrived. */
  acknowledged: boolean;
  /** Milliseconds from the first attempt to the 2xx. */
  acknowledgedAfterMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function attempt(url: string, wire: Wire, timeoutMs: number): Promise<[Answer, string?]> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: wire.headers,
      body: wire.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return ['failed', timedOut ? 'TIMEOUT' : 'CONNECTION'];
  }
  let body: { outcome?: string; code?: string; error?: { code?: string } } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    // Not JSON: the status alone decides.
  }
  const { status } = response;
  if (status >= 200 && status < 300)
    return [body.outcome === 'duplicate' ? 'duplicate' : 'accepted'];
  if (status === 409) return ['in_flight'];
  const code = body.error?.code ?? body.code ?? `HTTP_${status}`;
  return [status < 500 ? 'rejected' : 'failed', code];
}

/**
 * Send one copy of a delivery, retrying failed attempts on the policy's schedule until a 2xx or
 * a 4xx. `sign(n)` gives attempt n's bytes (timestamped schemes sign every attempt afresh).
 */
export async function sendCopy(
  url: string,
  sign: (attemptNumber: number) => Wire,
  policy: SenderPolicy,
  counts: Tally,
  onSent: () => void = () => {},
): Promise<CopyResult> {
  const started = performance.now();
  for (let n = 0; ; n++) {
    counts.sent++;
    onSent();
    const [answer, code] = await attempt(url, sign(n), policy.timeoutMs);
    if (answer === 'accepted' || answer === 'duplicate') {
      counts[answer === 'accepted' ? 'accepted' : 'duplicates']++;
      return { acknowledged: true, acknowledgedAfterMs: Math.round(performance.now() - started) };
    }
    if (answer === 'rejected') {
      counts.rejected++;
      if (code !== undefined) counts.codes[code] = (counts.codes[code] ?? 0) + 1;
      return { acknowledged: false };
    }
    if (answer === 'in_flight') counts.inFlight++;
    else {
      counts.failed++;
      if (code === 'TIMEOUT') counts.timeouts++;
    }
    const wait = policy.retryDelaysMs[n];
    if (wait === undefined) return { acknowledged: false };
    await sleep(wait);
  }
}
