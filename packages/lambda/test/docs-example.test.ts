import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asLambdaReturns, lambdaEvent } from './support/events';
import { paymentEvent, SECRET, stripeDelivery } from './support/route';

const docs = new URL('../../../docs/integrations/lambda.md', import.meta.url);
const example = new URL('./support/docs-example.ts', import.meta.url);

describe('docs/integrations/lambda.md example', () => {
  it('is the tested example file, verbatim', () => {
    const block = readFileSync(docs, 'utf8').match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toBe(readFileSync(example, 'utf8'));
  });

  it('fulfils a payment once behind an HTTP API and answers the retry as a duplicate', async () => {
    process.env.STRIPE_WEBHOOK_SECRET = SECRET;
    const { handler, fulfilled } = await import('./support/docs-example');
    const event = () => lambdaEvent('http-api-v2', stripeDelivery(paymentEvent('evt_docs_1')));
    expect(asLambdaReturns(await handler(event()))).toMatchObject({ statusCode: 200 });
    const again = asLambdaReturns(await handler(event()));
    expect(JSON.parse(again.body)).toEqual({ outcome: 'duplicate' });
    expect(fulfilled).toEqual(['pi_lambda_1']);
  });
});
