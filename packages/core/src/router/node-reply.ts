/**
 * `handleNodeRequest`: the whole route for frameworks built on Node's request and response
 * (Express, Next.js's pages router, Nest): find the body, handle the delivery, write the
 * answer. Typed structurally, so core imports nothing from Node.
 */
import type { WebhookAdapter, WebhookEvent } from '../event';
import type { HandledWebhook, HandleWebhookOptions } from '../handle-webhook';
import { handleWebhookInput } from './handle-webhook-input';
import {
  type BodyConsumedHint,
  type FrameworkNodeRequest,
  nodeRequestInput,
} from './request-input';

/** The part of Node's `ServerResponse` a reply is written with. */
export interface NodeResponseLike {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): { end(body: string): unknown };
}

/**
 * Handle `req` (see `nodeRequestInput`) and write the reply to `res`, unless something else
 * answered first (a timeout middleware). Never throws; resolves to what was answered.
 */
export async function handleNodeRequest<A extends WebhookAdapter<WebhookEvent>, R>(
  req: FrameworkNodeRequest,
  res: NodeResponseLike,
  options: HandleWebhookOptions<A, R>,
  hint: BodyConsumedHint,
): Promise<HandledWebhook<R>> {
  const reply = await handleWebhookInput(() => nodeRequestInput(req, hint), options, req.method);
  if (!res.headersSent) res.writeHead(reply.status, reply.headers).end(reply.body);
  return reply;
}
