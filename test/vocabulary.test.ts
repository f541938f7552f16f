/**
 * The vocabulary lint: every adapter and store package speaks the same option names with the
 * same meanings and exports the same shapes (issue 11's convention). It reads the packages'
 * public types with the TypeScript checker, so a renamed option or a bare `DEFAULT_*` export
 * fails here, not in a user's editor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Adapter packages: folder, factory name, and whether the provider signs a timestamp. */
const ADAPTERS = [
  { dir: 'stripe', factory: 'stripe', signsTimestamp: true },
  { dir: 'github', factory: 'github', signsTimestamp: false },
  { dir: 'shopify', factory: 'shopify', signsTimestamp: false },
  { dir: 'standard-webhooks', factory: 'standardWebhooks', signsTimestamp: true },
  { dir: 'qualio', factory: 'qualio', signsTimestamp: false },
  { dir: 'creatio', factory: 'creatio', signsTimestamp: false },
] as const;

/** Store factories and their options types: `[file, factory, options type]`. */
const STORES = [
  ['core/src/store/memory-store.ts', 'memoryStore', 'MemoryStoreOptions'],
  ['store-redis/src/redis-store.ts', 'redisStore', 'RedisStoreOptions'],
  ['store-sql/src/postgres-store.ts', 'postgresStore', 'PostgresStoreOptions'],
  ['store-sql/src/mysql-store.ts', 'mysqlStore', 'MysqlStoreOptions'],
  ['store-sql/src/sqlite-store.ts', 'sqliteStore', 'SqliteStoreOptions'],
] as const;

/** Option names that were renamed; their old spelling must not come back anywhere. */
const RETIRED_OPTIONS = [
  'secretIndex',
  'keyPrefix',
  'operationTimeoutMs',
  'queryTimeoutMs',
  'busyTimeoutMs',
  'skipVerification',
  'tolerance',
];

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
const upper = (dir: string) => dir.toUpperCase().replace(/-/g, '_');

const { config } = ts.readConfigFile(`${root}tsconfig.base.json`, ts.sys.readFile);
const { options: compilerOptions } = ts.parseJsonConfigFileContent(config, ts.sys, root);
const entries = [
  ...ADAPTERS.map((a) => `${root}packages/${a.dir}/src/index.ts`),
  ...STORES.map(([file]) => `${root}packages/${file}`),
];
const program = ts.createProgram(entries, { ...compilerOptions, noEmit: true });
const checker = program.getTypeChecker();

function exportsOf(file: string): Map<string, ts.Symbol> {
  const source = program.getSourceFile(file);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`cannot read ${file}`);
  return new Map(
    checker.getExportsOfModule(moduleSymbol).map((symbol) => [symbol.getName(), symbol]),
  );
}

/** Each property of an exported interface, with its declared type written out. */
function propertiesOf(file: string, typeName: string): Map<string, string> {
  const symbol = exportsOf(file).get(typeName);
  if (!symbol) throw new Error(`${file} does not export ${typeName}`);
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const type = checker.getDeclaredTypeOfSymbol(target);
  const out = new Map<string, string>();
  for (const property of checker.getPropertiesOfType(type)) {
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration) continue;
    const propertyType = checker.getTypeOfSymbolAtLocation(property, declaration);
    out.set(property.getName(), checker.typeToString(checker.getNonNullableType(propertyType)));
  }
  return out;
}

