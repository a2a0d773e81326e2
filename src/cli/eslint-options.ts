/**
 * ESLint options module (`ESLint.fromOptionsModule`): imported by the main
 * thread and by each worker thread, with the settings in its URL's query.
 */
import * as parser from '@typescript-eslint/parser';
import type { ESLint, Linter } from 'eslint';

import plugin from '../index.js';
import { TYPESCRIPT_FILE_GLOBS } from './typescript-files.js';
import { readSettingsFromModuleUrl } from './lint-settings.js';

const settings = readSettingsFromModuleUrl(import.meta.url);

const parserOptions: Linter.ParserOptions =
  settings.explicitTsconfig === undefined
    ? { projectService: true, tsconfigRootDir: settings.tsconfigRootDir }
    : {
        project: [settings.explicitTsconfig],
        tsconfigRootDir: settings.tsconfigRootDir,
        // Under CI=true typescript-eslint builds a `project` program once from disk ("single run") and
        // types the later passes of a fix without the project; `--fix-dry-run` is not seen as a fix there.
        disallowAutomaticSingleRunInference: settings.fix,
      };

const options: ESLint.Options = {
  cwd: settings.cwd,
  overrideConfigFile: true,
  overrideConfig: [
    {
      name: 'async-misuse/cli',
      files: TYPESCRIPT_FILE_GLOBS,
      languageOptions: { parser, parserOptions },
      plugins: { 'async-misuse': plugin },
      // Only our rules run, so a directive for anyone else's rule would look unused.
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      rules: settings.rules,
    },
  ],
  // The command passes the exact files to lint.
  globInputPaths: false,
  errorOnUnmatchedPattern: false,
  fix: settings.fix,
  cache: settings.cache,
  cacheLocation: settings.cacheLocation,
  cacheStrategy: 'content',
  concurrency: settings.concurrency,
};

export default options;
