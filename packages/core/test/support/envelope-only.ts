/** An adapter whose every event comes back envelope-only, as under `schemaPolicy: 'envelope'`. */
import type { WebhookAdapter } from '../../src/index';

/** `adapter`, but each event `validated: false`, its typed schema failing at `path`. */
export function envelopeOnly(adapter: WebhookAdapter, path: string): WebhookAdapter {
  return {
    ...adapter,
    async parse(delivery) {
      const parsed = await adapter.parse(delivery);
      return { ...parsed, validated: false, meta: { schemaIssues: [{ path, message: 'x' }] } };
    },
  };
}
