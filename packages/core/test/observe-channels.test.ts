/** The channel proof on the memory store (the otel package runs the same suite on Redis). */
import { memoryStore } from '../src/index';
import { describeChannelScenarios } from './support/channel-scenarios';
import { faultyStore } from './support/faulty-store';

const shared = memoryStore();
describeChannelScenarios('memory', {
  store: () => shared,
  // A fault double around a real store: every claim fails as a lost connection does.
  down: () => faultyStore(memoryStore(), { claim: () => 'throw' }),
});
