/**
 * The few Deno and Bun globals the examples use, so `tsc` checks them here without either
 * runtime's type package (Deno ships its types in its binary; a Bun project has @types/bun).
 */
declare namespace Deno {
  const env: { get(name: string): string | undefined };
  function serve(
    options: { port?: number; hostname?: string },
    handler: (request: Request) => Response | Promise<Response>,
  ): unknown;
}

declare namespace Bun {
  const env: Record<string, string | undefined>;
  function serve(options: {
    port?: number;
    hostname?: string;
    fetch: (request: Request) => Response | Promise<Response>;
  }): { port: number; url: URL };
}
