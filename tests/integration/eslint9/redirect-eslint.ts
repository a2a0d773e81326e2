/**
 * Setup file (first in `setupFiles`) for the ESLint 9 run: makes every CommonJS `require('eslint')`
 * and `require('eslint/…')` in the worker load the ESLint installed in `ASYNC_MISUSE_ESLINT_PREFIX`.
 * `@typescript-eslint/rule-tester` and `@typescript-eslint/utils` are CommonJS and require ESLint
 * themselves, so vitest's `resolve` (which only sees `import`s it transforms) cannot reach them,
 * and `NODE_PATH` loses to the repository's own `node_modules/eslint`.
 */
import Module from 'node:module';

import { eslintPrefixFromEnv, isEslintRequest } from './eslint-prefix.js';

const prefix = eslintPrefixFromEnv();

interface ModuleWithResolver {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options: unknown): string;
}
const moduleInternals = Module as unknown as ModuleWithResolver;
const resolveFilename = moduleInternals._resolveFilename.bind(Module);

// `paths` is what `require.resolve(request, { paths })` passes: look up from the prefix only.
moduleInternals._resolveFilename = (request, parent, isMain, options) =>
  resolveFilename(request, parent, isMain, isEslintRequest(request) ? { paths: [prefix] } : options);
