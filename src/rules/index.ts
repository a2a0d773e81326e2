import noConcurrentDependentWrites from './no-concurrent-dependent-writes.js';
import noNeedlessAsync from './no-needless-async.js';
import noNeedlessAsyncLoop from './no-needless-async-loop.js';
import noOverlappingInterval from './no-overlapping-interval.js';
import noParallelSingleConnection from './no-parallel-single-connection.js';
import noSyncIoInAsync from './no-sync-io-in-async.js';
import noTrivialAwait from './no-trivial-await.js';

/** Every rule of the plugin by id, sorted; `tests/plugin.test.ts` checks it against `src/rules/`. */
export const rules = {
  'no-concurrent-dependent-writes': noConcurrentDependentWrites,
  'no-needless-async': noNeedlessAsync,
  'no-needless-async-loop': noNeedlessAsyncLoop,
  'no-overlapping-interval': noOverlappingInterval,
  'no-parallel-single-connection': noParallelSingleConnection,
  'no-sync-io-in-async': noSyncIoInAsync,
  'no-trivial-await': noTrivialAwait,
};
