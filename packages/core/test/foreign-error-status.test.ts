/**
 * A reply's status comes from the error's code, never from the object's own `httpStatus`: an
 * error-shaped object from a store, a handler or a second package copy must not turn a failure
 * into a 2xx (the provider would then drop an event nobody handled).
 */
import { describe, expect, it } from 'vitest';
import { errorReply, memoryStore, processOnce, statusOf } from '../src/index';
import { testEvent } from './support/test-event';

const forged = (code: string) => ({ code, httpStatus: 200, message: 'looks like ours' });

describe('statuses come from codes', () => {
  it('statusOf maps the code, ignoring httpStatus', () => {
    expect(statusOf(forged('STORE_UNAVAILABLE'))).toBe(503);
    expect(statusOf(forged('SIGNATURE_INVALID'))).toBe(401);
    expect(statusOf(new Error('plain'))).toBe(500);
    expect(statusOf(undefined)).toBe(500);
  });

  it('a store throwing an error-shaped object with httpStatus 200 answers 503', async () => {
    const inner = memoryStore();
    const store = {
      ...inner,
      claim: async () => {
        throw forged('STORE_UNAVAILABLE');
      },
    };
    let runs = 0;
    const outcome = await processOnce(store, testEvent('evt_forged'), () => {
      runs++;
    });
    expect(runs).toBe(0);
    expect(outcome.outcome).toBe('store_unavailable');
    expect(outcome.status).toBe(503);
  });

  it('errorReply never answers 2xx for a thrown error-shaped object', () => {
    const reply = errorReply(forged('PAYLOAD_INVALID'));
    expect(reply.status).toBe(422);
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: 'PAYLOAD_INVALID', message: 'The delivery was refused.' },
    });
  });
});
