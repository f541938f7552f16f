/**
 * validateTyped: the envelope and the typed schema of one body in one zod pass when the typed
 * schema covers the envelope, with exactly the answers of the two-pass applySchemaPolicy (which
 * error, which issues, which payload), and English issue messages with zod/mini alone.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as mini from 'zod/mini';
import { config } from 'zod/v4/core';
import { applySchemaPolicy, type SchemaPolicy, validatePayload, validateTyped } from '../src/kit';
import { checkPayload } from '../src/payload';
import { thrown } from './support/kit-helpers';

const envelope = z.looseObject({ id: z.string(), type: z.string().min(1) });
const envelopeChecks = z.object({ id: z.string(), type: z.string().min(1) });
// Covers the envelope: its fields, no looser, plus typed ones.
const covering = z.looseObject({
  id: z.string(),
  type: z.literal('order.paid'),
  total: z.number(),
});
// Does not: it strips, and checks no `id`.
const stripping = z.object({ type: z.string(), total: z.number() });

/** Parses counted, to tell one pass from two. */
function counted<S extends z.ZodType>(schema: S) {
  let calls = 0;
  const wrapped = schema.refine(() => {
    calls++;
    return true;
  });
  return { schema: wrapped, calls: () => calls };
}

/** The two-pass answer: envelope first, then applySchemaPolicy. */
function twoPass(schema: z.ZodType, data: unknown, policy: SchemaPolicy) {
  const checked = validatePayload(envelope, data, 'acme order');
  return {
    envelope: checked,
    ...applySchemaPolicy({
      schema,
      data,
      envelope: checked,
      policy,
      validate: true,
      context: 'acme order.paid',
    }),
  };
}

function outcome(run: () => unknown) {
  try {
    return { value: run() };
  } catch (error) {
    const { code, message, details } = error as { code: string; message: string; details: unknown };
    return { error: { code, message, details } };
  }
}

const bodies = [
  { id: 'o1', type: 'order.paid', total: 5, extra: true },
  { id: 'o1', type: 'order.paid', total: 'five' },
  { id: 5, type: 'order.paid', total: 5 },
  { id: 'o1', type: '', total: 5 },
  [],
];

describe('validateTyped', () => {
  for (const envelopeCheck of ['covered', envelopeChecks] as const) {
    for (const policy of ['reject', 'envelope'] as const) {
      it(`answers as the two passes do (${typeof envelopeCheck === 'string' ? envelopeCheck : 'checks'}, ${policy})`, () => {
        for (const data of bodies) {
          const one = outcome(() =>
            validateTyped({
              envelope,
              envelopeContext: 'acme order',
              envelopeCheck,
              schema: covering,
              data,
              policy,
              validate: true,
              context: 'acme order.paid',
            }),
          );
          const two = outcome(() => twoPass(covering, data, policy));
          const passed = 'value' in one && (one.value as { validated: boolean }).validated;
          if ('value' in two && passed && envelopeCheck !== 'covered') {
            // With checks, `envelope` holds the declared fields only.
            const { envelope: declared, ...rest } = one.value as { envelope: object };
            const { envelope: _full, ...expected } = two.value as { envelope: object };
            expect(rest).toEqual(expected);
            expect(declared).toEqual({
              id: (data as { id: string }).id,
              type: (data as { type: string }).type,
            });
          } else {
            expect(one).toEqual(two);
          }
        }
      });
    }
  }

  it('runs one zod pass for a covered body that passes, the envelope only when it fails', () => {
    const typed = counted(covering);
    const run = (data: unknown) =>
      validateTyped({
        envelope,
        envelopeCheck: 'covered',
        schema: typed.schema,
        data,
        policy: 'envelope',
        validate: true,
        context: 'c',
      });
    run(bodies[0]);
    expect(typed.calls()).toBe(1);
    expect(run(bodies[1]).validated).toBe(false);
  });

  it('keeps the envelope fields a stripping typed schema drops, read from the checks', () => {
    const result = validateTyped({
      envelope,
      envelopeCheck: envelopeChecks,
      schema: stripping,
      data: { id: 'o1', type: 'order.paid', total: 5 },
      policy: 'reject',
      validate: true,
      context: 'c',
    });
    expect(result.payload).toEqual({ type: 'order.paid', total: 5 });
    expect(result.envelope).toEqual({ id: 'o1', type: 'order.paid' });
  });

  it('validates the envelope first without a check, and with no typed schema or validation', () => {
    for (const [schema, validate] of [
      [undefined, true],
      [covering, false],
    ] as const) {
      const error = thrown(() =>
        validateTyped({
          envelope,
          schema,
          data: { id: 1, type: 'x' },
          policy: 'reject',
          validate,
          context: 'c',
          envelopeCheck: 'covered',
        }),
      );
      expect(error.code).toBe('PAYLOAD_INVALID');
    }
  });
});

describe('issue messages', () => {
  it('are English with zod/mini and no locale configured, and a configured map still wins', () => {
    const saved = { localeError: config().localeError, customError: config().customError };
    try {
      config({ localeError: undefined, customError: undefined });
      const failed = checkPayload(mini.object({ n: mini.number() }), { n: 'x' });
      expect(failed).toEqual({
        ok: false,
        issues: [{ path: 'n', message: 'Invalid input: expected number, received string' }],
      });
      config({ customError: () => 'custom' });
      const custom = checkPayload(mini.object({ n: mini.number() }), { n: 'x' });
      expect(custom).toEqual({ ok: false, issues: [{ path: 'n', message: 'custom' }] });
    } finally {
      config(saved);
    }
  });

  it('come from a schema of another zod major through its own safeParse', () => {
    const foreign = {
      safeParse: (data: unknown) =>
        data === 1
          ? { success: true, data: 1 }
          : { success: false, error: { issues: [{ path: ['v'], message: 'not one' }] } },
    } as unknown as z.ZodType;
    expect(checkPayload(foreign, 1)).toEqual({ ok: true, value: 1 });
    expect(checkPayload(foreign, 2)).toEqual({
      ok: false,
      // Nothing of it can be read but `safeParse`: no key is known to be the schema's.
      issues: [{ path: '*', message: 'not one' }],
    });
  });
});

describe('issue paths and messages name the schema, never what the sender wrote', () => {
  it('a record key from the payload is `*`, and unrecognized keys are not listed', () => {
    const schema = z.object({
      data: z.object({ metadata: z.record(z.string(), z.string()) }),
      items: z.array(z.object({ sku: z.string() })),
    });
    const loose = checkPayload(schema, {
      data: { metadata: { 'ssn-123-45-6789@victim.example': 5, plain_key: 6 } },
      items: [{ sku: 1 }],
    });
    if (loose.ok) throw new Error('expected issues');
    expect(loose.issues.map((i) => i.path)).toEqual([
      'data.metadata.*',
      'data.metadata.*',
      'items.0.sku',
    ]);
    const strict = checkPayload(z.strictObject({ id: z.string() }), {
      id: 'x',
      'secret-field@example': 1,
    });
    if (strict.ok) throw new Error('expected issues');
    expect(JSON.stringify(strict.issues)).not.toContain('secret-field');
    const error = thrown(() =>
      validatePayload(schema, { data: { metadata: { 'ssn-123-45-6789': 1 } }, items: [] }, 'shop'),
    );
    expect(`${error.message} ${JSON.stringify(error)}`).not.toContain('ssn-123');
  });
});
