/**
 * The workerd entry with `nodejs_compat`: the test routes plus `GET /conformance`, which runs the
 * adapter checks in the isolate (they use node:assert and node:stream).
 */
import { testApp } from './app';
import { runConformance } from './conformance';

const app = testApp();

export default {
  async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === '/conformance') {
      return Response.json(await runConformance());
    }
    return app(request);
  },
};
