/**
 * Setup file (first in `setupFiles`) for a peer run: makes every load of the peers under test
 * (`eslint`, `typescript` or both, and their subpaths) in the worker come from `ASYNC_MISUSE_PEER_PREFIX`.
 * - CommonJS `require`s (`@typescript-eslint/rule-tester`, `@typescript-eslint/utils`,
 *   typescript-estree…) through `Module._resolveFilename`: vitest's `resolve` only sees the
 *   `import`s it transforms, and `NODE_PATH` loses to the repository's own `node_modules`.
 * - Native ESM `import`s of packages vitest does not transform (`ts-api-utils` imports
 *   `typescript`) through a `module.register` resolve hook (`redirect-peer-hooks.mjs`).
 */
import Module, { register } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { findRequestedPeer, peersFromEnv } from './peer-prefix.js';

const peers = peersFromEnv();

interface ModuleWithResolver {
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options: unknown): string;
}
const moduleInternals = Module as unknown as ModuleWithResolver;
const resolveFilename = moduleInternals._resolveFilename.bind(Module);

// `paths` is what `require.resolve(request, { paths })` passes: look up from the prefix only.
moduleInternals._resolveFilename = (request, parent, isMain, options) => {
  const peer = findRequestedPeer(peers, request);
  return resolveFilename(request, parent, isMain, peer === undefined ? options : { paths: [peer.prefix] });
};

register('./redirect-peer-hooks.mjs', import.meta.url, {
  data: peers.map((peer) => ({ name: peer.name, parentURL: pathToFileURL(path.join(peer.prefix, 'noop.js')).href })),
});
