/**
 * The published builds: the `node` export condition must load node:crypto, every other runtime
 * the portable @noble/hashes build, and both must agree on the same vectors. Needs `npm run
 * build`; in CI (which builds first) a missing dist/ is a failure, locally a skip.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const built = existsSync(`${dist}index.node.js`) && existsSync(`${dist}index.js`);
if (!built && process.env.CI)
  throw new Error('packages/core/dist is missing: CI must build before testing.');

describe.skipIf(!built)('published builds', () => {
  const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
  type Main = typeof import('../src/index');
  type Kit = typeof import('../src/kit');
  const vectors = (main: Main, kit: Kit) => {
    let sharedErrors = false;
    try {
      kit.resolveSecrets({}, 'p');
    } catch (error) {
      // One error class behind both entries, so `instanceof` holds between them.
      sharedErrors = error instanceof main.HooklatchError;
    }
    return {
      backend: main.cryptoBackend(),
      sha: kit.sha256Hex('abc'),
      hmac: hex(kit.hmacSha256('Jefe', 'what do ya want for nothing?')),
      sharedErrors,
      fp: kit.fingerprint({
        provider: 'p',
        subject: 's',
        eventType: 't',
        timestamp: '2025-01-05T10:15:32Z',
        payload: { a: 1 },
      }),
    };
  };

  it('node build (ESM and CJS) uses node:crypto; portable build uses noble; same results', async () => {
    const req = createRequire(import.meta.url);
    const nodeEsm = vectors(
      await import(`${dist}index.node.js`),
      await import(`${dist}kit.node.js`),
    );
    const nodeCjs = vectors(req(`${dist}index.node.cjs`), req(`${dist}kit.node.cjs`));
    const portable = vectors(await import(`${dist}index.js`), await import(`${dist}kit.js`));
    const portableCjs = vectors(req(`${dist}index.cjs`), req(`${dist}kit.cjs`));
    expect(nodeEsm.backend).toBe('node');
    expect(nodeCjs.backend).toBe('node');
    expect(portable.backend).toBe('noble');
    expect(portableCjs.backend).toBe('noble');
    expect(nodeEsm.sha).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(nodeEsm.hmac).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(nodeEsm.sharedErrors).toBe(true);
    for (const other of [nodeCjs, portable, portableCjs]) {
      expect({ ...other, backend: 'x' }).toEqual({ ...nodeEsm, backend: 'x' });
    }
  });

  it('the package exports map selects the node build under the node condition', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const exp = pkg.exports['.'];
    expect(exp.node.import.default).toBe('./dist/index.node.js');
    expect(exp.import.default).toBe('./dist/index.js');
    expect(pkg.exports['./kit'].node.import.default).toBe('./dist/kit.node.js');
    expect(pkg.exports['./kit'].import.default).toBe('./dist/kit.js');
  });
});
