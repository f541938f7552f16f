/** The smallest real Worker with core + the Standard Webhooks adapter, for the size budget. */
import { handleWebhook, memoryStore, replyResponse } from '@hooklatch/core';
import { standardWebhooks } from '@hooklatch/standard-webhooks';

const store = memoryStore();

export default {
  async fetch(request: Request, env: { WEBHOOK_SECRET: string }): Promise<Response> {
    const adapter = standardWebhooks({ secret: env.WEBHOOK_SECRET });
    return replyResponse(await handleWebhook(request, { adapter, store, handler: () => {} }));
  },
};
