/**
 * Telling the two body shapes apart by their entity field. `EntitySchemaName` wins when both are
 * present, because the process-call shape is the one with a documented set of fields.
 */
import { type JsonObject, optionalString, payloadInvalid, validatePayload } from '@hooklatch/core';
import {
  type CreatioFlatPayload,
  type CreatioProcessCallPayload,
  type CreatioShape,
  creatioFlatSchema,
  creatioProcessCallSchema,
} from './payloads';

/** A body with its shape, its entity name and its validated payload. */
export type ShapedBody =
  | { shape: 'process-call'; entity: string; payload: CreatioProcessCallPayload }
  | { shape: 'flat'; entity: string; payload: CreatioFlatPayload };

/** Detect the shape and validate the body against it; no entity field is PAYLOAD_INVALID. */
export function readShape(data: JsonObject, provider: string): ShapedBody {
  const shape: CreatioShape | undefined =
    optionalString(data, 'EntitySchemaName') !== undefined
      ? 'process-call'
      : optionalString(data, 'EntityName') !== undefined
        ? 'flat'
        : undefined;
  if (shape === 'process-call') {
    const payload = validatePayload(creatioProcessCallSchema, data, provider);
    return { shape, entity: payload.EntitySchemaName, payload };
  }
  if (shape === 'flat') {
    const payload = validatePayload(creatioFlatSchema, data, provider);
    return { shape, entity: payload.EntityName, payload };
  }
  throw payloadInvalid(
    provider,
    'EntitySchemaName',
    'expected the entity name (EntitySchemaName, or EntityName in the flat shape)',
  );
}
