/** The event `type`: the sender's own `EventType` when it set one, else the CRUD `Operation`. */
import { type JsonObject, optionalString } from '@hooklatch/core/kit';

/**
 * `EventType` (a business meaning such as `status_update`) is more specific than `Operation`
 * (`insert`, `update`, `delete`), so it wins; a body with neither gets `defaultType`.
 */
export function creatioEventType(data: JsonObject, defaultType: string): string {
  return (
    optionalString(data, 'EventType')?.trim() ??
    optionalString(data, 'Operation')?.trim() ??
    defaultType
  );
}
