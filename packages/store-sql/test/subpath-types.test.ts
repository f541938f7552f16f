/**
 * The published types of each dialect subpath stand on their own: a program that imports only
 * `@hooklatch/store-sql/postgres` (or `/mysql`) typechecks with `skipLibCheck: false` in a
 * project without `better-sqlite3` or its types, from ESM and from CommonJS. The root entry,
 * which re-exports `sqliteStore`, fails there with TS2307, which shows the check can fail.
 *
 * Runs tsc on the built dist/ copied into a scratch project, so it needs `npm run build`; in CI
 * (which builds first) a missing dist/ is a failure, locally a skip.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkgDir = (name: string) => fileURLToPath(new URL(`../../${name}/`, import.meta.url));
const rootModules = fileURLToPath(new URL('../../../node_modules/', import.meta.url));
const built = ['postgres', 'mysql', 'sqlite', 'index'].every((entry) =>
  existsSync(`${pkgDir('store-sql')}dist/${entry}.d.cts`),
);
const coreBuilt = existsSync(`${pkgDir('core')}dist/index.d.ts`);
if (!(built && coreBuilt) && process.env.CI)
  throw new Error('store-sql or core dist/ is missing: CI must build before testing.');

/** A scratch project whose node_modules holds the two built packages and zod, nothing else. */
function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hooklatch-sql-types-'));
  for (const name of ['core', 'store-sql']) {
    const target = join(dir, 'node_modules', '@hooklatch', name);
    mkdirSync(target, { recursive: true });
    cpSync(`${pkgDir(name)}package.json`, join(target, 'package.json'));
    cpSync(`${pkgDir(name)}dist`, join(target, 'dist'), { recursive: true });
  }
  symlinkSync(join(rootModules, 'zod'), join(dir, 'node_modules', 'zod'), 'dir');
  return dir;
}

const POSTGRES_ESM = `
import { postgresSchemaSql, postgresStore, type SqlDedupeStore } from '@hooklatch/store-sql/postgres';
declare const pool: {
  query(config: { text: string; values?: unknown[] }): Promise<{ rows: unknown[]; rowCount: number | null }>;
};
export const store: SqlDedupeStore = postgresStore({ client: pool, table: 'app.dedupe' });
export const ddl: string = postgresSchemaSql('app.dedupe');
`;

const MYSQL_CJS = `
import { mysqlSchemaSql, mysqlStore, type MysqlQueryable } from '@hooklatch/store-sql/mysql';
declare const pool: MysqlQueryable;
export const store = mysqlStore({ client: pool, timeoutMs: 2000 });
export const ddl: string = mysqlSchemaSql();
`;

const ROOT_ESM = `
import { postgresStore } from '@hooklatch/store-sql';
export const create = postgresStore;
`;

/** Typecheck `files` (name -> source) in `dir` with the strictest settings; tsc's output. */
function typecheck(dir: string, files: Record<string, string>): { status: number; output: string } {
  for (const [name, source] of Object.entries(files)) writeFileSync(join(dir, name), source);
  const tsconfig = {
    compilerOptions: {
      strict: true,
      skipLibCheck: false,
      // TypeScript's own lib files are not what this test is about (and take most of the time).
      skipDefaultLibCheck: true,
      exactOptionalPropertyTypes: true,
      noUncheckedIndexedAccess: true,
      module: 'node16',
      moduleResolution: 'node16',
      target: 'es2022',
      types: [],
      noEmit: true,
    },
    files: Object.keys(files),
  };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  const tsc = spawnSync(
    process.execPath,
    [join(rootModules, 'typescript/bin/tsc'), '-p', dir, '--pretty', 'false'],
    { encoding: 'utf8' },
  );
  return { status: tsc.status ?? -1, output: `${tsc.stdout}${tsc.stderr}` };
}

describe.skipIf(!(built && coreBuilt))('dialect subpaths typecheck without other drivers', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('/postgres (ESM) and /mysql (CJS) need no better-sqlite3 types', () => {
    const dir = scratchProject();
    dirs.push(dir);
    const result = typecheck(dir, { 'postgres.mts': POSTGRES_ESM, 'mysql.cts': MYSQL_CJS });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('the root entry, which re-exports sqliteStore, does need them (TS2307)', () => {
    const dir = scratchProject();
    dirs.push(dir);
    const result = typecheck(dir, { 'root.mts': ROOT_ESM });
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/error TS2307: Cannot find module 'better-sqlite3'/);
  }, 120_000);
});
