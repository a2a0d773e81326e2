import fs from 'node:fs';
import path from 'node:path';

/** `eslint` or one of its subpaths (`eslint/use-at-your-own-risk`), not `eslint-scope` and friends. */
export function isEslintRequest(request: string): boolean {
  return request === 'eslint' || request.startsWith('eslint/');
}

/** The npm prefix `scripts/test-eslint9.sh` installed ESLint 9 into. */
export function eslintPrefixFromEnv(): string {
  const prefix = process.env['ASYNC_MISUSE_ESLINT_PREFIX'];
  if (prefix === undefined || !fs.existsSync(path.join(prefix, 'node_modules', 'eslint', 'package.json'))) {
    throw new Error('ASYNC_MISUSE_ESLINT_PREFIX must name an npm prefix with eslint installed: run scripts/test-eslint9.sh');
  }
  return prefix;
}
