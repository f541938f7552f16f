/**
 * How `checkPayload` runs a schema. This portable version runs it as it is, with zod's own
 * interpreter (browsers, workers and edge runtimes may forbid generating code anyway); the Node
 * build replaces this module with `schema-runner.node.ts`, which runs zod's compiled parser of
 * the same schema.
 */
import type { $ZodType } from 'zod/v4/core';

/** The schema to parse with: `schema` itself here. */
export function runnable<S extends $ZodType>(schema: S): S {
  return schema;
}
