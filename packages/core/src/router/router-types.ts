/**
 * The types of the event router: which events a route receives, which remain unrouted, and the
 * router's own callable shape. Computed per union member, so a member whose `type` is a union of
 * names (Stripe's envelope-only events) or plain `string` (an untyped adapter) narrows too.
 */
import type { EventOf, WebhookAdapter, WebhookEvent } from '../event';
import type { EventHandler, HandlerContext } from '../process/types';

/** The events routed by `router<T>()`: `T` is an adapter type (`typeof adapter`) or an event union. */
export type RouterEvents<T> =
  T extends WebhookAdapter<WebhookEvent> ? EventOf<T> : T extends WebhookEvent ? T : never;

/** The `type` names of an event union. */
export type EventTypeOf<E> = E extends { readonly type: infer U extends string } ? U : never;

/**
 * The members of `E` whose type is one of `T`, each narrowed to those names: what a route for
 * `T` receives. A member named exactly by `T` is kept as is.
 */
export type RoutedEvent<E, T extends string> = E extends { readonly type: infer U extends string }
  ? [Extract<T, U>] extends [never]
    ? never
    : [U] extends [Extract<T, U>]
      ? E
      : E & { readonly type: Extract<T, U> }
  : never;

/** The members of `E` left once `T` is routed (a `string`-typed member always stays). */
export type UnroutedEvent<E, T extends string> = E extends {
  readonly type: infer U extends string;
}
  ? [Exclude<U, T>] extends [never]
    ? never
    : [U] extends [Exclude<U, T>]
      ? E
      : E & { readonly type: Exclude<U, T> }
  : never;

/**
 * What the fallback receives: an event of a type in the adapter's union that has no route
 * (`known: true`, typed as what is left of the union), or one of a type outside the router's
 * `types` list (`known: false`: a type newer than the adapter, typed loosely).
 */
export type Unrouted<E> =
  | { readonly known: true; readonly type: EventTypeOf<E>; readonly event: E }
  | { readonly known: false; readonly type: string; readonly event: WebhookEvent<string, unknown> };

/** The fallback: runs for every event without a route. */
export type FallbackHandler<E, R> = (
  unrouted: Unrouted<E>,
  context: HandlerContext,
) => R | Promise<R>;

/**
 * A typed event router. It is itself an event handler (pass it as `handler` to `handleWebhook`,
 * `processOnce` or any integration), so one route serves every event type of a provider.
 *
 * @typeParam E - every event the router accepts
 * @typeParam Rest - the events that have no route yet
 * @typeParam R - what the routes and the fallback return
 * @typeParam D - what an unrouted event resolves to: `undefined` until a fallback is set
 */
export interface WebhookRouter<E extends WebhookEvent, Rest extends E, R, D = undefined> {
  (event: E, context: HandlerContext): Promise<R | D>;
  /**
   * Route one type, or several, to `handler`, which receives the event narrowed to them. A type
   * routed twice is CONFIG_INVALID (and a type error when the union names it).
   * @returns a new router; this one is left unchanged
   */
  on<T extends EventTypeOf<Rest>, R2>(
    type: T | readonly T[],
    handler: EventHandler<RoutedEvent<Rest, T>, R2>,
  ): WebhookRouter<E, UnroutedEvent<Rest, T>, R | R2, D>;
  /**
   * Handle every event without a route; `unrouted.known` tells the adapter's types from
   * unknown ones. Without a fallback such events resolve to `undefined` (answered 200 and
   * recorded, so the provider stops resending them).
   */
  fallback<R2>(handler: FallbackHandler<Rest, R2>): WebhookRouter<E, never, R | R2, never>;
  /** The routed types, in the order they were added. */
  readonly routes: readonly string[];
}
