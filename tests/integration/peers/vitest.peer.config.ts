/**
 * Runs the rule tests and the packed-package test against the peer installed in
 * `$ASYNC_MISUSE_PEER_PREFIX` (ESLint 9 or TypeScript 5.4, by `scripts/test-peer.sh`) instead of the
 * repository's own copy, plus the peer's own check file (`<peer>.check.ts`).
 * - `import`s that vitest transforms (tests, src) resolve the peer through the plugin below;
 * - CommonJS `require`s and native `import`s of other packages through `redirect-peer.ts`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

import baseConfig from '../../../vitest.config.js';
import { isPeerRequest, peerFromEnv } from './peer-prefix.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const peer = peerFromEnv();
const requireFromPrefix = createRequire(path.join(peer.prefix, 'noop.js'));

export default defineConfig({
  ...baseConfig,
  root: repoRoot,
  plugins: [
    {
      name: 'async-misuse:peer-from-prefix',
      enforce: 'pre',
      resolveId: (source) => (isPeerRequest(peer.name, source) ? requireFromPrefix.resolve(source) : null),
    },
  ],
  test: {
    ...baseConfig.test,
    include: ['tests/rules/**/*.test.ts', 'tests/integration/packed-package.test.ts', `tests/integration/peers/${peer.name}.check.ts`],
    setupFiles: [path.join(here, 'redirect-peer.ts'), ...[baseConfig.test?.setupFiles ?? []].flat()],
  },
});
