// The peers' async rules the benchmarks compare against (issue 18's list):
// typescript-eslint, ESLint core, eslint-plugin-promise and eslint-plugin-n.
export const peerRules = {
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/require-await': 'error',
  '@typescript-eslint/return-await': 'error',
  '@typescript-eslint/promise-function-async': 'error',
  'no-await-in-loop': 'error',
  'require-atomic-updates': 'error',
  'max-nested-callbacks': 'error',
  'promise/no-nesting': 'error',
  'promise/prefer-await-to-callbacks': 'error',
  'promise/no-callback-in-promise': 'error',
  'n/no-sync': 'error',
  'n/handle-callback-err': 'error',
};
