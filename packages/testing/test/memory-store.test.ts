import { memoryStore } from '@hooklatch/core';
import { describeStore } from '../src/vitest';

// The embedded default store passes the same suite as every durable store.
describeStore({ name: 'memory', create: ({ prefix }) => memoryStore({ prefix }) });