describe.each(ADAPTERS)('adapter package $dir', ({ dir, factory, signsTimestamp }) => {
  const entry = `${root}packages/${dir}/src/index.ts`;
  const exported = exportsOf(entry);
  const optionsName = `${pascal(factory)}Options`;

  it(`exports ${factory}(), ${optionsName} and ${upper(dir)}_RETENTION_MS`, () => {
    expect(exported.has(factory)).toBe(true);
    expect(exported.has(optionsName)).toBe(true);
    expect(exported.has(`${upper(dir)}_RETENTION_MS`)).toBe(true);
  });

  it('prefixes every constant and schema with the provider', () => {
    const constants = [...exported.keys()].filter((name) => /^[A-Z][A-Z0-9_]+$/.test(name));
    expect(constants.filter((name) => !name.startsWith(`${upper(dir)}_`))).toEqual([]);
    const schemas = [...exported.keys()].filter((name) => /Schemas?$/.test(name));
    expect(schemas.filter((name) => !name.startsWith(factory))).toEqual([]);
  });

  it('uses the shared option names with their one meaning', () => {
    const props = propertiesOf(entry, optionsName);
    for (const retired of RETIRED_OPTIONS) expect(props.has(retired), retired).toBe(false);
    if (props.has('verify')) expect(props.get('verify')).toBe('false');
    expect(props.get('retentionMs')).toBe('number');
    expect(props.get('maxDepth')).toBe('number');
    // Only a signed timestamp has a tolerance; unsigned age checks have their own name.
    expect(props.has('toleranceSeconds')).toBe(signsTimestamp);
    if (props.has('toleranceSeconds')) expect(props.get('toleranceSeconds')).toBe('number');
    if (props.has('deliveryIdHeader')) {
      expect(props.get('deliveryIdHeader')).toMatch(/^(string \| false|false \| string)$/);
    }
    // Credentials: `secret`/`secrets` from the kit, or one `auth` of the kit's shape.
    if (props.has('auth')) {
      expect(props.has('secret')).toBe(false);
      expect(props.get('auth')).toMatch(/AdapterAuth|Auth/);
    } else {
      expect(props.get('secret')).toBe('Secret');
      expect(props.get('secrets')?.split(' | ').sort()).toEqual([
        'SecretResolver',
        'readonly Secret[]',
      ]);
    }
  });

  it('ships a README and the licence, and exports /testing builders', () => {
    expect(existsSync(`${root}packages/${dir}/README.md`)).toBe(true);
    expect(existsSync(`${root}packages/${dir}/LICENSE`)).toBe(true);
    const pkg = JSON.parse(readFileSync(`${root}packages/${dir}/package.json`, 'utf8'));
    expect(Object.keys(pkg.exports)).toContain('./testing');
    expect(pkg.peerDependencies).toHaveProperty('@hooklatch/core');
    expect(pkg.dependencies?.['@hooklatch/core']).toBeUndefined();
  });
});

describe.each(STORES)('store %s', (file, factory, optionsName) => {
  const path = `${root}packages/${file}`;

  it(`exports ${factory}() with prefix and timeoutMs options`, () => {
    expect(exportsOf(path).has(factory)).toBe(true);
    const props = propertiesOf(path, optionsName);
    for (const retired of RETIRED_OPTIONS) expect(props.has(retired), retired).toBe(false);
    expect(props.get('prefix')).toBe('string');
    if (!file.startsWith('core/')) expect(props.get('timeoutMs')).toBe('number');
  });

  it("documents the one default prefix, 'hooklatch:'", () => {
    // The options interface may live in a file of its own: read the one that declares it.
    const symbol = exportsOf(path).get(optionsName);
    const target =
      symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const text = target?.declarations?.[0]?.getSourceFile().text ?? readFileSync(path, 'utf8');
    const doc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:readonly\s+)?prefix\?:/.exec(text);
    expect(doc?.[1]).toMatch(/@default 'hooklatch:'/);
  });
});

describe('one vocabulary in the sources', () => {
  it('no package source uses a retired option name or event field', () => {
    const offenders: string[] = [];
    const retired = new RegExp(`\\b(${['secretIndex', 'defineAdapter'].join('|')})\\b`);
    for (const file of program.getSourceFiles()) {
      if (!file.fileName.includes('/packages/') || file.fileName.includes('node_modules')) continue;
      if (retired.test(file.text)) offenders.push(file.fileName.slice(root.length));
    }
    expect(offenders).toEqual([]);
  });
});
