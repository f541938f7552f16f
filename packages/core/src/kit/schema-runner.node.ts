/**
 * The Node build's schema runner: zod's compiled parser (`compile`, zod 4.6+) of each schema,
 * made on first use and kept per schema. It validates exactly what the schema validates and
 * builds the same output, two to four times faster than the interpreter `zod/mini` schemas run
 * on (measured on the adapters' schemas, bench/parse-costs.ts); a body it rejects is handed to
 * the interpreter, so issues and messages are the interpreter's. A schema the compiler cannot
 * model, an older zod, or a process that forbids generating code keeps the schema as it is.
 */

import type { $ZodType } from 'zod/v4/core';
import * as zod from 'zod/v4/core';

type Compile = <S extends $ZodType>(schema: S) => S;

const compile = (zod as { compile?: Compile }).compile;
const compiled = new WeakMap<$ZodType, $ZodType>();

/** The compiled clone of `schema` (made once), or `schema` when it cannot be compiled. */
export function runnable<S extends $ZodType>(schema: S): S {
  if (compile === undefined) return schema;
  let found = compiled.get(schema);
  if (found === undefined) {
    try {
      found = compile(schema);
    } catch {
      // compile() hands back the schema for what it cannot model; anything else is the same.
      found = schema;
    }
    compiled.set(schema, found);
  }
  return found as S;
}
