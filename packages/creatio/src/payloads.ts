/**
 * Zod schemas of the two body shapes Creatio users configure. Creatio publishes no webhook
 * format of its own, so these model common setups; every object is loose, so all columns the
 * sender adds are kept in the payload.
 */
import { z } from 'zod';

/** Creatio writes GUIDs, dates and most lookups as strings. */
const text = z.string();

/**
 * The business-process web-service call:
 * `{ EntitySchemaName, Operation, Id, EventType?, ModifiedOn?, ...columns }`.
 */
export const creatioProcessCallSchema = z.looseObject({
  EntitySchemaName: text.min(1),
  Operation: text.optional(),
  Id: text.optional(),
  EventType: text.optional(),
  ModifiedOn: text.nullable().optional(),
});

/**
 * The flat inbound-webhook shape: `{ EntityName, ...columns }` with column codes as keys and
 * lookups as `...Id` GUIDs (`AccountId`, `OwnerId`).
 */
export const creatioFlatSchema = z.looseObject({
  EntityName: text.min(1),
  Id: text.optional(),
  Operation: text.optional(),
  EventType: text.optional(),
  ModifiedOn: text.nullable().optional(),
});

/** A validated business-process call body. */
export type CreatioProcessCallPayload = z.infer<typeof creatioProcessCallSchema>;

/** A validated flat inbound-webhook body. */
export type CreatioFlatPayload = z.infer<typeof creatioFlatSchema>;

/** Which of the two shapes a body has. */
export type CreatioShape = 'process-call' | 'flat';
