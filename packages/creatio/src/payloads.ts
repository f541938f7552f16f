/**
 * Zod schemas of the two body shapes Creatio users configure. Creatio publishes no webhook
 * format of its own, so these model common setups; every object is loose, so all columns the
 * sender adds are kept in the payload.
 */
import * as z from 'zod/mini';

/** Creatio writes GUIDs, dates and most lookups as strings. */
const text = z.string();

/**
 * The business-process web-service call:
 * `{ EntitySchemaName, Operation, Id, EventType?, ModifiedOn?, ...columns }`.
 */
const processCallShape = {
  EntitySchemaName: text.check(z.minLength(1)),
  Operation: z.optional(text),
  Id: z.optional(text),
  EventType: z.optional(text),
  ModifiedOn: z.optional(z.nullable(text)),
};
export const creatioProcessCallSchema = z.looseObject(processCallShape);

/**
 * The flat inbound-webhook shape: `{ EntityName, ...columns }` with column codes as keys and
 * lookups as `...Id` GUIDs (`AccountId`, `OwnerId`).
 */
const flatShape = {
  EntityName: text.check(z.minLength(1)),
  Id: z.optional(text),
  Operation: z.optional(text),
  EventType: z.optional(text),
  ModifiedOn: z.optional(z.nullable(text)),
};
export const creatioFlatSchema = z.looseObject(flatShape);

/**
 * The same checks as the two schemas without their copy of every column: the payload is the
 * body itself (see shape.ts), so only the verdict and the entity name are needed.
 */
export const creatioShapeChecks = {
  'process-call': z.object(processCallShape),
  flat: z.object(flatShape),
} as const;

/** A validated business-process call body. */
export type CreatioProcessCallPayload = z.infer<typeof creatioProcessCallSchema>;

/** A validated flat inbound-webhook body. */
export type CreatioFlatPayload = z.infer<typeof creatioFlatSchema>;

/** Which of the two shapes a body has. */
export type CreatioShape = 'process-call' | 'flat';
