// A race factory that fails in exactly one child: the first to create the marker directory.
import { mkdirSync } from 'node:fs';
import { memoryStore } from '@hooklatch/core';

export async function createStore() {
  try {
    mkdirSync(process.env.HOOKLATCH_RACE_MARKER);
  } catch {
    return memoryStore();
  }
  throw new Error('this child cannot reach the store');
}
