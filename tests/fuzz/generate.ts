/**
 * One fuzz case from the run's seed and its index alone: an eslump program
 * (ESLint's random program generator) or a seed program of our own, then
 * one to four mutations.
 */
import { generateRandomJS } from 'eslump';

import { getSeedPrograms, type FileKind, type SeedOrigin } from './corpus.js';
import { MUTATIONS, type FuzzFile } from './mutate.js';
import { createRandom, hashSeed, withSeededMathRandom, type Random } from './random.js';

export type SourceKind = 'doc' | 'eslump' | 'example' | 'rule-test';

export interface FuzzCase {
  seed: number;
  index: number;
  sourceKind: SourceKind;
  /** The seed program's place (`tests/rules/x.test.ts:12`), or the eslump options. */
  source: string;
  /** The mutations applied, in order (those that found something to change). */
  mutations: string[];
  files: FuzzFile[];
}

function generateEslumpProgram(random: Random): { code: string; source: string; kind: FileKind } {
  const options = {
    sourceType: random.chance(0.7) ? 'module' : 'script',
    maxDepth: random.int(2, 6),
    comments: random.chance(0.2),
    whitespace: random.chance(0.2),
  } as const;
  const code = withSeededMathRandom(random, () => generateRandomJS(options));
  // Most of it is linted as checked JavaScript; some as TypeScript, which reads a little of it differently.
  const kind: FileKind = random.chance(0.75) ? 'js' : 'ts';
  return { code, source: `eslump ${JSON.stringify(options)} as .${kind}`, kind };
}

export function createFuzzCase(seed: number, index: number): FuzzCase {
  const random = createRandom(hashSeed(`${String(seed)}:${String(index)}`));
  const seeds = getSeedPrograms();
  let sourceKind: SourceKind;
  let source: string;
  let files: FuzzFile[];
  let mutationCount: number;
  const draw = random.next();
  if (draw < 0.2) {
    const program = generateEslumpProgram(random);
    sourceKind = 'eslump';
    source = program.source;
    files = [{ role: 'main', kind: program.kind, code: program.code }];
    mutationCount = random.int(0, 2);
  } else {
    // Weighted by origin, not by count: the rule tests outnumber the examples fifty to one.
    const origin: SeedOrigin = draw < 0.65 ? 'rule-test' : draw < 0.8 ? 'doc' : 'example';
    // Mostly programs some rule reports: their fixes and suggestions are what the mutations stress.
    const reported = random.chance(0.7);
    const program = random.pick(seeds.filter((seedProgram) => seedProgram.origin === origin && (!reported || seedProgram.reported)));
    sourceKind = program.origin;
    source = program.source;
    files = [{ role: 'main', kind: program.kind, code: program.code }];
    mutationCount = random.int(1, 4);
  }
  const names = Object.keys(MUTATIONS).sort();
  const context = { random, donor: () => random.pick(seeds).code };
  const mutations: string[] = [];
  // A mutation may find nothing to change (no await to remove): draw another, a few times over.
  for (let attempt = 0; mutations.length < mutationCount && attempt < mutationCount * 4; attempt += 1) {
    const name = random.pick(names);
    const mutated = MUTATIONS[name]?.(files, context);
    if (mutated === undefined) continue;
    files = mutated;
    mutations.push(name);
  }
  return { seed, index, sourceKind, source, mutations, files };
}
