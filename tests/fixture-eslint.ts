import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';

import { fixturesDir } from './rule-tester.js';

/**
 * Tests lint many different texts under one file name (`fixtures/file.ts`).
 * With `CI=true` in the environment, typescript-eslint would otherwise build
 * each `project` program once from the files on disk ("single run") and type
 * every later text of the same file without its project: no reports. The
 * RuleTester turns this inference off the same way.
 */
const notSingleRun: Linter.ParserOptions = { disallowAutomaticSingleRunInference: true };

/** The fixture project's typed parser setup, as every real-ESLint test uses it. */
export const typedFixtureParserOptions: Linter.ParserOptions = {
  ...notSingleRun,
  project: './tsconfig.json',
  tsconfigRootDir: fixturesDir,
};

/**
 * A real `ESLint` on the fixture project: typescript-eslint's parser with
 * type information (by default from `fixtures/tsconfig.json`), then the
 * given configs (plugins and rules).
 */
export function createFixtureESLint(options: {
  configs: Linter.Config[];
  fix?: boolean;
  parserOptions?: Linter.ParserOptions;
}): ESLint {
  return new ESLint({
    cwd: fixturesDir,
    overrideConfigFile: true,
    fix: options.fix ?? false,
    overrideConfig: [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js'],
        languageOptions: { parser: tsParser, parserOptions: { ...(options.parserOptions ?? typedFixtureParserOptions), ...notSingleRun } },
      },
      ...options.configs,
    ],
  });
}
