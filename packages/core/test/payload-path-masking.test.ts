/**
 * Issue paths show a segment only when the schema names it (a key of an object shape) or when it
 * indexes an array: a record key, a key of a loose or catchall object, or a key a refinement
 * added is `*` however identifier-like it looks (docs/errors.md, "what the sender wrote").
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as mini from 'zod/mini';
import { z as z3 } from 'zod/v3';
import { safeParse } from 'zod/v4/core';
import { errorReply } from '../src/index';
import { validatePayload } from '../src/kit';
import { checkPayload, type PayloadSchema } from '../src/payload';
import { thrown } from './support/kit-helpers';

// Shaped like a field name on purpose: the old rule showed any identifier-shaped key.
const SECRET = 'alice_ssn_078051120';

function paths(schema: PayloadSchema, data: unknown): string[] {
  const result = checkPayload(schema, data);
  if (result.ok) throw new Error('expected issues');
  expect(JSON.stringify(result.issues)).not.toContain(SECRET);
  return result.issues.map((issue) => issue.path);
}

describe('a key from the payload is `*` even when it looks like a field name', () => {
  it('a record key (zod classic and zod/mini)', () => {
    const classic = z.object({ metadata: z.record(z.string(), z.string()) });
    expect(paths(classic, { metadata: { [SECRET]: 1 } })).toEqual(['metadata.*']);
    const small = mini.object({ metadata: mini.record(mini.string(), mini.string()) });
    expect(paths(small, { metadata: { [SECRET]: 1 } })).toEqual(['metadata.*']);
  });

  it('a record key that fails the key schema (invalid_key)', () => {
    const schema = z.object({ tags: z.record(z.string().max(3), z.number()) });
    expect(paths(schema, { tags: { [SECRET]: 1 } })).toEqual(['tags.*']);
  });

  it('keys of a catchall object; its declared keys are still named', () => {
    const schema = z.object({ id: z.string() }).catchall(z.object({ n: z.number() }));
    expect(paths(schema, { id: 1, [SECRET]: { n: 'x' } })).toEqual(['id', '*.n']);
  });

  it('a key a refinement adds to the path', () => {
    const schema = z.looseObject({ id: z.string() }).superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (key !== 'id') ctx.addIssue({ code: 'custom', message: 'unexpected', path: [key] });
      }
    });
    expect(paths(schema, { id: 'x', [SECRET]: 1 })).toEqual(['*']);
  });

  it('unknown keys of a strict object are neither in the path nor in the message', () => {
    const result = checkPayload(z.object({ a: z.strictObject({ id: z.string() }) }), {
      a: { id: 'x', [SECRET]: 1 },
    });
    expect(result).toEqual({ ok: false, issues: [{ path: 'a', message: 'Unrecognized key(s)' }] });
    // A strict object under a record: the object's path holds the record key, masked.
    const nested = z.record(z.string(), z.strictObject({ id: z.string() }));
    expect(paths(nested, { [SECRET]: { id: 'x', extra: 1 } })).toEqual(['*']);
    const error = thrown(() => validatePayload(z.strictObject({}), { [SECRET]: 1 }, 'shop'));
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain(SECRET);
  });

  it('below a schema of an unknown kind only indexes are shown', () => {
    const schema = z.object({ a: z.custom<unknown>() });
    // A refinement that reports a path below a schema with no parts names nothing there.
    const refined = schema.superRefine((_value, ctx) => {
      ctx.addIssue({ code: 'custom', message: 'bad', path: ['a', SECRET, 2] });
    });
    expect(paths(refined, { a: 1 })).toEqual(['a.*.*']);
  });
});

describe('what the schema names is still shown, so errors stay useful', () => {
  it('shape keys and array indexes, inside and below records', () => {
    const schema = z.object({
      data: z.object({ metadata: z.record(z.string(), z.object({ amount: z.number() })) }),
      items: z.array(z.object({ sku: z.string() })),
      pair: z.tuple([z.string(), z.object({ q: z.number() })]),
    });
    const data = {
      data: { metadata: { [SECRET]: { amount: 'x' } } },
      items: [{ sku: 'a' }, { sku: 1 }],
      pair: ['a', { q: 'x' }],
    };
    expect(paths(schema, data)).toEqual(['data.metadata.*.amount', 'items.1.sku', 'pair.1.q']);
  });

  it('a record key is masked even where the key schema lists it (names only shape keys)', () => {
    const schema = z.object({
      region: z.record(z.enum(['eu', 'us']), z.number()),
      free: z.record(z.string(), z.number()),
    });
    expect(paths(schema, { region: { eu: 1, us: 'x' }, free: { [SECRET]: 'x' } })).toEqual([
      'region.*',
      'free.*',
    ]);
  });

  it('through optional, nullable, default, readonly wrappers and pipes', () => {
    const schema = z.object({
      meta: z.record(z.string(), z.number()).optional().readonly(),
      a: z.object({ b: z.number() }).optional(),
      c: z.object({ d: z.number() }).nullable().readonly(),
      e: z.object({ f: z.number() }).default({ f: 1 }),
      g: z.preprocess((v) => v, z.object({ h: z.number() })),
      i: z
        .object({ j: z.number() })
        .transform((v) => v.j)
        .pipe(z.number()),
    });
    const data = {
      meta: { [SECRET]: 'x' },
      a: { b: 'x' },
      c: { d: 'x' },
      e: { f: 'x' },
      g: { h: 'x' },
      i: { j: 'x' },
    };
    expect(paths(schema, data)).toEqual(['meta.*', 'a.b', 'c.d', 'e.f', 'g.h', 'i.j']);
  });

  it('through unions and discriminated unions: a key any option names is shown', () => {
    const card = z.object({ kind: z.literal('card'), last4: z.string() });
    const bank = z.object({ kind: z.literal('bank'), iban: z.string() });
    const schema = z.object({
      pay: z.discriminatedUnion('kind', [card, bank]),
      // zod reports inside an option only when the others failed outright (a wrong type) and
      // it failed a check only: hence the `min` checks.
      either: z.union([z.object({ x: z.string().min(5) }), z.string()]),
      meta: z.union([z.record(z.string(), z.string().min(5)), z.array(z.number())]),
    });
    const data = {
      pay: { kind: 'bank', iban: 1 },
      either: { x: 'no' },
      meta: { [SECRET]: 'no' },
    };
    expect(paths(schema, data)).toEqual(['pay.iban', 'either.x', 'meta.*']);
    expect(paths(schema, { pay: { kind: 'cash' }, either: 'a', meta: [] })).toEqual(['pay.kind']);
  });

  it('through intersections', () => {
    const schema = z.intersection(
      z.object({ a: z.object({ n: z.number() }) }),
      z.object({ b: z.record(z.string(), z.number()) }),
    );
    expect(paths(schema, { a: { n: 'x' }, b: { [SECRET]: 'x' } })).toEqual(['a.n', 'b.*']);
  });

  it('through lazy (recursive) schemas', () => {
    interface Tree {
      name: string;
      children: Tree[];
      tags: Record<string, string>;
    }
    const tree: z.ZodType<Tree> = z.lazy(() =>
      z.object({
        name: z.string(),
        children: z.array(tree),
        tags: z.record(z.string(), z.string()),
      }),
    );
    const data = {
      name: 'root',
      tags: {},
      children: [
        { name: 'a', tags: { [SECRET]: 1 }, children: [{ name: 2, tags: {}, children: [] }] },
      ],
    };
    expect(paths(tree, data).sort()).toEqual(['children.0.children.0.name', 'children.0.tags.*']);
  });

  it('with zod/mini wrappers and unions', () => {
    const schema = mini.object({
      a: mini.optional(mini.object({ b: mini.number() })),
      u: mini.union([mini.object({ x: mini.string().check(mini.minLength(5)) }), mini.null()]),
      m: mini.record(mini.string(), mini.object({ y: mini.number() })),
    });
    expect(paths(schema, { a: { b: 'x' }, u: { x: 'no' }, m: { [SECRET]: { y: 'x' } } })).toEqual([
      'a.b',
      'u.x',
      'm.*.y',
    ]);
  });
});

describe('schemas of another zod major', () => {
  it('zod 3 schemas name nothing: only indexes are shown', () => {
    const schema = z3.object({
      metadata: z3.record(z3.string(), z3.string()),
      items: z3.array(z3.object({ sku: z3.string() })).optional(),
      loose: z3.object({ id: z3.string() }).passthrough(),
    }) as unknown as PayloadSchema;
    expect(
      paths(schema, { metadata: { [SECRET]: 1 }, items: [{ sku: 1 }], loose: { id: 1 } }),
    ).toEqual(['*.*', '*.0.*', '*.*']);
    const strict = checkPayload(z3.object({}).strict() as unknown as PayloadSchema, {
      [SECRET]: 1,
    });
    expect(JSON.stringify(strict)).not.toContain(SECRET);
  });

  it('a schema that only exposes safeParse names nothing: only indexes are shown', () => {
    const foreign = {
      safeParse: () => ({
        success: false,
        error: { issues: [{ path: ['items', 0, SECRET], message: 'bad' }] },
      }),
    } as unknown as PayloadSchema;
    expect(paths(foreign, {})).toEqual(['*.0.*']);
  });
});

describe('zod/v4/core checks still answer the same on success', () => {
  it('a passing body is returned as parsed', () => {
    const schema = z.object({ metadata: z.record(z.string(), z.string()) });
    const data = { metadata: { [SECRET]: 'ok' } };
    expect(checkPayload(schema, data)).toEqual({ ok: true, value: safeParse(schema, data).data });
  });
});

it('a PAYLOAD_INVALID carries the masked path in its message, details and reply', () => {
  const schema = z.object({ data: z.object({ metadata: z.record(z.string(), z.string()) }) });
  const error = thrown(() => validatePayload(schema, { data: { metadata: { [SECRET]: 1 } } }, 'x'));
  expect(error.message).toContain('data.metadata.*');
  expect(error.details).toEqual({ issues: [expect.objectContaining({ path: 'data.metadata.*' })] });
  const exposed = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(errorReply(error))}`;
  expect(exposed).not.toContain(SECRET);
});
