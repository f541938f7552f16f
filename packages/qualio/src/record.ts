/**
 * From a parsed body to the record it is about: the family from `eventType`, the payload checked
 * against that family's schema, and the subject read from the family's ID field.
 */

import { ConfigurationError, PayloadError } from '@hooklatch/core';
import {
  type JsonObject,
  optionalString,
  type PayloadIssue,
  parseIsoTimestamp,
  payloadInvalid,
  requireString,
  type SchemaPolicy,
  validatePayload,
  validateTyped,
} from '@hooklatch/core/kit';
import {
  isQualioFamily,
  QUALIO_SUBJECT_FIELDS,
  qualioEnvelopeSchemas,
  qualioPayloadSchemas,
  qualioRecordSchema,
} from './payloads';

/** What the adapter needs from one body. */
export interface QualioRecord {
  eventType: string;
  family: string;
  subject: string;
  subjectField: string;
  occurredAt: Date;
  changedField?: string;
  payload: JsonObject;
  /** `false` when a built-in family's schema failed under `schemaPolicy: 'envelope'`. */
  validated: boolean;
  /** The failing paths in that case. */
  schemaIssues?: readonly PayloadIssue[];
}

/** How {@link readQualioRecord} reads a body. */
export interface ReadRecordOptions {
  /** Subject fields of families without a schema. */
  subjectFields: Readonly<Record<string, string>>;
  /** What to do when a built-in family's schema fails (after the envelope passed). */
  policy: SchemaPolicy;
}

const EVENT_TYPE = /^[^.\s]+\.\S+$/;

function familyOf(eventType: string, provider: string): string {
  if (!EVENT_TYPE.test(eventType)) {
    const expectation = 'expected "<record family>.<action>", e.g. "nc.updated"';
    throw new PayloadError(
      'PAYLOAD_INVALID',
      `${provider} payload failed validation: eventType: ${expectation}`,
      { details: { issues: [{ path: 'eventType', message: expectation }] } },
    );
  }
  return eventType.slice(0, eventType.indexOf('.'));
}

/** An action word such as `updated` or `status_changed`. */
const ACTION = /^[a-z][a-z0-9_]{0,63}$/i;

/**
 * How messages name the event: a built-in family's type when its action is a plain word
 * (`qualio document.approved`), else the family alone; an unknown family not at all. The type
 * is the sender's text, so anything else in it (a name, an ID, a megabyte) stays out.
 */
function messageContext(provider: string, known: boolean, eventType: string, family: string) {
  if (!known) return provider;
  return ACTION.test(eventType.slice(family.length + 1))
    ? `${provider} ${eventType}`
    : `${provider} ${family}`;
}

/** Check `subjectFields` once, at startup: built-in families keep their own field. */
export function checkSubjectFields(
  provider: string,
  subjectFields: Readonly<Record<string, string>>,
): void {
  for (const [family, field] of Object.entries(subjectFields)) {
    if (isQualioFamily(family)) {
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `${provider}: subjectFields cannot remap the built-in family "${family}" ` +
          `(its subject is always ${QUALIO_SUBJECT_FIELDS[family]}).`,
        { details: { option: 'subjectFields' } },
      );
    }
    if (typeof field !== 'string' || field.trim() === '') {
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `${provider}: subjectFields.${family} must be a non-empty field path.`,
        { details: { option: 'subjectFields' } },
      );
    }
  }
}

/**
 * Read and validate one body. Throws PAYLOAD_INVALID naming the JSON path for a missing or
 * malformed `eventType`, record ID or `timestamp` (including one without a time zone); a body
 * that has those but fails its family's schema follows `options.policy`.
 */
export function readQualioRecord(
  data: JsonObject,
  provider: string,
  options: ReadRecordOptions,
): QualioRecord {
  const { subjectFields } = options;
  const eventType = requireString(data, 'eventType', provider);
  const family = familyOf(eventType, provider);
  const known = isQualioFamily(family);
  const context = messageContext(provider, known, eventType, family);
  let subjectField: string;
  let subject: string;
  let typed: { validated: boolean; schemaIssues?: readonly PayloadIssue[] } = { validated: true };
  if (known) {
    // Without the envelope the event cannot be keyed, whatever the policy. Each family's
    // schema is its envelope or extends it, so one zod pass decides both when it passes.
    const checked = validateTyped({
      envelope: qualioEnvelopeSchemas[family],
      envelopeCheck: 'covered',
      schema: qualioPayloadSchemas[family],
      data,
      policy: options.policy,
      validate: true,
      context,
    });
    typed = checked;
    subjectField = QUALIO_SUBJECT_FIELDS[family];
    subject = (checked.envelope as Record<string, unknown>)[subjectField] as string;
  } else {
    validatePayload(qualioRecordSchema, data, context);
    const configured = Object.hasOwn(subjectFields, family);
    subjectField = configured ? (subjectFields[family] as string) : `${family}Id`;
    const found = optionalString(data, subjectField);
    if (found === undefined) {
      // A configured field is the receiver's own path; the default is built from the body.
      const path = configured ? subjectField : '<family>Id';
      throw payloadInvalid(provider, path, 'expected a non-empty string');
    }
    subject = found;
  }
  const occurredAt = parseIsoTimestamp(data.timestamp, { path: 'timestamp', provider });
  const changed = data.changedField;
  return {
    eventType,
    family,
    subject,
    subjectField,
    occurredAt,
    ...(typeof changed === 'string' && changed !== '' ? { changedField: changed } : {}),
    payload: data,
    validated: typed.validated,
    ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
  };
}
