import handleCallbackError from './handle-callback-error.js';
import noCallbackPyramid from './no-callback-pyramid.js';
import noConcurrentDependentWrites from './no-concurrent-dependent-writes.js';
import noLostUpdate from './no-lost-update.js';
import noNeedlessAsync from './no-needless-async.js';
import noNeedlessAsyncLoop from './no-needless-async-loop.js';
import noOverlappingInterval from './no-overlapping-interval.js';
import noParallelSingleConnection from './no-parallel-single-connection.js';
import noPrematureAsyncRead from './no-premature-async-read.js';
import noSyncIoInAsync from './no-sync-io-in-async.js';
import noTrivialAwait from './no-trivial-await.js';
import preferConcurrentAwaits from './prefer-concurrent-awaits.js';

/** Every rule of the plugin by id, sorted; `tests/plugin.test.ts` checks it against `src/rules/`. */
export const rules = {
  'handle-callback-error': handleCallbackError,
  'no-callback-pyramid': noCallbackPyramid,
  'no-concurrent-dependent-writes': noConcurrentDependentWrites,
  'no-lost-update': noLostUpdate,
  'no-needless-async': noNeedlessAsync,
  'no-needless-async-loop': noNeedlessAsyncLoop,
  'no-overlapping-interval': noOverlappingInterval,
  'no-parallel-single-connection': noParallelSingleConnection,
  'no-premature-async-read': noPrematureAsyncRead,
  'no-sync-io-in-async': noSyncIoInAsync,
  'no-trivial-await': noTrivialAwait,
  'prefer-concurrent-awaits': preferConcurrentAwaits,
};
