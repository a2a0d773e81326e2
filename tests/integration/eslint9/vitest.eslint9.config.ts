/**
 * Runs the rule tests against the ESLint installed in `$ASYNC_MISUSE_ESLINT_PREFIX` (ESLint 9 by
 * `scripts/test-eslint9.sh`) instead of the repository's own ESLint.
 * - `import`s that vitest transforms (tests, src) resolve `eslint` through the plugin below;
 * - CommonJS `require`s (typescript-eslint's packages) through `redirect-eslint.ts`.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

import baseConfig from '../../../vitest.config.js';
import { eslintPrefixFromEnv, isEslintRequest } from './eslint-prefix.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..', '..');
const requireFromPrefix = createRequire(path.join(eslintPrefixFromEnv(), 'noop.js'));

export default defineConfig({
  ...baseConfig,
  root: repoRoot,
  plugins: [
    {
      name: 'async-misuse:eslint-from-prefix',
      enforce: 'pre',
      resolveId: (source) => (isEslintRequest(source) ? requireFromPrefix.resolve(source) : null),
    },
  ],
  test: {
    ...baseConfig.test,
    include: ['tests/rules/**/*.test.ts', 'tests/integration/eslint9/*.check.ts'],
    setupFiles: [path.join(here, 'redirect-eslint.ts'), ...[baseConfig.test?.setupFiles ?? []].flat()],
  },
});
