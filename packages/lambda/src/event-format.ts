/**
 * The HTTP event shapes Lambda receives, typed structurally (no dependency on `aws-lambda`
 * types: `APIGatewayProxyEvent`, `APIGatewayProxyEventV2` and `ALBEvent` are all assignable),
 * and which of them an event is.
 */
import { ConfigurationError } from '@hooklatch/core';

/**
 * An HTTP-triggered Lambda event: API Gateway REST API or HTTP API payload 1.0, HTTP API payload
 * 2.0 or a function URL, or an Application Load Balancer target group.
 */
export interface LambdaHttpEvent {
  /** `'2.0'` for HTTP APIs (payload 2.0) and function URLs, `'1.0'` or absent otherwise. */
  version?: string | undefined;
  /** REST API, payload 1.0 and ALB. */
  httpMethod?: string | undefined;
  /** Single-value headers (ALB: absent when the target group has multi-value headers on). */
  headers?: Readonly<Record<string, string | undefined>> | null | undefined;
  /** Every value of every header (REST API, payload 1.0, multi-value ALB). */
  multiValueHeaders?: Readonly<Record<string, readonly string[] | undefined>> | null | undefined;
  /** Payload 2.0 moves `Cookie` headers here. */
  cookies?: readonly string[] | undefined;
  /** The body as text, or base64 when `isBase64Encoded`. */
  body?: string | null | undefined;
  isBase64Encoded?: boolean | undefined;
  requestContext?:
    | {
        /** Present on ALB events only. */
        elb?: unknown;
        /** Present on payload 2.0 events only. */
        http?: { method?: string | undefined } | undefined;
        /** API Gateway and function URLs. */
        requestId?: string | undefined;
      }
    | undefined;
}

/**
 * Which answer an event expects: `v1` (REST API, HTTP API payload 1.0), `v2` (HTTP API payload
 * 2.0, function URL), `alb` or `alb-multi-value` (a target group with multi-value headers on,
 * which must be answered with `multiValueHeaders`).
 */
export type LambdaEventFormat = 'v1' | 'v2' | 'alb' | 'alb-multi-value';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The format of `event`, or `undefined` when it is not an HTTP event at all. */
export function detectLambdaEventFormat(event: unknown): LambdaEventFormat | undefined {
  if (!isObject(event)) return undefined;
  const context = isObject(event.requestContext) ? event.requestContext : undefined;
  if (context && isObject(context.elb)) {
    return isObject(event.multiValueHeaders) && !isObject(event.headers)
      ? 'alb-multi-value'
      : 'alb';
  }
  if (event.version === '2.0' && context && isObject(context.http)) return 'v2';
  if (typeof event.httpMethod === 'string') return 'v1';
  return undefined;
}

/**
 * The format of `event`. Throws `CONFIG_INVALID` for anything else (an SQS batch, a direct
 * invoke, a custom-integration mapping template), which only a wiring mistake sends here.
 */
export function lambdaEventFormat(event: unknown): LambdaEventFormat {
  const format = detectLambdaEventFormat(event);
  if (format !== undefined) return format;
  throw new ConfigurationError(
    'CONFIG_INVALID',
    'The Lambda event is not an API Gateway (REST or HTTP API proxy integration), function URL ' +
      'or Application Load Balancer request; a webhook handler must be wired to one of them.',
  );
}
