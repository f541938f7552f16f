/**
 * Table names are spliced into SQL text (identifiers cannot be bound parameters), so they are
 * validated against a strict pattern instead of quoted: nothing but letters, digits and `_`,
 * optionally one `schema.` qualifier.
 */
import { ConfigurationError } from '@hooklatch/core';

const PART = '[A-Za-z_][A-Za-z0-9_]{0,62}';
const TABLE_NAME = new RegExp(`^(?:${PART}\\.)?${PART}$`);

/** The table used when none is configured. */
export const DEFAULT_TABLE = 'hooklatch_dedupe';

/**
 * Return `table` when it is a safe SQL identifier, else throw `CONFIG_INVALID` naming which
 * table (`what`) it was meant for.
 */
export function validateTableName(table: string, what: 'dedupe' | 'inbox' = 'dedupe'): string {
  if (!TABLE_NAME.test(table)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `The ${what} table name must match [A-Za-z_][A-Za-z0-9_]* (optionally schema-qualified).`,
      { details: { option: 'table' } },
    );
  }
  return table;
}

/** Name of the expiry index for `table` (unqualified: it lives in the table's schema). */
export function expiryIndexName(table: string): string {
  return `${table.split('.').pop() as string}_expires_at_idx`;
}

/** Escape `%`, `_` and `!` for a `LIKE ... ESCAPE '!'` pattern. */
export function likePrefix(prefix: string): string {
  return `${prefix.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
