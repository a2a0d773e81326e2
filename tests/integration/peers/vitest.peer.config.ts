/**
 * Runs the rule tests and the packed-package test against the peers installed in
 * `$ASYNC_MISUSE_PEER_PREFIX` (ESLint 9, TypeScript 5.4 or both, by `scripts/test-peer.sh`) instead of the
 * repository's own copy, plus each peer's own check file (`<peer>.check.ts`).
 * - `import`s that vitest transforms (tests, src) resolve the peer through the plugin below;
 * - CommonJS `require`s and native `import`s of other packages through `redirect-peer.ts`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

import baseConfig from '../../../vitest.config.js';
import { findRequestedPeer, peersFromEnv } from './peer-prefix.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const peers = peersFromEnv();

export default defineConfig({
  ...baseConfig,
  root: repoRoot,
  plugins: [
    {
      name: 'async-misuse:peer-from-prefix',
      enforce: 'pre',
      resolveId: (source) => {
        const peer = findRequestedPeer(peers, source);
        return peer === undefined ? null : createRequire(path.join(peer.prefix, 'noop.js')).resolve(source);
      },
    },
  ],
  test: {
    ...baseConfig.test,
    include: ['tests/rules/**/*.test.ts', 'tests/integration/packed-package.test.ts', ...peers.map((peer) => `tests/integration/peers/${peer.name}.check.ts`)],
    setupFiles: [path.join(here, 'redirect-peer.ts'), ...[baseConfig.test?.setupFiles ?? []].flat()],
  },
});
