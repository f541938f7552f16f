/**
 * A hooklatch reply in the result shape the event's source reads: API Gateway (both payload
 * versions) and function URLs take `statusCode`, `headers` and `body`; an ALB also needs
 * `statusDescription`, and `multiValueHeaders` instead of `headers` when the target group has
 * multi-value headers on (it ignores `headers` then, Retry-After included).
 */
import type { WebhookReply } from '@hooklatch/core';
import type { LambdaEventFormat } from './event-format';

/**
 * What the handler returns; assignable to `APIGatewayProxyResult`,
 * `APIGatewayProxyStructuredResultV2` and `ALBResult`.
 */
export interface LambdaHttpResult {
  statusCode: number;
  /** ALB only: the status code and reason phrase, e.g. `409 Conflict`. */
  statusDescription?: string;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  body: string;
  /** Always false: replies are JSON text. */
  isBase64Encoded: boolean;
}

/** Reason phrases of the statuses a hooklatch reply can have (RFC 9110 wording). */
const REASONS: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusDescription(status: number): string {
  const fallback = status < 400 ? 'OK' : status < 500 ? 'Client Error' : 'Server Error';
  return `${status} ${REASONS[status] ?? fallback}`;
}

/**
 * The Lambda result for `reply`, shaped for `format` (see `lambdaEventFormat`).
 *
 * @example
 * return lambdaResult(lambdaEventFormat(event), await handleWebhook(lambdaDelivery(event), options));
 */
export function lambdaResult(format: LambdaEventFormat, reply: WebhookReply): LambdaHttpResult {
  const base = { statusCode: reply.status, body: reply.body, isBase64Encoded: false };
  if (format === 'v1' || format === 'v2') return { ...base, headers: { ...reply.headers } };
  const alb = { ...base, statusDescription: statusDescription(reply.status) };
  if (format === 'alb') return { ...alb, headers: { ...reply.headers } };
  const multiValueHeaders = Object.fromEntries(
    Object.entries(reply.headers).map(([name, value]) => [name, [value]]),
  );
  return { ...alb, multiValueHeaders };
}
