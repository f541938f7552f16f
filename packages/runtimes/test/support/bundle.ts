/**
 * Bundle a harness entry for one runtime with esbuild, using the export conditions that
 * runtime's own toolchain resolves with: wrangler's for workerd, Deno's and Bun's own.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { sourceAlias } from './source-alias';

/** Export conditions each target resolves with (besides `import`/`default`). */
export const CONDITIONS = {
  // What wrangler passes to esbuild for a Worker.
  workerd: ['workerd', 'worker', 'browser'],
  deno: ['deno', 'node'],
  bun: ['bun', 'node'],
} as const;

/** A target to bundle for. */
export type BundleTarget = keyof typeof CONDITIONS;

/** Options of {@link bundleFor}. */
export interface BundleOptions {
  /** Leave `node:` imports to the runtime (workerd needs `nodejs_compat` for them). @default false */
  nodeBuiltins?: boolean;
  /** Resolve `@hooklatch/*` to the sources (true) or through package.json exports to dist/. @default true */
  sources?: boolean;
  minify?: boolean;
}

/** The bundle's file, its text and esbuild's metafile. */
export interface Bundle {
  file: string;
  code: string;
  metafile: Metafile;
}

/** Bundle `entry` (a path relative to packages/runtimes/) for `target`. */
export async function bundleFor(
  target: BundleTarget,
  entry: string,
  options: BundleOptions = {},
): Promise<Bundle> {
  const dir = mkdtempSync(join(tmpdir(), `hooklatch-${target}-`));
  // esbuild applies tsconfig `paths`, and this repository's point at the sources: an empty
  // tsconfig stands in for a user's, so the package exports decide.
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, '{}\n');
  const config: BuildOptions = {
    entryPoints: [fileURLToPath(new URL(`../../${entry}`, import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    platform: target === 'workerd' ? 'browser' : 'node',
    conditions: [...CONDITIONS[target]],
    metafile: true,
    minify: options.minify ?? false,
    logLevel: 'silent',
    tsconfig,
    plugins: options.sources === false ? [] : [sourceAlias],
    ...(options.nodeBuiltins ? { external: ['node:*'] } : {}),
  };
  const result = await build(config);
  const code = result.outputFiles?.[0]?.text ?? '';
  const file = join(dir, 'bundle.mjs');
  writeFileSync(file, code);
  return { file, code, metafile: result.metafile ?? { inputs: {}, outputs: {} } };
}

/** Every module a bundle leaves for the runtime to load (`node:` builtins, in practice). */
export function externalImports(metafile: Metafile): string[] {
  const found = new Set<string>();
  for (const output of Object.values(metafile.outputs)) {
    for (const imported of output.imports) if (imported.external) found.add(imported.path);
  }
  return [...found].sort();
}
