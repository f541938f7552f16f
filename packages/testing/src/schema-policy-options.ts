/**
 * What `schemaPolicyChecks` is given: the adapter factory, how the provider delivers, and the
 * bodies that fit, drift from and break the adapter's typed schemas.
 */
import type {
  DeliveryInput,
  ParseEventOptions,
  WebhookAdapter,
  WebhookEvent,
} from '@hooklatch/core';

/** A body for `deliver`: a string is sent as it is, anything else as its JSON text. */
export type SchemaPolicyBody = string | Record<string, unknown> | readonly unknown[];

/** What the envelope-only event of the drifted body must carry besides its type. */
export interface ExpectedEnvelopeEvent {
  /** `event.id`. @default not checked */
  id?: string;
  /** `event.idSource`. @default not checked */
  idSource?: WebhookEvent['idSource'];
  /** `event.subject`. @default not checked */
  subject?: string;
  /** Entries `event.meta` must hold (others may be there too). @default {} */
  meta?: Readonly<Record<string, unknown>>;
}

/** Options of {@link schemaPolicyChecks}. Bodies other than strings are sent as JSON text. */
export interface SchemaPolicyCheckOptions {
  /**
   * Make the adapter under test with this `schemaPolicy`. `undefined` stands for the option
   * left out (the default, `'reject'`); the option checks pass values it must refuse.
   */
  adapter: (schemaPolicy: 'reject' | 'envelope' | undefined) => WebhookAdapter<WebhookEvent>;
  /** An authentic delivery of `body`, as the provider sends it (e.g. its `signed*Request`). */
  deliver: (body: string) => DeliveryInput;
  /** The event type of `valid` and `drifted`, as `event.type` reads it. */
  type: string;
  /** A body of `type` that fits its typed schema. */
  valid: SchemaPolicyBody;
  /** A body of `type` that passes the envelope (it can be keyed) but not the typed schema. */
  drifted: SchemaPolicyBody;
  /** The paths `drifted` fails at, as the issues list them. */
  driftedPaths: readonly string[];
  /** A body that fails the envelope itself: PAYLOAD_INVALID (422) under both policies. */
  malformed: SchemaPolicyBody;
  /** The paths `malformed` fails at. @default not checked */
  malformedPaths?: readonly string[];
  /** What the envelope-only event of `drifted` carries besides `type`. @default {} */
  event?: ExpectedEnvelopeEvent;
  /** A body of a type with no typed schema: `validated: true` under both. @default not checked */
  untyped?: SchemaPolicyBody;
  /**
   * The adapter with no typed schema for `type` (`validatePayloads: false`, or no schema map):
   * it must key and digest `drifted` as the envelope policy does. @default not checked
   */
  unvalidated?: () => WebhookAdapter<WebhookEvent>;
  /**
   * Values of `drifted` the mismatch must not echo in its message or details (the value that
   * broke the schema, a record ID). @default []
   */
  hidden?: readonly string[];
  /** Secrets, keys and passwords in play: no error may show one. @default [] */
  secrets?: readonly string[];
  /** Passed to every parseEvent and handleWebhook call, e.g. a fixed `receivedAt`. @default {} */
  parseOptions?: ParseEventOptions;
}
