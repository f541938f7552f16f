/**
 * `router()`: one handler for every event type of a provider, dispatching on `event.type` to
 * routes typed by that type, with a fallback for the rest. Routing happens inside the claimed
 * handler, so every route keeps the exactly-once guarantee of the call it is passed to.
 */
import type { WebhookEvent } from '../event';
import { optionInvalid } from '../kit/options';
import type { EventHandler, HandlerContext } from '../process/types';
import type {
  EventTypeOf,
  FallbackHandler,
  RouterEvents,
  Unrouted,
  WebhookRouter,
} from './router-types';

/** Options of {@link router}. */
export interface RouterOptions<E extends WebhookEvent = WebhookEvent> {
  /**
   * The event types the adapter declares, e.g. `[...STRIPE_EVENT_TYPES,
   * ...STRIPE_THIN_EVENT_TYPES]`: the fallback gets `known: false` for a type outside it (one
   * newer than the adapter). Types are erased at run time, so without this list every type
   * counts as known.
   * @default none (every type is known)
   */
  types?: Iterable<EventTypeOf<E>>;
}

type AnyHandler = EventHandler<WebhookEvent, unknown>;
type AnyFallback = FallbackHandler<WebhookEvent, unknown>;

interface RouteTable {
  readonly routes: ReadonlyMap<string, AnyHandler>;
  readonly fallback: AnyFallback | undefined;
  readonly known: ReadonlySet<string> | undefined;
}

function knownTypes(types: unknown): ReadonlySet<string> | undefined {
  if (types === undefined) return undefined;
  const valid =
    typeof types === 'object' &&
    types !== null &&
    typeof (types as Iterable<unknown>)[Symbol.iterator] === 'function';
  const set = valid ? new Set<unknown>(types as Iterable<unknown>) : undefined;
  if (set === undefined || [...set].some((t) => typeof t !== 'string')) {
    throw optionInvalid('router', 'types', 'must be an iterable of event type names');
  }
  return set as Set<string>;
}

function routeTypes(type: unknown, table: RouteTable): string[] {
  const types = Array.isArray(type) ? [...type] : [type];
  if (types.length === 0 || types.some((t) => typeof t !== 'string' || t === '')) {
    throw optionInvalid('router', 'on', 'takes an event type name or a non-empty array of them');
  }
  const names = types as string[];
  const taken = names.find((t, i) => table.routes.has(t) || names.indexOf(t) !== i);
  if (taken !== undefined) {
    throw optionInvalid('router', 'on', `already routes "${taken}"; route each type once`);
  }
  return names;
}

function dispatch(table: RouteTable, event: WebhookEvent, context: HandlerContext) {
  const type: unknown = event?.type;
  const route = typeof type === 'string' ? table.routes.get(type) : undefined;
  if (route !== undefined) return route(event, context);
  if (table.fallback === undefined) return undefined;
  const known = typeof type === 'string' && (table.known?.has(type) ?? true);
  const unrouted = { known, type: typeof type === 'string' ? type : '', event } as Unrouted<
    typeof event
  >;
  return table.fallback(unrouted, context);
}

function build(table: RouteTable): WebhookRouter<WebhookEvent, WebhookEvent, unknown, unknown> {
  // async: a route that throws synchronously still rejects, as every handler result may.
  const handle = async (event: WebhookEvent, context: HandlerContext) =>
    dispatch(table, event, context);
  return Object.assign(handle, {
    routes: Object.freeze([...table.routes.keys()]),
    on(type: unknown, handler: unknown) {
      const names = routeTypes(type, table);
      if (typeof handler !== 'function') {
        throw optionInvalid('router', 'on', 'needs a handler function');
      }
      const routes = new Map(table.routes);
      for (const name of names) routes.set(name, handler as AnyHandler);
      return build({ ...table, routes });
    },
    fallback(handler: unknown) {
      if (typeof handler !== 'function') {
        throw optionInvalid('router', 'fallback', 'must be a function');
      }
      if (table.fallback !== undefined) {
        throw optionInvalid('router', 'fallback', 'is already set; set it once');
      }
      return build({ ...table, fallback: handler as AnyFallback });
    },
  }) as unknown as WebhookRouter<WebhookEvent, WebhookEvent, unknown, unknown>;
}

/**
 * Make an event router for an adapter (`router<typeof adapter>()`) or an event union
 * (`router<StripeEvent>()`). Each `.on()` returns a new router, so a partly built one can be
 * shared and extended. Bad arguments are CONFIG_INVALID when the router is built, not when the
 * first delivery arrives.
 *
 * @example
 * const handler = router<typeof adapter>({ types: STRIPE_EVENT_TYPES })
 *   .on('payment_intent.succeeded', (event) => fulfil(event.payload.data.object.id))
 *   .fallback(({ known, type }) => { if (!known) console.warn('new event type', type); });
 * await handleWebhook(request, { adapter, store, handler });
 */
export function router<T>(
  options: RouterOptions<RouterEvents<T>> = {},
): WebhookRouter<RouterEvents<T>, RouterEvents<T>, never> {
  if (options === null || typeof options !== 'object') {
    throw optionInvalid('router', 'options', 'must be an object');
  }
  const table: RouteTable = {
    routes: new Map(),
    fallback: undefined,
    known: knownTypes(options.types),
  };
  return build(table) as unknown as WebhookRouter<RouterEvents<T>, RouterEvents<T>, never>;
}
