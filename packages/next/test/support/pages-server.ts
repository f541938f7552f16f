/**
 * A node:http server on 127.0.0.1 that runs one pages/api route module through Next's own
 * `apiResolver`, the function `next start` runs API routes with (body parser and `config`
 * handling included).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiResolver } from 'next/dist/server/api-utils/node/api-resolver.js';
import { httpTarget, type ProofTarget } from '../../../express/test/support/integration-proof';

/** A pages/api route module: the default export, and Next's optional `config`. */
export interface PagesModule {
  default: (req: IncomingMessage, res: ServerResponse) => unknown;
  config?: unknown;
}

/** Serve `route` at `path`. */
export async function pagesTarget(
  route: PagesModule,
  path = '/api/webhooks',
): Promise<ProofTarget> {
  const context = {
    previewModeId: 'test',
    previewModeEncryptionKey: 'test',
    previewModeSigningKey: 'test',
    dev: false,
  };
  const server = createServer((req, res) => {
    void apiResolver(req, res, {}, route, context, false, false, path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return httpTarget(base, close, path);
}
