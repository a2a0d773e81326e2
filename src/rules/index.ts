import noNeedlessAsync from './no-needless-async.js';
import noOverlappingInterval from './no-overlapping-interval.js';
import noTrivialAwait from './no-trivial-await.js';

/** Every rule of the plugin by id, sorted; `tests/plugin.test.ts` checks it against `src/rules/`. */
export const rules = {
  'no-needless-async': noNeedlessAsync,
  'no-overlapping-interval': noOverlappingInterval,
  'no-trivial-await': noTrivialAwait,
};
