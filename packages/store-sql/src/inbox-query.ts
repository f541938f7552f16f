/**
 * Building inbox statements once for three databases. Statements are written with `sql`
 * fragments whose values become parameters; `render` numbers them for PostgreSQL (`$1::bigint`,
 * casts where PostgreSQL cannot infer a type) or leaves `?` for MySQL and SQLite. Only what
 * cannot be parameterized (the validated table name, fixed state literals) is spliced in.
 */

/** A parameter with the PostgreSQL type it needs when its use does not fix one. */
export interface Param {
  readonly value: unknown;
  readonly cast?: 'text' | 'bigint' | 'integer' | 'bytea';
}

/** A piece of SQL: text parts with parameters between them. */
export interface Fragment {
  readonly parts: readonly string[];
  readonly params: readonly Param[];
}

/** A parameter (typed, for PostgreSQL). */
export const text = (value: string | null | undefined): Param => ({
  value: value ?? null,
  cast: 'text',
});
export const bigint = (value: number | null | undefined): Param => ({
  value: value ?? null,
  cast: 'bigint',
});
export const int = (value: number | null | undefined): Param => ({
  value: value ?? null,
  cast: 'integer',
});
export const bytes = (value: Uint8Array): Param => ({ value, cast: 'bytea' });

function isFragment(value: unknown): value is Fragment {
  return typeof value === 'object' && value !== null && 'parts' in value && 'params' in value;
}

/** Tag: `sql\`a = ${text(x)} AND ${other}\``; nested fragments are inlined. */
export function sql(strings: TemplateStringsArray, ...values: Array<Param | Fragment | string>) {
  const parts: string[] = [strings[0] as string];
  const params: Param[] = [];
  const append = (more: string) => {
    parts[parts.length - 1] = `${parts[parts.length - 1] as string}${more}`;
  };
  values.forEach((value, i) => {
    const next = strings[i + 1] as string;
    if (typeof value === 'string') {
      // Raw SQL (a table name, a clock expression): only ever from the code, never from input.
      append(value + next);
    } else if (isFragment(value)) {
      append(value.parts[0] as string);
      parts.push(...value.parts.slice(1));
      params.push(...value.params);
      append(next);
    } else {
      params.push(value);
      parts.push(next);
    }
  });
  return { parts, params } as Fragment;
}

/** `a AND b AND c` of the fragments given (empty ones left out). */
export function and(...fragments: Array<Fragment | undefined>): Fragment {
  const present = fragments.filter((f): f is Fragment => f !== undefined);
  return present.reduce((all, f, i) => (i === 0 ? f : sql`${all} AND ${f}`), sql`1 = 1`);
}

/** `(p1, p2, ...)` of text parameters, for `IN`. */
export function textList(values: readonly string[]): Fragment {
  const parts = ['(', ...values.slice(1).map(() => ', '), ')'];
  return { parts, params: values.map(text) };
}

/** A rendered statement. */
export interface Rendered {
  text: string;
  params: unknown[];
}

/** Render for PostgreSQL (`$n` with casts) or for `?` placeholders. */
export function render(fragment: Fragment, style: 'pg' | 'question'): Rendered {
  let out = fragment.parts[0] as string;
  fragment.params.forEach((param, i) => {
    const mark = style === 'pg' ? `$${i + 1}${param.cast ? `::${param.cast}` : ''}` : '?';
    out += mark + (fragment.parts[i + 1] as string);
  });
  const params = fragment.params.map((p) =>
    // better-sqlite3 and mysql2 bind Buffers as blobs; a plain Uint8Array would not bind.
    p.value instanceof Uint8Array && !Buffer.isBuffer(p.value)
      ? Buffer.from(p.value.buffer, p.value.byteOffset, p.value.byteLength)
      : p.value,
  );
  return { text: out, params };
}
