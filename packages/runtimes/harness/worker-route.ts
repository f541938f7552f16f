/** The workerd entry without `nodejs_compat`: the test routes only, Web APIs only. */
import { testApp } from './app';

const app = testApp();

export default {
  fetch: (request: Request): Promise<Response> => app(request),
};
