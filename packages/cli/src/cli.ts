#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { run } from './run';

const readBytes = async (path: string): Promise<Uint8Array> => {
  if (path !== '-') return readFile(path);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

// The progress line rewrites itself with \r: only on a terminal, never into a pipe or a log.
const progress = process.stderr.isTTY
  ? (line: string | undefined) => {
      process.stderr.write(line === undefined ? '\r\x1b[2K' : `\r\x1b[2K${line}`);
    }
  : undefined;

// No top-level await: the same file is also built as CommonJS.
void run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
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
