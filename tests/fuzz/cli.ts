/**
 * `npm run fuzz`: the long fuzz run. `FUZZ_SEED` (default: the time), `FUZZ_CASES`
 * (default 2000) and `FUZZ_FROM` (default 0) choose the cases; it prints the
 * counts and every failure with the command that replays it, and exits 1 on
 * a failure. A replay holds on the same commit: a case is drawn from the seed
 * programs, which are read from the tests, docs and examples.
 */
import { formatFailure, formatSummary, readFuzzOptions, runFuzz } from './run.js';

const options = readFuzzOptions(process.env, { seed: Date.now() % 1_000_000, cases: 2000, from: 0 });
console.log(`fuzz: seed ${String(options.seed)}, ${String(options.cases)} cases from ${String(options.from)}`);
let reportedFailures = 0;
const summary = runFuzz(options, (index, progress) => {
  for (const failure of progress.failures.slice(reportedFailures)) console.log(`\n${formatFailure(failure)}\n`);
  reportedFailures = progress.failures.length;
  if ((index + 1 - options.from) % 100 === 0) {
    console.log(`  … ${String(progress.casesRun)} cases, ${String(progress.parseSkipped)} parse-skipped, ${String(progress.failures.length)} failing`);
  }
});
console.log(formatSummary(summary));
process.exitCode = summary.failures.length > 0 ? 1 : 0;
