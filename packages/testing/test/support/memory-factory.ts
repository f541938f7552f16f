// Race factory for the harness self-test: a memory store is per process, so it is NOT shared.
import { memoryStore } from '@hooklatch/core';

export async function createStore(prefix: string) {
  return memoryStore({ prefix });
}
