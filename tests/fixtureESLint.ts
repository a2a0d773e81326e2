import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';

import { fixturesDir } from './ruleTester.js';

/** The fixture project's typed parser setup, as every real-ESLint test uses it. */
export const typedFixtureParserOptions: Linter.ParserOptions = {
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
        languageOptions: { parser: tsParser, parserOptions: options.parserOptions ?? typedFixtureParserOptions },
      },
      ...options.configs,
    ],
  });
}
