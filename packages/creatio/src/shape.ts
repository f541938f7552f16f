/**
 * Telling the two body shapes apart by their entity field. `EntitySchemaName` wins when both are
 * present, because the process-call shape is the one with a documented set of fields.
 */
import {
  type JsonObject,
  optionalString,
  payloadInvalid,
  validatePayload,
} from '@hooklatch/core/kit';
import {
  type CreatioFlatPayload,
  type CreatioProcessCallPayload,
  type CreatioShape,
  creatioShapeChecks,
} from './payloads';

/** A body with its shape, its entity name and its validated payload. */
export type ShapedBody =
  | { shape: 'process-call'; entity: string; payload: CreatioProcessCallPayload }
  | { shape: 'flat'; entity: string; payload: CreatioFlatPayload };

/**
 * Detect the shape and validate the body against it; no entity field is PAYLOAD_INVALID. The
 * payload returned is the body itself once it passed: the schemas transform nothing, and zod's
 * copy would drop a `__proto__` column, so `event.payload` and the fingerprint (which
 * `explainFingerprint(creatioFingerprintInput(event))` recomputes) would no longer agree.
 */
export function readShape(data: JsonObject, provider: string): ShapedBody {
  const shape: CreatioShape | undefined =
    optionalString(data, 'EntitySchemaName') !== undefined
      ? 'process-call'
      : optionalString(data, 'EntityName') !== undefined
        ? 'flat'
        : undefined;
  if (shape === 'process-call') {
    const valid = validatePayload(creatioShapeChecks['process-call'], data, provider);
    return { shape, entity: valid.EntitySchemaName, payload: data as CreatioProcessCallPayload };
  }
  if (shape === 'flat') {
    const valid = validatePayload(creatioShapeChecks.flat, data, provider);
    return { shape, entity: valid.EntityName, payload: data as CreatioFlatPayload };
  }
  throw payloadInvalid(
    provider,
    'EntitySchemaName',
    'expected the entity name (EntitySchemaName, or EntityName in the flat shape)',
  );
}
