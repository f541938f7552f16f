/**
 * Zod schemas of the modelled Qualio bodies, one per record family. Qualio publishes no webhook
 * schema, so these check only what the adapter relies on (event type, timestamp, the record's
 * ID) and every object is loose: `status`, `comment`, `changedBy`, `previousValue`... are kept
 * untouched, and a field the model does not know never turns a delivery into an error.
 */
import * as z from 'zod/mini';

/** A record ID such as `NC-2025-001`: a string with at least one non-space character. */
const recordId = z
  .string()
  .check(z.refine((value) => value.trim() !== '', 'expected a non-empty string'));

/** Fields every modelled body has. */
const common = {
  /** `<family>.<action>`, e.g. `nc.updated`. */
  eventType: z.string(),
  /** When the change happened, ISO-8601 with a zone, to the second. */
  timestamp: z.string(),
  /** The field the change touched (`status`, `comment`...), when the sender says. */
  changedField: z.optional(z.nullable(z.string())),
};

/** Any Qualio body: the common fields only (used for record families without a schema). */
export const qualioRecordSchema = z.looseObject(common);

/**
 * What keys an event of each built-in family: the common fields and the family's record ID (the
 * subject, part of every fingerprint). A body failing this is malformed (PAYLOAD_INVALID) under
 * every `schemaPolicy`; one passing it but failing the family's schema is schema drift.
 */
export const qualioEnvelopeSchemas = {
  nc: z.looseObject({ ...common, ncId: recordId }),
  capa: z.looseObject({ ...common, capaId: recordId }),
  document: z.looseObject({ ...common, documentId: recordId }),
  changecontrol: z.looseObject({ ...common, changeControlId: recordId }),
  training: z.looseObject({ ...common, trainingId: recordId }),
  supplier: z.looseObject({ ...common, supplierId: recordId }),
} as const;

/** A nonconformance (`nc.*`). */
export const qualioNcSchema = qualioEnvelopeSchemas.nc;

/** A corrective and preventive action (`capa.*`). */
export const qualioCapaSchema = qualioEnvelopeSchemas.capa;

/**
 * A controlled document (`document.*`). Code and version are optional: a sender that leaves
 * them out must not have its deliveries refused.
 */
export const qualioDocumentSchema = z.extend(qualioEnvelopeSchemas.document, {
  documentCode: z.optional(z.string()),
  version: z.optional(z.union([z.string(), z.number()])),
});

/** A change control (`changecontrol.*`). */
export const qualioChangeControlSchema = qualioEnvelopeSchemas.changecontrol;

/** A training record (`training.*`). */
export const qualioTrainingSchema = qualioEnvelopeSchemas.training;

/** A supplier (`supplier.*`). */
export const qualioSupplierSchema = qualioEnvelopeSchemas.supplier;

/** The schema of each built-in record family, keyed by the `eventType` prefix. */
export const qualioPayloadSchemas = {
  nc: qualioNcSchema,
  capa: qualioCapaSchema,
  document: qualioDocumentSchema,
  changecontrol: qualioChangeControlSchema,
  training: qualioTrainingSchema,
  supplier: qualioSupplierSchema,
} as const;

/** The body field holding the record ID, per built-in family. */
export const QUALIO_SUBJECT_FIELDS = {
  nc: 'ncId',
  capa: 'capaId',
  document: 'documentId',
  changecontrol: 'changeControlId',
  training: 'trainingId',
  supplier: 'supplierId',
} as const satisfies Record<QualioFamily, string>;

/** A record family with a typed schema. */
export type QualioFamily = keyof typeof qualioPayloadSchemas;

/** The validated payload of each built-in family. */
export type QualioPayloads = {
  [F in QualioFamily]: z.output<(typeof qualioPayloadSchemas)[F]>;
};

/** The payload of a family without a schema: the common fields plus everything else sent. */
export type QualioRecordPayload = z.output<typeof qualioRecordSchema>;

/** True when `family` is a built-in family (own keys only, so `constructor` is not one). */
export function isQualioFamily(family: string): family is QualioFamily {
  return Object.hasOwn(qualioPayloadSchemas, family);
}
