/** Whether the `redis-server` binary is installed (services.sh installs it with the server). */
import { execFileSync } from 'node:child_process';

export const hasRedisServer = (() => {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
