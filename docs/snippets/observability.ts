// Observing a webhook route: hooks and a pino logger, metrics() on /metrics, and OpenTelemetry.
import { subscribe } from 'node:diagnostics_channel';
import {
  handleWebhook,
  type Logger,
  memoryStore,
  metrics,
  type ProcessContext,
  replyResponse,
} from '@hooklatch/core';
import { instrument } from '@hooklatch/otel';
import { acme } from '../../demo/acme-adapter';

declare const pinoLogger: Logger; // `pino()`: any (fields, message) or (message, fields) logger

const adapter = acme({ secret: 'from-your-secret-manager' });
const store = memoryStore();

// In-process metrics for Prometheus, and spans/metrics through your OpenTelemetry SDK.
const recorder = metrics();
instrument();

export async function POST(request: Request): Promise<Response> {
  const reply = await handleWebhook(request, {
    adapter,
    store,
    handler: async (event) => ({ seen: event.id }),
    logger: pinoLogger,
    hooks: {
      // Before any processing: tell a provider's duplicate from one of yours.
      onReceipt: (r) => pinoLogger.info?.({ key: r.key, deliveryId: r.deliveryId }, 'webhook in'),
      onError: (r) => reportToErrorTracker(r.error, { key: r.key, provider: r.provider }),
    },
  });
  return replyResponse(reply);
}

export function GET(): Response {
  return new Response(recorder.prometheus(), {
    headers: { 'content-type': 'text/plain; version=0.0.4' },
  });
}

// Your own subscriber: every answered delivery, with its outcome and duration.
subscribe('tracing:hooklatch:process:asyncEnd', (message) => {
  const c = message as ProcessContext;
  if (c.outcome === 'store_unavailable') pinoLogger.error({ key: c.key }, 'dedupe store down');
});

declare function reportToErrorTracker(error: unknown, tags: Record<string, string>): void;
