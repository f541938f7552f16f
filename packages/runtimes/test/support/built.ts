/**
 * Whether the published builds exist. CI runs `npm run build` before the tests, so there a
 * missing dist/ is a failure; locally the suites that need it are skipped
 * (`npx turbo run build --filter=@hooklatch/core --filter=@hooklatch/stripe
 * --filter=@hooklatch/standard-webhooks` builds them).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const packages = fileURLToPath(new URL('../../../', import.meta.url));

/** The built entry files the runtime suites load through the package exports. */
export const BUILT_FILES = [
  'core/dist/index.js',
  'core/dist/index.node.js',
  'stripe/dist/index.js',
  'standard-webhooks/dist/index.js',
].map((file) => `${packages}${file}`);

/** True when every built file is there; throws in CI when one is missing. */
export function builtPackages(): boolean {
  const missing = BUILT_FILES.filter((file) => !existsSync(file));
  if (missing.length > 0 && process.env.CI) {
    throw new Error(`Not built: ${missing.join(', ')}. CI must run npm run build first.`);
  }
  return missing.length === 0;
}
