/** Run the CLI in-process with captured output and files from memory. */
import { type CliIo, run } from '../src/index';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function cli(
  argv: string[],
  files: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env,
    readText: async (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
  };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
