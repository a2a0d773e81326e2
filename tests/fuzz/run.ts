/**
 * A fuzz run: cases `from … from + cases − 1` of a seed, linted one after
 * another on one project, with counts per source kind and every failure
 * written out with what replays it.
 */
import { createFuzzCase, type FuzzCase, type SourceKind } from './generate.js';
import { FuzzProject, type Problem } from './lint.js';

export interface FuzzOptions {
  seed: number;
  cases: number;
  /** The first case index (to replay one case: its index, and `cases: 1`). */
  from: number;
}

export interface FuzzFailure {
  fuzzCase: FuzzCase;
  problems: Problem[];
}

export interface FuzzSummary {
  options: FuzzOptions;
  casesRun: number;
  perSourceKind: Record<SourceKind, number>;
  /** Cases whose mutant (or eslump program) does not parse as the file it is linted as. */
  parseSkipped: number;
  perMutation: Record<string, number>;
  reports: number;
  fixes: number;
  suggestions: number;
  failures: FuzzFailure[];
  milliseconds: number;
}

/** Reads `FUZZ_SEED`, `FUZZ_CASES` and `FUZZ_FROM`, with the given defaults. */
export function readFuzzOptions(environment: NodeJS.ProcessEnv, defaults: FuzzOptions): FuzzOptions {
  const read = (name: string, fallback: number): number => {
    const text = environment[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, not ${JSON.stringify(text)}`);
    return value;
  };
  return { seed: read('FUZZ_SEED', defaults.seed), cases: read('FUZZ_CASES', defaults.cases), from: read('FUZZ_FROM', defaults.from) };
}

export function runFuzz(options: FuzzOptions, onCase?: (index: number, summary: FuzzSummary) => void): FuzzSummary {
  const started = performance.now();
  const summary: FuzzSummary = {
    options,
    casesRun: 0,
    perSourceKind: { 'rule-test': 0, example: 0, doc: 0, eslump: 0 },
    parseSkipped: 0,
    perMutation: {},
    reports: 0,
    fixes: 0,
    suggestions: 0,
    failures: [],
    milliseconds: 0,
  };
  const project = new FuzzProject();
  try {
    for (let index = options.from; index < options.from + options.cases; index += 1) {
      const fuzzCase = createFuzzCase(options.seed, index);
      summary.casesRun += 1;
      summary.perSourceKind[fuzzCase.sourceKind] += 1;
      for (const mutation of fuzzCase.mutations) summary.perMutation[mutation] = (summary.perMutation[mutation] ?? 0) + 1;
      const outcome = project.lintCase(fuzzCase.files);
      if (outcome.unparsable) summary.parseSkipped += 1;
      summary.reports += outcome.reports;
      summary.fixes += outcome.fixes;
      summary.suggestions += outcome.suggestions;
      if (outcome.problems.length > 0) summary.failures.push({ fuzzCase, problems: outcome.problems });
      onCase?.(index, summary);
    }
  } finally {
    project.dispose();
  }
  summary.milliseconds = performance.now() - started;
  return summary;
}

export function formatSummary(summary: FuzzSummary): string {
  const { seed, cases, from } = summary.options;
  const kinds = Object.entries(summary.perSourceKind)
    .map(([kind, count]) => `${kind} ${String(count)}`)
    .join(', ');
  const mutations = Object.entries(summary.perMutation)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, count]) => `${name} ${String(count)}`)
    .join(', ');
  return [
    `fuzz: seed ${String(seed)}, cases ${String(from)}…${String(from + cases - 1)}: ${String(summary.casesRun)} run in ${(summary.milliseconds / 1000).toFixed(1)} s`,
    `  per source kind: ${kinds}`,
    `  mutations applied: ${mutations}`,
    `  parse-skipped: ${String(summary.parseSkipped)}; linted: ${String(summary.casesRun - summary.parseSkipped)}`,
    `  reports ${String(summary.reports)}, fixes ${String(summary.fixes)}, suggestions ${String(summary.suggestions)} checked`,
    `  failures: ${String(summary.failures.length)}`,
  ].join('\n');
}

function describeProblem(problem: Problem): string {
  switch (problem.kind) {
    case 'crash':
    case 'fatal':
      return `${problem.kind} in ${problem.file}: ${problem.message}`;
    case 'fixDoesNotParse':
      return `a fix of ${problem.ruleId} (${problem.file}:${String(problem.line)}) does not parse:\n${problem.output}`;
    case 'suggestionDoesNotParse':
      return `the suggestion "${problem.description}" of ${problem.ruleId} (${problem.file}:${String(problem.line)}) does not parse:\n${problem.output}`;
    case 'fixDoesNotConverge':
      return `--fix leaves fixable reports of ${problem.ruleIds.join(', ')} in ${problem.file} after 10 passes:\n${problem.output}`;
    case 'fixOutputFatal':
      return `the --fix output of ${problem.file} does not lint: ${problem.message}\n${problem.output}`;
  }
}

export function formatFailure(failure: FuzzFailure): string {
  const { fuzzCase } = failure;
  const files = fuzzCase.files.map((file) => `--- ${file.role} (.${file.kind}) ---\n${file.code}`).join('\n');
  return [
    `case ${String(fuzzCase.index)} of seed ${String(fuzzCase.seed)}: ${fuzzCase.sourceKind} ${fuzzCase.source}; mutations: ${fuzzCase.mutations.join(', ') || 'none'}`,
    `  replay: FUZZ_SEED=${String(fuzzCase.seed)} FUZZ_FROM=${String(fuzzCase.index)} FUZZ_CASES=1 npm run fuzz`,
    ...failure.problems.map((problem) => `  ${describeProblem(problem).replaceAll('\n', '\n  ')}`),
    files,
  ].join('\n');
}
