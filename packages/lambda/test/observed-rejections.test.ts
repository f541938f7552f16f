/**
 * Events refused before there is a delivery to parse (not an HTTP request at all, a base64
 * flag over a body that is not base64) are reported like every other answer: `onOutcome`
 * with outcome `rejected` and the error code, and a log line that names no payload byte.
 */
import type { OutcomeReport } from '@hooklatch/core';
import { memoryStore } from '@hooklatch/core';
import { stripe } from '@hooklatch/stripe';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lambdaHandler } from '../src/index';
import { lambdaEvent } from './support/events';
import { SECRET, stripeDelivery } from './support/route';

const SQS_BATCH = {
  Records: [{ messageId: 'm1', body: '{"secret":"sqs-body"}', eventSource: 'aws:sqs' }],
};

/** A Stripe route that records its reports and side effects; `logger` as given. */
function observedRoute(logger?: { error: (...args: unknown[]) => void; info?: () => void }) {
  const outcomes: OutcomeReport[] = [];
  const handled: string[] = [];
  const handler = lambdaHandler({
    adapter: stripe({ secret: SECRET }),
    store: memoryStore(),
    handler: (event) => void handled.push(event.id),
    hooks: { onOutcome: (report) => void outcomes.push(report) },
    ...(logger === undefined ? {} : { logger }),
  });
  return { handler, outcomes, handled };
}

/** A REST API event flagged base64 whose body is the plain JSON text. */
function falselyBase64() {
  const event = lambdaEvent('rest-api', stripeDelivery());
  event.isBase64Encoded = true;
  return event;
}

/** The answer is `status` + `code`, reported once to onOutcome as `rejected`, and nothing ran. */
function expectRejected(
  route: ReturnType<typeof observedRoute>,
  result: { statusCode: number; body: string },
  status: number,
  code: string,
) {
  expect(result.statusCode).toBe(status);
  expect(JSON.parse(result.body).error.code).toBe(code);
  expect(route.outcomes).toEqual([
    expect.objectContaining({ outcome: 'rejected', provider: 'stripe', status, errorCode: code }),
  ]);
  expect(route.handled).toEqual([]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a non-HTTP event (an SQS batch wired to the webhook function)', () => {
  it('reaches onOutcome as rejected CONFIG_INVALID, and the default logger reports it', async () => {
    const printed = vi.spyOn(console, 'error').mockImplementation(() => {});
    const route = observedRoute();
    expectRejected(route, await route.handler(SQS_BATCH as never), 500, 'CONFIG_INVALID');
    expect(printed).toHaveBeenCalledTimes(1);
    expect(printed.mock.calls[0]?.[1]).toMatchObject({
      hooklatch: 'setup_invalid',
      provider: 'stripe',
      errorCode: 'CONFIG_INVALID',
    });
    expect(JSON.stringify(printed.mock.calls)).not.toContain('sqs-body');
  });
});

describe('a base64 flag over a body that is not base64', () => {
  it('reaches onOutcome as rejected PAYLOAD_MALFORMED (400) and logs it at info', async () => {
    const info = vi.fn();
    const error = vi.fn();
    const route = observedRoute({ error, info });
    expectRejected(route, await route.handler(falselyBase64()), 400, 'PAYLOAD_MALFORMED');
    expect(info).toHaveBeenCalledTimes(1);
    expect(info.mock.calls[0]?.[1]).toMatchObject({
      hooklatch: 'rejected',
      errorCode: 'PAYLOAD_MALFORMED',
    });
    // The sender's mistake, not ours: no error line, and no byte of the body in the log.
    expect(error).not.toHaveBeenCalled();
    expect(JSON.stringify(info.mock.calls)).not.toContain('payment_intent');
  });

  it('stays off the default logger, which prints warnings and errors only', async () => {
    const printed = [
      vi.spyOn(console, 'error').mockImplementation(() => {}),
      vi.spyOn(console, 'warn').mockImplementation(() => {}),
    ];
    const route = observedRoute();
    expectRejected(route, await route.handler(falselyBase64()), 400, 'PAYLOAD_MALFORMED');
    for (const spy of printed) expect(spy).not.toHaveBeenCalled();
  });
});
