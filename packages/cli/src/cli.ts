#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { run } from './run';

const readText = async (path: string): Promise<string> => {
  if (path !== '-') return readFile(path, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

// No top-level await: the same file is also built as CommonJS.
void run(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  readText,
}).then((code) => {
  process.exitCode = code;
});
