/**
 * AWS's sample events (see fixtures/README.md) carrying a webhook delivery, each in its own
 * header shape, and a JSON round trip like the one Lambda does on every invocation.
 */
import { readFileSync } from 'node:fs';
import type { LambdaEventFormat, LambdaHttpEvent } from '../../src/index';

/** The fixtures, by name, with the format each one is. */
export const FIXTURES = {
  'rest-api': 'v1',
  'http-api-v1': 'v1',
  'http-api-v2': 'v2',
  'function-url': 'v2',
  alb: 'alb',
  'alb-multi-value': 'alb-multi-value',
} as const satisfies Record<string, LambdaEventFormat>;

export type FixtureName = keyof typeof FIXTURES;

/** A fixture as Lambda parses it: a fresh object on every call. */
export function fixture(name: FixtureName): Record<string, unknown> & LambdaHttpEvent {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}.json`, import.meta.url), 'utf8'));
}

/** What the sender put on the wire. */
export interface Delivery {
  method?: string;
  headers: Record<string, string>;
  /** The body bytes; a string is UTF-8. */
  body: string | Uint8Array;
  /** Send the body base64-encoded, as a binary media type (or a non-text type on ALB) is. */
  base64?: boolean;
}

function withoutNames<T>(map: Record<string, T> | null | undefined, names: string[]) {
  const drop = new Set(names.map((name) => name.toLowerCase()));
  return Object.fromEntries(
    Object.entries(map ?? {}).filter(([name]) => !drop.has(name.toLowerCase())),
  );
}

function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** `name`'s sample event carrying `delivery`, the way its source would send it. */
export function lambdaEvent(name: FixtureName, delivery: Delivery): LambdaHttpEvent {
  const event = fixture(name);
  const method = delivery.method ?? 'POST';
  const bytes =
    typeof delivery.body === 'string' ? new TextEncoder().encode(delivery.body) : delivery.body;
  const names = Object.keys(delivery.headers);
  const format = FIXTURES[name];
  if (format === 'v2') {
    // HTTP APIs and function URLs lower-case header names.
    const lower = Object.entries(delivery.headers).map(([k, v]) => [k.toLowerCase(), v]);
    event.headers = { ...withoutNames(event.headers, names), ...Object.fromEntries(lower) };
    (event.requestContext as { http: { method: string } }).http.method = method;
  } else {
    event.httpMethod = method;
    const context = event.requestContext as Record<string, unknown>;
    if ('httpMethod' in context) context.httpMethod = method;
    const multi = Object.entries(delivery.headers).map(([k, v]) => [k, [v]]);
    if (format !== 'alb') {
      event.multiValueHeaders = {
        ...withoutNames(event.multiValueHeaders, names),
        ...Object.fromEntries(multi),
      };
    }
    if (format !== 'alb-multi-value') {
      event.headers = { ...withoutNames(event.headers, names), ...delivery.headers };
    }
  }
  event.body = delivery.base64 ? base64Of(bytes) : new TextDecoder().decode(bytes);
  event.isBase64Encoded = delivery.base64 === true;
  return JSON.parse(JSON.stringify(event));
}

/** A handler's result after Lambda serializes it. */
export function asLambdaReturns<T>(result: T): T {
  return JSON.parse(JSON.stringify(result));
}

/** A header of a result, whatever its shape (`headers` or `multiValueHeaders`). */
export function resultHeader(
  result: { headers?: Record<string, string>; multiValueHeaders?: Record<string, string[]> },
  name: string,
): string | undefined {
  const single = result.headers?.[name];
  if (single !== undefined) return single;
  const values = result.multiValueHeaders?.[name];
  return values?.join(', ');
}
