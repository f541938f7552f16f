/**
 * Every value a code block in the docs imports from a hooklatch package exists there: a snippet
 * that names an export the package does not have fails the reader on its first line. The
 * snippets under docs/snippets are typechecked whole; this covers the blocks inside the pages
 * (types cannot be checked at run time and are skipped).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const pages = [
  join(root, 'README.md'),
  ...markdownFiles(join(root, 'docs')),
  ...readdirSync(join(root, 'packages')).map((name) => join(root, 'packages', name, 'README.md')),
].filter((path) => {
  try {
    return readFileSync(path, 'utf8').length > 0;
  } catch {
    return false;
  }
});

const BLOCK = /```(?:ts|typescript|js|javascript|tsx)\n([\s\S]*?)```/g;
const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s*from\s*'(@hooklatch\/[a-z-]+(?:\/[a-z0-9-]+)?)'/g;

interface NamedImport {
  page: string;
  module: string;
  name: string;
}

/** The value imports (not `type` ones) of hooklatch modules in the page's code blocks. */
function valueImports(page: string): NamedImport[] {
  const found: NamedImport[] = [];
  for (const [, code] of readFileSync(page, 'utf8').matchAll(BLOCK)) {
    for (const [, typeOnly, names, module] of (code ?? '').matchAll(IMPORT)) {
      if (typeOnly || module === undefined) continue;
      for (const part of (names ?? '').split(',')) {
        const spec = part.trim();
        if (spec === '' || spec.startsWith('type ')) continue;
        const name = spec.split(/\s+as\s+/)[0]?.trim();
        if (name) found.push({ page: relative(root, page), module, name });
      }
    }
  }
  return found;
}

const imports = pages.flatMap(valueImports);

describe('imports in the docs', () => {
  it('finds the imports to check', () => {
    // Guards the scan itself: a regex that matched nothing would pass every page.
    expect(imports.length).toBeGreaterThan(100);
    expect(imports).toContainEqual(
      expect.objectContaining({ module: '@hooklatch/core', name: 'processOnce' }),
    );
  });

  const modules = [...new Set(imports.map((found) => found.module))].sort();
  it.each(modules)('every name imported from %s is one of its exports', async (module) => {
    const exported = new Set(Object.keys(await import(/* @vite-ignore */ module)));
    const missing = imports
      .filter((found) => found.module === module && !exported.has(found.name))
      .map((found) => `${found.page}: ${found.name}`);
    expect(missing).toEqual([]);
  });
});
