/**
 * Spans from the hooklatch channels. One delivery is a CONSUMER span `process <provider>`
 * (messaging `process` operation) whose children are the store calls (`claim`, `complete`:
 * CLIENT) and the handler (`handle <provider>`: INTERNAL). `parse <provider>` (INTERNAL) is its
 * sibling under whatever span is active when the request comes in (the HTTP server span).
 * Children are linked through the contexts (`context.delivery`), not the active context, so
 * the tree is right on any runtime and with any context manager. An inbox worker's run of an
 * entry is a CONSUMER span `process <provider>` too (from `hooklatch:run`), parent of that
 * run's handle and complete spans.
 */
import type {
  ClaimContext,
  CompleteContext,
  FailureFacts,
  HandleContext,
  ParseContext,
  ProcessContext,
  RunContext,
  WarningMessage,
} from '@hooklatch/core';
import {
  type Attributes,
  context,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import {
  ATTR,
  claimAttributes,
  completeAttributes,
  errorType,
  eventAttributes,
  outcomeAttributes,
} from './attributes';

type Stage = FailureFacts & { delivery?: ProcessContext };

export class SpanRecorder {
  readonly #tracer: Tracer;
  readonly #recordExceptions: boolean;
  /** Open spans by their channel context (deleted when they end). */
  readonly #open = new Map<object, Span>();

  constructor(tracer: Tracer, recordExceptions: boolean) {
    this.#tracer = tracer;
    this.#recordExceptions = recordExceptions;
  }

  #start(key: object, name: string, kind: SpanKind, attributes: Attributes, parent?: object): void {
    const parentSpan = parent === undefined ? undefined : this.#open.get(parent);
    const ctx =
      parentSpan === undefined ? context.active() : trace.setSpan(context.active(), parentSpan);
    this.#open.set(key, this.#tracer.startSpan(name, { kind, attributes }, ctx));
  }

  /** End the span of `key`: failed stages get `error.type` and an ERROR status. */
  #end(key: Stage, failed: boolean, attributes: Attributes = {}): void {
    const span = this.#open.get(key);
    if (span === undefined) return;
    this.#open.delete(key);
    span.setAttributes(attributes);
    if (failed) {
      const type = errorType(key) ?? '_OTHER';
      span.setAttribute(ATTR.errorType, type);
      span.setStatus({ code: SpanStatusCode.ERROR, message: type });
      if (this.#recordExceptions && key.error !== undefined) {
        span.recordException(key.error instanceof Error ? key.error : String(key.error));
      }
    }
    span.end();
  }

  parseStart(c: ParseContext): void {
    this.#start(c, `parse ${c.provider}`, SpanKind.INTERNAL, {
      [ATTR.messagingSystem]: c.provider,
      [ATTR.operationName]: 'parse',
    });
  }

  parseEnd(c: ParseContext): void {
    const failed = c.errorCode !== undefined || c.errorName !== undefined;
    this.#end(c, failed, failed ? { [ATTR.statusCode]: c.status ?? 500 } : eventAttributes(c));
  }

  processStart(c: ProcessContext): void {
    this.#start(c, `process ${c.provider}`, SpanKind.CONSUMER, {
      ...eventAttributes(c),
      [ATTR.operationType]: 'process',
      [ATTR.operationName]: 'process',
      [ATTR.leaseMs]: c.leaseMs,
    });
  }

  processEnd(c: ProcessContext): void {
    const failed = c.outcome === 'failed' || c.outcome === 'store_unavailable';
    this.#end(c, failed, outcomeAttributes(c));
  }

  /** A worker run: keyed by its `delivery`, the parent its handle and complete stages name. */
  runStart(c: RunContext): void {
    this.#start(c.delivery, `process ${c.provider}`, SpanKind.CONSUMER, {
      ...eventAttributes(c),
      [ATTR.operationType]: 'process',
      [ATTR.operationName]: 'process',
      [ATTR.claims]: c.claims,
    });
  }

  runEnd(c: RunContext): void {
    const span = this.#open.get(c.delivery);
    if (span === undefined) return;
    this.#open.delete(c.delivery);
    span.setAttributes(eventAttributes(c));
    if (c.handled !== undefined) span.setAttribute(ATTR.handled, c.handled);
    if (c.outcome !== undefined) span.setAttribute(ATTR.outcome, c.outcome);
    // The entry was not completed by this run: the run failed (the handle span says why).
    if (c.outcome !== 'completed' && c.outcome !== 'released') {
      const type = c.outcome ?? '_OTHER';
      span.setAttribute(ATTR.errorType, type);
      span.setStatus({ code: SpanStatusCode.ERROR, message: type });
    }
    span.end();
  }

  claimStart(c: ClaimContext): void {
    this.#start(c, 'claim', SpanKind.CLIENT, claimAttributes(c), c.delivery);
  }

  claimEnd(c: ClaimContext): void {
    this.#end(c, c.error !== undefined, claimAttributes(c));
  }

  handleStart(c: HandleContext): void {
    this.#start(
      c,
      `handle ${c.provider}`,
      SpanKind.INTERNAL,
      { [ATTR.eventType]: c.type, [ATTR.claims]: c.claims },
      c.delivery,
    );
  }

  handleEnd(c: HandleContext): void {
    this.#end(c, c.error !== undefined);
  }

  completeStart(c: CompleteContext): void {
    this.#start(c, 'complete', SpanKind.CLIENT, completeAttributes(c), c.delivery);
  }

  completeEnd(c: CompleteContext): void {
    this.#end(c, c.error !== undefined, completeAttributes(c));
  }

  /** A warning becomes an event on its delivery's span while that is open. */
  warning(m: WarningMessage): void {
    const span = this.#open.get(m.delivery);
    if (span === undefined) return;
    const {
      kind,
      key: _key,
      error: _error,
      ...rest
    } = m.warning as WarningMessage['warning'] & {
      error?: unknown;
    };
    const attributes: Record<string, string | number> = { [ATTR.warningKind]: kind };
    for (const [name, value] of Object.entries(rest)) {
      if (typeof value === 'string' || typeof value === 'number')
        attributes[`hooklatch.warning.${name}`] = value;
    }
    span.addEvent('hooklatch.warning', attributes);
  }

  /** End every span still open (on close): an unended span is never exported. */
  endAll(): void {
    for (const span of this.#open.values()) span.end();
    this.#open.clear();
  }
}
