/** The DDL files shipped in sql/, read and split for comparison with the DDL from code. */
import { readFileSync } from 'node:fs';

/** The text of `sql/<file>.sql`. */
export const shipped = (file: string) =>
  readFileSync(new URL(`../../sql/${file}.sql`, import.meta.url), 'utf8');

/** Statements without comments, whitespace runs folded. */
export const statements = (sql: string) =>
  sql
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
