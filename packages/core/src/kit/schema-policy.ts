/**
 * What an adapter does with an authentic delivery whose payload does not fit the typed schema of
 * its event type. That is not a malformed delivery (the provider sent what it sends; the
 * receiver's schema is behind, an older API version or a new field shape), so it gets its own
 * code, PAYLOAD_SCHEMA_MISMATCH (500, retried after the fix is deployed), or, with the
 * `'envelope'` policy, the event goes on with the envelope only and `validated: false`.
 */
import type { output } from 'zod/v4/core';
import { PayloadError } from '../errors';
import type { WebhookEvent } from '../event';
import { checkPayload, type PayloadIssue, type PayloadSchema, validatePayload } from '../payload';
import { oneOfOption } from './options';

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
  return oneOfOption(provider, 'schemaPolicy', value, POLICIES, 'reject');
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
  schema: PayloadSchema | undefined;
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
  const checked = checkPayload(schema, input.data);
  if (checked.ok) return { payload: checked.value, validated: true };
  return mismatched(checked.issues, envelope, input.policy, input.context);
}

/** A payload that failed its typed schema, under `policy`. */
function mismatched(
  issues: readonly PayloadIssue[],
  envelope: unknown,
  policy: SchemaPolicy,
  context: string,
): TypedPayload {
  if (policy === 'envelope') return { payload: envelope, validated: false, schemaIssues: issues };
  throw new PayloadError(
    'PAYLOAD_SCHEMA_MISMATCH',
    `${context} payload does not match its typed schema (${summary(issues)}). It passed ` +
      "the adapter's verification and envelope: relax the schema, or set schemaPolicy: 'envelope' to receive it.",
    { details: { issues } },
  );
}

/** Inputs of {@link validateTyped}. */
export interface ValidateTypedInput<Envelope extends PayloadSchema> {
  /** The schema every body of the provider must pass (a body failing it is malformed). */
  envelope: Envelope;
  /** Names the body in the envelope's PAYLOAD_INVALID. @default context */
  envelopeContext?: string;
  /** The typed schema of the event's type, or `undefined` when the type has none. */
  schema: PayloadSchema | undefined;
  /**
   * How a body that passes `schema` is known to pass `envelope`, so the envelope's copy of the
   * body is never made for it (the envelope still runs in full when `schema` fails, to tell a
   * malformed body from schema drift):
   * - `'covered'`: every body `schema` accepts, `envelope` accepts, and its output has the
   *   envelope's fields as they are (typed schemas built from the envelope's fields, no looser,
   *   none stripped): one zod pass per event, the typed output standing for the envelope;
   * - a schema with exactly the envelope's checks that copies nothing (its `z.object` twin of a
   *   `z.looseObject`), run after `schema`; for a body `schema` accepts, the returned `envelope`
   *   is then that schema's output (the declared fields only);
   * - `undefined`: the envelope runs first, then `schema` (two full passes).
   * @default undefined
   */
  envelopeCheck?: 'covered' | PayloadSchema | undefined;
  data: unknown;
  policy: SchemaPolicy;
  /** `false` skips typed schemas altogether (the adapter's `validatePayloads`). */
  validate: boolean;
  /** Names the event in messages, e.g. `stripe checkout.session.completed`. */
  context: string;
}

/**
 * The envelope and the typed payload of one body: PAYLOAD_INVALID when the envelope fails (under
 * every policy), else {@link applySchemaPolicy}'s outcome. When the typed schema `covers` the
 * envelope and passes, its output stands for the envelope too.
 */
export function validateTyped<Envelope extends PayloadSchema>(
  input: ValidateTypedInput<Envelope>,
): TypedPayload & { readonly envelope: output<Envelope> } {
  const { schema, data, envelopeCheck } = input;
  const envelopeContext = input.envelopeContext ?? input.context;
  if (schema === undefined || !input.validate || envelopeCheck === undefined) {
    const envelope = validatePayload(input.envelope, data, envelopeContext);
    return { envelope, ...applySchemaPolicy({ ...input, envelope }) };
  }
  const checked = checkPayload(schema, data);
  if (checked.ok) {
    // Covered: the typed output stands for the envelope. Else the envelope's checks, whose
    // output has the envelope's declared fields only.
    const envelope =
      envelopeCheck === 'covered'
        ? checked.value
        : validatePayload(envelopeCheck, data, envelopeContext);
    return { envelope: envelope as output<Envelope>, payload: checked.value, validated: true };
  }
  const envelope = validatePayload(input.envelope, data, envelopeContext);
  return { envelope, ...mismatched(checked.issues, envelope, input.policy, input.context) };
}

function summary(issues: readonly PayloadIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('; ');
}
