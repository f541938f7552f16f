#!/usr/bin/env node
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from './io';
import { terminalSafe } from './output';
import { run } from './run';

/**
 * Captures and bodies are at most a few MiB (a receiver reads 1 MiB by default): anything far
 * larger is a wrong file, refused before it is read into memory.
 */
const MAX_INPUT_BYTES = 64 * 1024 * 1024;
const tooLarge = (what: string) =>
  new UsageError(`${what} is larger than 64 MiB: give a capture or a body, not a dump.`);

/** What a file system refusal means, for the one-line error (exit 2: the path is the mistake). */
const FILE_WORDS: Record<string, string> = {
  ENOENT: 'no such file',
  ENOTDIR: 'no such file',
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

const unreadable = (path: string, error: unknown): unknown => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && Object.hasOwn(FILE_WORDS, code)
    ? new UsageError(`cannot read ${path}: ${FILE_WORDS[code]}.`)
    : error;
};

const readBytes = async (path: string): Promise<Uint8Array> => {
  if (path !== '-') {
    try {
      if ((await stat(path)).size > MAX_INPUT_BYTES) throw tooLarge(path);
      return await readFile(path);
    } catch (error) {
      throw unreadable(path, error);
    }
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > MAX_INPUT_BYTES) throw tooLarge('standard input');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
};

// The progress line rewrites itself with \r: only on a terminal, never into a pipe or a log.
const progress = process.stderr.isTTY
  ? (line: string | undefined) => {
      process.stderr.write(line === undefined ? '\r\x1b[2K' : `\r\x1b[2K${line}`);
    }
  : undefined;

// No top-level await: the same file is also built as CommonJS.
// Whatever a command printed, no control character from a store or a sender reaches the terminal.
void run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${terminalSafe(line)}\n`),
  err: (line) => process.stderr.write(`${terminalSafe(line)}\n`),
  env: process.env,
  readText: async (path) => Buffer.from(await readBytes(path)).toString('utf8'),
  readBytes,
  ...(progress === undefined ? {} : { progress }),
}).then((code) => {
  // Exit once the output is flushed: a driver socket still closing (a server that never
  // answered) must not keep a finished command waiting.
  process.exitCode = code;
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
});
