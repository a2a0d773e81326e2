/**
 * The short fuzz run inside `npm test`: a fixed seed, so CI lints the same
 * programs every time (`npm run fuzz` is the long run with a new seed).
 * `FUZZ_SEED`, `FUZZ_CASES` and `FUZZ_FROM` replay other cases here too.
 */
import { describe, expect, it } from 'vitest';

import { getSeedPrograms, parses } from './corpus.js';
import { createFuzzCase } from './generate.js';
import { MUTATIONS } from './mutate.js';
import { createRandom } from './random.js';
import { formatFailure, formatSummary, readFuzzOptions, runFuzz } from './run.js';

const options = readFuzzOptions(process.env, { seed: 18, cases: 60, from: 0 });

const SAMPLE = `
import { readFile } from 'node:fs/promises';

interface Row {
  id: string;
}

const cache = new Map<string, string>();

async function load(id: string): Promise<string> {
  const text = await readFile(id, 'utf8');
  cache.set(id, text);
  return text;
}

export async function loadAll(rows: Row[]): Promise<string[]> {
  const results: string[] = [];
  for (const row of rows) {
    results.push(await load(row.id));
  }
  setTimeout(() => {
    console.log(results.length);
  }, 10);
  return results;
}
`;

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

describe('every mutation', () => {
  it.each(Object.keys(MUTATIONS))('%s changes a program, and its mutants mostly parse', (name) => {
    const mutate = MUTATIONS[name];
    let changed = 0;
    let parsing = 0;
    for (let seed = 0; seed < 20; seed += 1) {
      const mutant = mutate?.([{ role: 'main', kind: 'ts', code: SAMPLE }], { random: createRandom(seed), donor: () => SAMPLE });
      if (mutant === undefined) continue;
      changed += 1;
      if (mutant.every((file) => file.code !== SAMPLE && parses(file.code, file.kind))) parsing += 1;
    }
    expect(changed).toBeGreaterThanOrEqual(15);
    expect(parsing).toBeGreaterThan(changed / 2);
  });
});

it(`lints ${String(options.cases)} fuzz cases of seed ${String(options.seed)} with every rule: no throw, fixes and suggestions parse, --fix converges`, () => {
  const summary = runFuzz(options);
  console.log(formatSummary(summary));
  expect(summary.casesRun).toBe(options.cases);
  expect(summary.failures.map(formatFailure)).toEqual([]);
}, 60_000 + options.cases * 5_000);
