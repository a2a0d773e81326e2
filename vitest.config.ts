import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Typed linting builds a program per case: give slow machines room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One module graph per worker, not per file: typescript-eslint's programs, the TypeScript libs
    // and our per-checker caches are then built once per worker and shared by the test files it
    // runs (a full run took 223 s instead of about 500 s). No test relies on a fresh module state.
    isolate: false,
  },
});
