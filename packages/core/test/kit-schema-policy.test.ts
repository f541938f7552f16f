/** applySchemaPolicy and the `schemaPolicy` option, the one implementation every adapter uses. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PayloadError, parseEvent, type WebhookEvent } from '../src/index';
import {
  type ApplySchemaPolicyInput,
  applySchemaPolicy,
  createAdapter,
  readJsonObject,
  schemaPolicyOption,
} from '../src/kit';
import { thrown } from './support/kit-helpers';

const schema = z.looseObject({ kind: z.literal('order'), total: z.number() });
const base = (data: unknown): ApplySchemaPolicyInput => ({
  schema,
  data,
  envelope: data,
  policy: 'reject',
  validate: true,
  context: 'acme order.paid',
});

describe('applySchemaPolicy', () => {
  it('returns the typed payload, validated, when the schema fits', () => {
    expect(applySchemaPolicy(base({ kind: 'order', total: 5, extra: 1 }))).toEqual({
      payload: { kind: 'order', total: 5, extra: 1 },
      validated: true,
    });
  });

  it("'reject': PAYLOAD_SCHEMA_MISMATCH 500 naming the paths, never the values", () => {
    const error = thrown(() =>
      applySchemaPolicy(base({ kind: 'order', total: 'five-hundred-sentinel' })),
    );
    expect(error).toBeInstanceOf(PayloadError);
    expect([error.code, error.httpStatus]).toEqual(['PAYLOAD_SCHEMA_MISMATCH', 500]);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'total' })]);
    expect(error.message).toContain('acme order.paid');
    expect(error.message).not.toContain('five-hundred-sentinel');
  });

  it("'envelope': the envelope, validated: false, and the issues", () => {
    const data = { kind: 'refund', total: 5 };
    const result = applySchemaPolicy({ ...base(data), policy: 'envelope', envelope: { e: 1 } });
    expect(result.payload).toEqual({ e: 1 });
    expect(result.validated).toBe(false);
    expect(result.schemaIssues).toEqual([expect.objectContaining({ path: 'kind' })]);
  });

  it('no schema for the type: the envelope is its whole schema, validated: true', () => {
    expect(applySchemaPolicy({ ...base({}), schema: undefined })).toEqual({
      payload: {},
      validated: true,
    });
  });

  it('validate: false skips the schema and says so', () => {
    const result = applySchemaPolicy({ ...base({ kind: 'order', total: 5 }), validate: false });
    expect(result).toEqual({ payload: { kind: 'order', total: 5 }, validated: false });
  });

  it('lets an error that is not a schema failure through unchanged', () => {
    const exploding = z.any().transform(() => {
      throw new RangeError('boom');
    });
    expect(() => applySchemaPolicy({ ...base({}), schema: exploding })).toThrow(RangeError);
  });
});

describe('the schemaPolicy option', () => {
  it("defaults to 'reject' and accepts both policies", () => {
    expect(schemaPolicyOption('acme', undefined)).toBe('reject');
    expect(schemaPolicyOption('acme', 'envelope')).toBe('envelope');
  });

  it.each([['drop'], [''], [null], [true], ['Envelope']])('refuses %o', (value) => {
    const error = thrown(() => schemaPolicyOption('acme', value));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details.option).toBe('schemaPolicy');
  });

  it('createAdapter checks it at construction and hands it to parse', async () => {
    expect(
      thrown(() =>
        createAdapter({
          name: 'acme',
          retentionMs: 1000,
          verify: false,
          schemaPolicy: 'lenient' as never,
          parse: () => {
            throw new Error('unreachable');
          },
        }),
      ).details.option,
    ).toBe('schemaPolicy');
    const seen: string[] = [];
    const adapter = createAdapter<WebhookEvent>({
      name: 'acme',
      retentionMs: 1000,
      verify: false,
      schemaPolicy: 'envelope',
      parse: (delivery, _verified, context) => {
        seen.push(context.schemaPolicy);
        const data = readJsonObject(delivery, 'acme');
        const typed = applySchemaPolicy({
          schema,
          data,
          envelope: data,
          policy: context.schemaPolicy,
          validate: true,
          context: 'acme',
        });
        return { type: 'order', id: 'o1', idSource: 'event', ...typed };
      },
    });
    const event = await parseEvent(adapter, { headers: {}, body: '{"kind":"refund"}' });
    expect(seen).toEqual(['envelope']);
    expect(event.validated).toBe(false);
  });
});
