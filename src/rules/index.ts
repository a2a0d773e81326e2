import noNeedlessAsync from './no-needless-async.js';
import noTrivialAwait from './no-trivial-await.js';

/** Every rule of the plugin by id, sorted; `tests/plugin.test.ts` checks it against `src/rules/`. */
export const rules = {
  'no-needless-async': noNeedlessAsync,
  'no-trivial-await': noTrivialAwait,
};
