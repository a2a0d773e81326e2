import eslintPlugin from 'eslint-plugin-eslint-plugin';
import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

import asyncMisuse from './src/index.js';

export default defineConfig(
  {
    ignores: ['dist/', 'coverage/', 'node_modules/', 'tests/fixtures/', 'examples/', 'docs/', 'bench/corpus/'],
  },
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  // Our own rules on our own source: we ship what we would accept.
  asyncMisuse.configs.strict,
  {
    files: ['src/rules/*.ts'],
    ...eslintPlugin.configs['rules-recommended'],
  },
  {
    files: ['src/rules/*.ts'],
    rules: {
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Disallow|Enforce|Require|Prefer)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-docs-url': 'off',
    },
  },
  {
    files: ['tests/rules/*.test.ts'],
    ...eslintPlugin.configs['tests-recommended'],
  },
  {
    files: ['tests/rules/*.test.ts'],
    // Without this the test rules do not see our typed tester, and check nothing.
    settings: { 'eslint-plugin': { ruleTesterConstructors: ['RuleTester', 'createTypedRuleTester'] } },
  },
  {
    files: ['tests/rules/*.test.ts'],
    rules: {
      'eslint-plugin/require-test-error-positions': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/no-only-tests': 'error',
      // One layout for every rule test file (docs/architecture.md, "Tests").
      'eslint-plugin/test-case-property-ordering': [
        'error',
        ['name', 'filename', 'code', 'output', 'options', 'languageOptions', 'errors'],
      ],
      'eslint-plugin/test-case-shorthand-strings': ['error', 'as-needed'],
      'eslint-plugin/consistent-output': ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked, asyncMisuse.configs['disable-type-checked']],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          // TypeScript up to 5.4 is CommonJS that Node's ESM loader sees no named exports in: a
          // namespace import is `{ default }` there, and `ts.SyntaxKind` undefined (the packed-package
          // test under scripts/test-peer.sh typescript@5.4). Vitest's interop hides it from unit tests.
          selector: "ImportDeclaration[source.value='typescript'][importKind!='type'] > ImportNamespaceSpecifier",
          message: "Import TypeScript's values as `import ts from 'typescript'`: Node sees no named exports in TypeScript 5.4.",
        },
        {
          selector: "ImportDeclaration[source.value='typescript'][importKind!='type'] > ImportSpecifier[importKind!='type']",
          message: "Import TypeScript's values as `import ts from 'typescript'`: Node sees no named exports in TypeScript 5.4.",
        },
      ],
    },
  },
  // The layers of docs/architecture.md: each imports only the layers below it.
  layer('src/syntax/**', ['analysis', 'fixers', 'rules', 'configs', 'cli', 'create-rule', 'index']),
  layer('src/analysis/**', ['fixers', 'rules', 'configs', 'cli', 'create-rule', 'index']),
  layer('src/fixers/**', ['analysis', 'rules', 'configs', 'cli', 'create-rule', 'index']),
  layer('src/rules/**', ['configs', 'cli', 'index']),
);

/** Forbids a folder of `src` to import the named folders or files of `src`, which are above it. */
function layer(files: string, above: string[]): Linter.Config {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: above.map((name) => ({
            regex: `^(\\.\\./)+${name}(/|\\.js$)`,
            message: `docs/architecture.md: this layer does not import from src/${name}, a layer above it.`,
          })),
        },
      ],
    },
  };
}
