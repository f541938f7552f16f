/** A hand-built verified event of the core tests' `test` provider. */
import type { WebhookEvent } from '../../src/index';

export function testEvent(id: string, extra: Partial<WebhookEvent> = {}): WebhookEvent {
  return {
    provider: 'test',
    type: 'order.paid',
    id,
    idSource: 'event',
    dedupeKey: `test:${id}`,
    occurredAt: new Date(0),
    receivedAt: new Date(0),
    meta: {},
    payload: {},
    ...extra,
  };
}
