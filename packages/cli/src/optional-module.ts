/**
 * Optional packages (store drivers, store packages, adapter packages) are loaded when a command
 * needs them, so the CLI installs with none of them. A missing one is named with the command
 * that installs it, instead of a module-resolution stack.
 */
import { CliFailure } from './io';

function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const text = typeof message === 'string' ? message : '';
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' ||
    code === 'MODULE_NOT_FOUND' ||
    /Cannot find (module|package)|Failed to (load|resolve)/.test(text);
  // The package itself, not one of its own imports, must be the one missing.
  return notFound && text.includes(name);
}

/**
 * Run `load` (an `import()` of `name`); when `name` is not installed, fail with `why` and the
 * install command.
 */
export async function loadOptional<M>(
  name: string,
  why: string,
  load: () => Promise<M>,
): Promise<M> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, name)) {
      throw new CliFailure(
        `${why} needs the package ${name}, which is not installed: npm install ${name}`,
      );
    }
    throw error;
  }
}

/** The first of several alternative packages that is installed (`ioredis` or `redis`). */
export async function loadFirst(
  why: string,
  candidates: ReadonlyArray<readonly [name: string, load: () => Promise<unknown>]>,
): Promise<{ name: string; module: unknown }> {
  for (const [name, load] of candidates) {
    try {
      return { name, module: await load() };
    } catch (error) {
      if (!isMissing(error, name)) throw error;
    }
  }
  const names = candidates.map(([name]) => name);
  throw new CliFailure(
    `${why} needs one of the packages ${names.join(' or ')}, and none is installed: npm install ${names[0]}`,
  );
}
