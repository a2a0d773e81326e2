import { ESLint } from 'eslint';

import { TYPESCRIPT_FILE_GLOBS } from './typescript-files.js';

export type IgnoreFilter = (filePath: string) => Promise<boolean>;

/**
 * Answers "does the project's own `eslint.config.*` ignore this file?" by
 * asking ESLint with the user's config. Its other settings play no part: the
 * extra config object only makes every TypeScript file count as configured, so
 * `isPathIgnored` answers for the global `ignores` alone.
 *
 * A config that cannot be loaded (a missing plugin, a `.ts` config without
 * jiti) is reported once on `warn` and then treated as ignoring nothing.
 */
export function createUserIgnoreFilter(cwd: string, warn: (message: string) => void): IgnoreFilter {
  const eslint = new ESLint({ cwd, overrideConfig: [{ files: TYPESCRIPT_FILE_GLOBS, rules: {} }] });
  let broken = false;
  return async (filePath) => {
    if (broken) return false;
    try {
      if ((await eslint.findConfigFile(filePath)) === undefined) return false;
      return await eslint.isPathIgnored(filePath);
    } catch (error) {
      broken = true;
      const reason = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      warn(`the project's ESLint config could not be loaded, so its ignores are not applied: ${reason}`);
      return false;
    }
  };
}
