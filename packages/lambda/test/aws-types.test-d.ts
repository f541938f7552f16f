/**
 * The handler fits the `aws-lambda` handler types users annotate with, both ways: AWS's event
 * types are accepted as input, and the result is what each source's result type asks for.
 */
import { memoryStore } from '@hooklatch/core';
import { stripe } from '@hooklatch/stripe';
import type {
  ALBEvent,
  ALBHandler,
  APIGatewayProxyEvent,
  APIGatewayProxyEventV2,
  APIGatewayProxyHandler,
  APIGatewayProxyHandlerV2,
  LambdaFunctionURLEvent,
  LambdaFunctionURLHandler,
} from 'aws-lambda';
import { expectTypeOf, test } from 'vitest';
import { type LambdaHttpEvent, lambdaHandler } from '../src/index';

const handler = lambdaHandler({
  adapter: stripe({ secret: 'whsec_x' }),
  store: memoryStore(),
  handler: () => {},
});

test('assignable to every HTTP handler type of aws-lambda', () => {
  const rest: APIGatewayProxyHandler = handler;
  const http: APIGatewayProxyHandlerV2 = handler;
  const url: LambdaFunctionURLHandler = handler;
  const alb: ALBHandler = handler;
  expectTypeOf([rest, http, url, alb]).toBeArray();
});

test('aws-lambda events are LambdaHttpEvents', () => {
  const events: LambdaHttpEvent[] = [
    {} as APIGatewayProxyEvent,
    {} as APIGatewayProxyEventV2,
    {} as LambdaFunctionURLEvent,
    {} as ALBEvent,
  ];
  expectTypeOf(events).toBeArray();
});
