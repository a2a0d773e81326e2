import noNeedlessAsync from './no-needless-async.js';
import noNeedlessAsyncLoop from './no-needless-async-loop.js';
import noOverlappingInterval from './no-overlapping-interval.js';
import noSyncIoInAsync from './no-sync-io-in-async.js';
import noTrivialAwait from './no-trivial-await.js';
import preferConcurrentAwaits from './prefer-concurrent-awaits.js';

/** Every rule of the plugin by id, sorted; `tests/plugin.test.ts` checks it against `src/rules/`. */
export const rules = {
  'no-needless-async': noNeedlessAsync,
  'no-needless-async-loop': noNeedlessAsyncLoop,
  'no-overlapping-interval': noOverlappingInterval,
  'no-sync-io-in-async': noSyncIoInAsync,
  'no-trivial-await': noTrivialAwait,
  'prefer-concurrent-awaits': preferConcurrentAwaits,
};
