/**
 * @hooklatch/otel: hooklatch deliveries as OpenTelemetry spans and metrics, through
 * `@opentelemetry/api` (a peer dependency), fed by the diagnostics channels `@hooklatch/core`
 * publishes on.
 *
 * ```ts
 * import { instrument } from '@hooklatch/otel';
 * instrument(); // once, after your OpenTelemetry SDK is set up
 * ```
 *
 * Spans follow the messaging semantic conventions where they fit: a CONSUMER span
 * `process <provider>` per delivery (`messaging.system` = provider, `messaging.message.id` =
 * event ID, `messaging.operation.type` = `process`) with `claim`, `handle <provider>` and
 * `complete` children, and `parse <provider>` beside it; `hooklatch.*` attributes carry what
 * the conventions lack (dedupe key, ID source, outcome, claims, lease). Metrics:
 * `hooklatch.deliveries` by outcome, `hooklatch.handler.duration`, `messaging.process.duration`,
 * `hooklatch.store.duration`, `hooklatch.rejects`, `hooklatch.warnings`.
 * See docs/observability.md.
 *
 * @module
 */
export { ATTR } from './attributes';
export { type Instrumentation, type InstrumentOptions, instrument, SCOPE } from './instrument';
export { METRICS } from './meters';
export { VERSION } from './version';
