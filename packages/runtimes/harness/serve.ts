/**
 * The Deno and Bun entry: serve the test routes on a free loopback port and print
 * `listening <port>` once ready. `GET /conformance` loads the adapter checks on demand, so a
 * run against the published builds (which never asks for it) does not load the test kit.
 */
import { testApp } from './app';

interface DenoLike {
  serve(
    options: { hostname: string; port: number; onListen(addr: { port: number }): void },
    handler: (request: Request) => Promise<Response>,
  ): unknown;
}
interface BunLike {
  serve(options: {
    hostname: string;
    port: number;
    fetch: (request: Request) => Promise<Response>;
  }): { port: number };
}

const app = testApp();

async function handle(request: Request): Promise<Response> {
  if (new URL(request.url).pathname === '/conformance') {
    const { runConformance } = await import('./conformance');
    return Response.json(await runConformance());
  }
  return app(request);
}

const runtime = globalThis as { Deno?: DenoLike; Bun?: BunLike };
if (runtime.Deno) {
  runtime.Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => console.log(`listening ${port}`) },
    handle,
  );
} else if (runtime.Bun) {
  const server = runtime.Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: handle });
  console.log(`listening ${server.port}`);
} else {
  throw new Error('serve.ts runs under Deno or Bun.');
}
