/**
 * The events `creatio()` produces. The two body shapes are separate union members; narrow with
 * {@link isProcessCallEvent} / {@link isFlatEvent} (a check on `event.meta.shape` alone cannot
 * narrow `payload`, since TypeScript does not narrow by a nested field).
 */
import type { WebhookEvent } from '@hooklatch/core';
import type { CreatioFlatPayload, CreatioProcessCallPayload, CreatioShape } from './payloads';

/**
 * Creatio facts that do not fit the common event fields. A type alias, not an interface, so it
 * fits `WebhookEvent['meta']` (a record).
 */
export type CreatioMeta<S extends CreatioShape = CreatioShape> = {
  /** Which body shape arrived. */
  readonly shape: S;
  /** The entity schema name (`Order`, `Contact`). */
  readonly entity: string;
  /** The column whose value is in `subject` (`Id` unless `subjectKey` says otherwise). */
  readonly subjectColumn: string;
  /**
   * Which configured credential verified the delivery (0 = the first; see `auth`). Absent
   * under `verify: false`.
   */
  readonly keyIndex?: number;
  /** The parsed `ModifiedOn`, or `undefined` when the body had none. */
  readonly modifiedOn: Date | undefined;
};

/** A Creatio event with a given body shape and payload. */
export interface CreatioEventOf<S extends CreatioShape, P> extends WebhookEvent<string, P> {
  /** `<entity>:<key>`, e.g. `Order:5f0d…` or, with `subjectKey`, `Order:12345`. */
  readonly subject: string;
  readonly meta: CreatioMeta<S>;
}

/** An event from a business-process web-service call. */
export type CreatioProcessCallEvent = CreatioEventOf<'process-call', CreatioProcessCallPayload>;

/** An event from a flat inbound-webhook body. */
export type CreatioFlatEvent = CreatioEventOf<'flat', CreatioFlatPayload>;

/** Every event the `creatio()` adapter produces. */
export type CreatioEvent = CreatioProcessCallEvent | CreatioFlatEvent;

/** True when the event came as a business-process call (`EntitySchemaName`, `Operation`...). */
export function isProcessCallEvent(event: CreatioEvent): event is CreatioProcessCallEvent {
  return event.meta.shape === 'process-call';
}

/** True when the event came as a flat inbound-webhook body (`EntityName` plus columns). */
export function isFlatEvent(event: CreatioEvent): event is CreatioFlatEvent {
  return event.meta.shape === 'flat';
}
