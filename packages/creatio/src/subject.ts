/**
 * The `subject` of a Creatio event: `<entity>:<key>`, where the key is the record `Id` or a
 * configured business key such as `OrderID`. Entity-qualified, so an Order and a Contact that
 * share a key value never share a subject (or a fingerprint).
 */
import {
  type JsonObject,
  optionalString,
  optionInvalid,
  payloadInvalid,
} from '@hooklatch/core/kit';

/** `subjectKey` is a column name, or a map of entity names to column names (checked at startup). */
export function checkSubjectKey(provider: string, subjectKey: unknown): void {
  if (subjectKey === undefined) return;
  const isColumn = (value: unknown) => typeof value === 'string' && value.trim() !== '';
  const valid =
    isColumn(subjectKey) ||
    (subjectKey !== null &&
      typeof subjectKey === 'object' &&
      !Array.isArray(subjectKey) &&
      Object.values(subjectKey).every(isColumn));
  if (!valid) {
    throw optionInvalid(
      provider,
      'subjectKey',
      'must be a column name or a map of entity to column',
    );
  }
}

/** The column that identifies records of `entity` under the `subjectKey` option. */
export function subjectColumn(
  entity: string,
  subjectKey: string | Readonly<Record<string, string>> | undefined,
): string {
  if (subjectKey === undefined) return 'Id';
  if (typeof subjectKey === 'string') return subjectKey;
  // Own properties only: an entity named `constructor` must not find Object's prototype.
  return Object.hasOwn(subjectKey, entity) ? (subjectKey[entity] as string) : 'Id';
}

/**
 * `<entity>:<value of the key column>`. A missing key is PAYLOAD_INVALID naming the column, not a
 * fallback: without a stable identity, retries of one event could not be told apart from edits
 * of different records, and one record could show up under two subjects.
 */
export function creatioSubject(
  data: JsonObject,
  entity: string,
  column: string,
  provider: string,
): string {
  const value = optionalString(data, column)?.trim();
  if (value === undefined || value === '') {
    throw payloadInvalid(
      provider,
      column,
      column === 'Id'
        ? 'expected the record Id (or set the subjectKey option to a key column the body has)'
        : 'expected a non-empty string (the configured subjectKey column)',
    );
  }
  return `${entity}:${value}`;
}
