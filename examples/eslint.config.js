// How a user of the plugin would set up typed linting for this service.
// The demo (`npm run demo` at the repository root) lints `src/` with it.
import tsParser from '@typescript-eslint/parser';
import { defineConfig } from 'eslint/config';

import asyncMisuse from '../dist/index.js';

export default defineConfig(
  {
    files: ['src/**/*.ts'],
    languageOptions: {
      parser: tsParser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['src/**/*.ts'],
    extends: [asyncMisuse.configs.strict],
  },
);
