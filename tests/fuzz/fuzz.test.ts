/**
 * The short fuzz run inside `npm test`: a fixed seed, so CI lints the same
 * programs every time (`npm run fuzz` is the long run with a new seed).
 * `FUZZ_SEED`, `FUZZ_CASES` and `FUZZ_FROM` replay other cases here too.
 */
import { describe, expect, it } from 'vitest';

import { getSeedPrograms, parses } from './corpus.js';
import { createFuzzCase } from './generate.js';
import { formatFailure, formatSummary, readFuzzOptions, runFuzz } from './run.js';

const options = readFuzzOptions(process.env, { seed: 18, cases: 60, from: 0 });

describe('the fuzz cases', () => {
  it('come from every kind of source', () => {
    const origins = new Set(getSeedPrograms().map((program) => program.origin));
    expect([...origins].sort()).toEqual(['doc', 'example', 'rule-test']);
    expect(getSeedPrograms().length).toBeGreaterThan(500);
  });

  it('are the same for the same seed and index', () => {
    expect(createFuzzCase(7, 3)).toEqual(createFuzzCase(7, 3));
    expect(createFuzzCase(7, 3)).not.toEqual(createFuzzCase(7, 4));
  });

  it('mostly parse', () => {
    const cases = Array.from({ length: 100 }, (_, index) => createFuzzCase(options.seed, index));
    const parsing = cases.filter((fuzzCase) => fuzzCase.files.every((file) => parses(file.code, file.kind)));
    expect(parsing.length).toBeGreaterThan(50);
  });
});

it(`lints ${String(options.cases)} fuzz cases of seed ${String(options.seed)} with every rule: no throw, fixes and suggestions parse, --fix converges`, () => {
  const summary = runFuzz(options);
  console.log(formatSummary(summary));
  expect(summary.casesRun).toBe(options.cases);
  expect(summary.failures.map(formatFailure)).toEqual([]);
}, 60_000 + options.cases * 5_000);
