/** The `subject` of a Shopify event: `<shop domain>/<resource>/<id>`. */
import type { ShopifyEnvelope } from './payloads';

/**
 * `shop.myshopify.com/orders/450789469`: the topic's resource plus the payload's `id`, so the
 * same numeric ID of an order and a product never collide. Inventory levels have no `id` and
 * are keyed `<inventory_item_id>@<location_id>`; a payload without either is the shop itself.
 */
export function shopifySubject(
  shopDomain: string,
  topic: string,
  payload: ShopifyEnvelope,
): string {
  const resource = topic.split('/')[0] ?? topic;
  const { id, inventory_item_id: item, location_id: location } = payload as Record<string, unknown>;
  if (typeof id === 'number' || (typeof id === 'string' && id !== '')) {
    return `${shopDomain}/${resource}/${id}`;
  }
  if (typeof item === 'number' && typeof location === 'number') {
    return `${shopDomain}/${resource}/${item}@${location}`;
  }
  return shopDomain;
}
