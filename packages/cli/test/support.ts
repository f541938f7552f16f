/** Run the CLI in-process with captured output, files from memory and an optional progress line. */
import { type CliIo, run } from '../src/index';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** Every progress line drawn (`undefined` = cleared), when `progress` was asked for. */
  progress: (string | undefined)[];
}

export interface CliOptions {
  /** Give the command a progress display (as on a terminal). @default false */
  progress?: boolean;
  /** Files as bytes (`readBytes`), beside the text ones. */
  bytes?: Record<string, Uint8Array>;
}

export async function cli(
  argv: string[],
  files: Record<string, string> = {},
  env: Record<string, string> = {},
  options: CliOptions = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const progress: (string | undefined)[] = [];
  const missing = (path: string) => new Error(`ENOENT: ${path}`);
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw missing(path);
      return text;
    },
    readBytes: async (path) => {
      const bytes =
        options.bytes?.[path] ??
        (files[path] === undefined ? undefined : new TextEncoder().encode(files[path]));
      if (bytes === undefined) throw missing(path);
      return bytes;
    },
    ...(options.progress ? { progress: (line: string | undefined) => progress.push(line) } : {}),
  };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), progress };
}
