/**
 * What an adapter does with an authentic delivery whose payload does not fit the typed schema of
 * its event type. That is not a malformed delivery (the provider sent what it sends; the
 * receiver's schema is behind, an older API version or a new field shape), so it gets its own
 * code, PAYLOAD_SCHEMA_MISMATCH (500, retried after the fix is deployed), or, with the
 * `'envelope'` policy, the event goes on with the envelope only and `validated: false`.
 */
import type { z } from 'zod';
import { isHooklatchError, PayloadError } from '../errors';
import type { WebhookEvent } from '../event';
import { type PayloadIssue, validatePayload } from '../payload';
import { optionInvalid } from './options';

/** `'reject'`: throw PAYLOAD_SCHEMA_MISMATCH. `'envelope'`: hand the event on, envelope only. */
export type SchemaPolicy = 'reject' | 'envelope';

const POLICIES: readonly SchemaPolicy[] = ['reject', 'envelope'];

/** The option every adapter with typed schemas takes, under the same name. */
export interface SchemaPolicyOptions<P extends SchemaPolicy = SchemaPolicy> {
  /**
   * What to do with an authentic delivery whose payload fails its event type's typed schema.
   * `'reject'` throws PAYLOAD_SCHEMA_MISMATCH (500): the provider retries, and a retry after you
   * deploy a fixed schema succeeds. `'envelope'` never loses the delivery: the event is handed
   * on with the envelope as `payload`, `validated: false` and the failing paths in
   * `meta.schemaIssues`; the types then make you check `event.validated` before reading typed
   * fields. A body that fails the envelope itself is PAYLOAD_INVALID under both.
   * @default 'reject'
   */
  schemaPolicy?: P | undefined;
}

/**
 * The policy the events of an adapter are typed for: `'reject'` only when the options guarantee
 * every typed event was validated; `'envelope'` (or both) when `validatePayloads` may be false.
 */
export type EffectiveSchemaPolicy<P extends SchemaPolicy, V extends boolean> = V extends false
  ? 'envelope'
  : P;

/** A typed event type handed on with the envelope only: `validated` is `false`. */
export type EnvelopeOnlyEvent<Type extends string, Envelope> = WebhookEvent<Type, Envelope> & {
  readonly validated: false;
};

/**
 * The events an adapter produces under policy `P`: its event union `E`, plus, when `P` may be
 * `'envelope'`, every typed type with the envelope payload. Narrowing on `type` then yields the
 * typed payload or the envelope until `validated === true` rules the envelope out.
 */
export type WithSchemaPolicy<
  E extends WebhookEvent,
  TypedType extends string,
  Envelope,
  P extends SchemaPolicy,
> = E | ('envelope' extends P ? EnvelopeOnlyEvent<TypedType, Envelope> : never);

/** The `schemaPolicy` option, checked: one of the policies, `'reject'` when `undefined`. */
export function schemaPolicyOption(provider: string, value: unknown): SchemaPolicy {
  if (value === undefined) return 'reject';
  if (!POLICIES.includes(value as SchemaPolicy)) {
    throw optionInvalid(provider, 'schemaPolicy', "must be 'reject' or 'envelope'");
  }
  return value as SchemaPolicy;
}

/** How one payload came out of its typed schema. */
export interface TypedPayload {
  /** The typed payload, or the envelope when `validated` is false or there is no schema. */
  readonly payload: unknown;
  /** See {@link WebhookEvent.validated}. */
  readonly validated: boolean;
  /** The failing paths, when the envelope was handed on after a mismatch. */
  readonly schemaIssues?: readonly PayloadIssue[];
}

/** Inputs of {@link applySchemaPolicy}. */
export interface ApplySchemaPolicyInput {
  /** The typed schema of the event's type, or `undefined` when the type has none. */
  schema: z.ZodType | undefined;
  /** The body as parsed. */
  data: unknown;
  /** The body as the envelope schema returned it (already validated). */
  envelope: unknown;
  policy: SchemaPolicy;
  /** `false` skips typed schemas altogether (the adapter's `validatePayloads`). */
  validate: boolean;
  /** Names the event in messages, e.g. `stripe checkout.session.completed`. */
  context: string;
}

/**
 * Check `data` against its type's schema under `policy`. A type without a schema passes with
 * the envelope (its whole schema): `validated: true`.
 */
export function applySchemaPolicy(input: ApplySchemaPolicyInput): TypedPayload {
  const { schema, envelope } = input;
  if (schema === undefined) return { payload: envelope, validated: true };
  if (!input.validate) return { payload: envelope, validated: false };
  try {
    return { payload: validatePayload(schema, input.data, input.context), validated: true };
  } catch (error) {
    if (!isHooklatchError(error) || error.code !== 'PAYLOAD_INVALID') throw error;
    const issues = error.details.issues as readonly PayloadIssue[];
    if (input.policy === 'envelope') {
      return { payload: envelope, validated: false, schemaIssues: issues };
    }
    throw new PayloadError(
      'PAYLOAD_SCHEMA_MISMATCH',
      `${input.context} payload does not match its typed schema (${summary(issues)}). The ` +
        "delivery is authentic: relax the schema, or set schemaPolicy: 'envelope' to receive it.",
      { details: { issues } },
    );
  }
}

function summary(issues: readonly PayloadIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
