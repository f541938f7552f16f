/**
 * The Node build's schema runner (kit/schema-runner.node.ts): zod's compiled parser of a
 * schema must answer exactly as the schema itself, successes (values and member order) and
 * failures (issues) alike, for schemas built as the adapters build theirs, and it must keep a
 * schema the compiler cannot model working as it is.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { safeParse } from 'zod/v4/core';
import { runnable } from '../src/kit/schema-runner.node';

const expandable = z.union([z.string(), z.looseObject({ id: z.string() })]);
const schema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  object: z.literal('invoice'),
  amount: z.number().check(z.int()),
  customer: z.nullable(expandable),
  note: z.optional(z.nullable(z.string())),
  metadata: z.record(z.string(), z.string()),
  lines: z.array(z.object({ id: z.string(), quantity: z.optional(z.number().check(z.int())) })),
  code: z.string().check(z.refine((v) => v.trim() !== '', 'expected a non-empty string')),
});

/** Bodies near the schema: valid ones and ones with a field of the wrong kind. */
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const body = fc.record(
  {
    id: fc.oneof(fc.constant('in_1'), fc.constant(''), value),
    object: fc.oneof(fc.constant('invoice'), value),
    amount: fc.oneof(fc.integer(), value),
    customer: fc.oneof(
      fc.constant('cus_1'),
      fc.constant({ id: 'cus_1', x: 1 }),
      fc.constant({}),
      value,
    ),
    note: value,
    metadata: fc.oneof(fc.dictionary(fc.string(), fc.string()), fc.dictionary(fc.string(), value)),
    lines: fc.oneof(
      fc.array(
        fc.record({ id: fc.string(), quantity: fc.oneof(fc.integer(), value), extra: value }),
      ),
      value,
    ),
    code: fc.oneof(fc.constant('c'), fc.constant('  '), value),
    extra: value,
  },
  { requiredKeys: ['id', 'object', 'amount', 'customer', 'metadata', 'lines', 'code'] },
);

/** What a parse answers, member order included. */
function answer(s: Parameters<typeof safeParse>[0], data: unknown): string {
  const result = safeParse(s, data, {});
  return result.success
    ? `ok ${JSON.stringify(result.data)}`
    : `issues ${JSON.stringify(result.error.issues.map(({ path, code, message }) => ({ path, code, message })))}`;
}

describe('schema runner (node build)', () => {
  it('answers as the schema does, for valid and invalid bodies alike', () => {
    const compiled = runnable(schema);
    expect(compiled).not.toBe(schema);
    fc.assert(
      fc.property(body, (data) => {
        expect(answer(compiled, data)).toBe(answer(schema, data));
      }),
      { numRuns: 1000 },
    );
  });

  it('compiles a schema once', () => {
    expect(runnable(schema)).toBe(runnable(schema));
  });

  it('keeps a schema the compiler cannot model, which still parses', () => {
    type Node = { children: Node[] };
    const tree: z.ZodMiniType<Node> = z.object({ children: z.array(z.lazy(() => tree)) });
    const run = runnable(tree);
    expect(answer(run, { children: [{ children: [] }] })).toBe(
      answer(tree, { children: [{ children: [] }] }),
    );
    expect(answer(run, { children: [{}] })).toBe(answer(tree, { children: [{}] }));
  });
});
