// What ESLint's `--concurrency` (worker threads, ESLint 9.34+) does for typed
// linting: our `strict` on the largest corpus (openai) with each setting,
// rounds in rotated order; wall, CPU (the process's, which counts every
// worker thread's: they share it) and peak RSS of the ESLint process, as
// scripts/bench.js measures them.
//
//   npm run bench:concurrency                                  # openai, 1 / 2 / auto, 3 rounds
//   CONCURRENCY_SETTINGS=1,2,4,auto npm run bench:concurrency  # other settings
//   CONCURRENCY_ROUNDS=5 npm run bench:concurrency
//   npm run bench:concurrency -- mongodb                       # another corpus, or a folder with a tsconfig.json
//   CONCURRENCY_RESULTS=bench/CONCURRENCY.md npm run bench:concurrency   # also write the table there
import { existsSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describeSetup, loadAverage, median, repoDir, runEslint, spread, writeConfig } from './bench-eslint.js';
import { prepareCorpus } from './prepare-corpus.js';

const settings = (process.env.CONCURRENCY_SETTINGS ?? '1,2,auto').split(',');
const rounds = Number(process.env.CONCURRENCY_ROUNDS ?? 3);
const resultsFile = process.env.CONCURRENCY_RESULTS;

if (!existsSync(path.join(repoDir, 'dist/index.js'))) fail('build first (npm run build)');
const project = chooseProject(process.argv[2] ?? 'openai');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-concurrency-'));

try {
  const configFile = path.join(workDir, 'strict.mjs');
  writeConfig(configFile, project.dir, 'strict');
  const samples = Object.fromEntries(settings.map((setting) => [setting, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = settings.map((_, index) => settings[(index + round) % settings.length]);
    for (const setting of order) {
      process.stderr.write(`bench:concurrency: round ${round + 1}/${rounds} --concurrency ${setting} (load ${loadAverage()})\n`);
      const run = runEslint(project.dir, configFile, ['--concurrency', setting]);
      run.load = loadAverage();
      samples[setting].push(run);
      process.stderr.write(`bench:concurrency:   wall ${(run.wallMs / 1000).toFixed(1)} s, CPU ${(run.cpuMs / 1000).toFixed(1)} s, peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB\n`);
    }
  }
  const text = formatReport(samples);
  console.log(text);
  if (resultsFile) writeFileSync(path.resolve(resultsFile), text);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

function chooseProject(name) {
  const corpus = prepareCorpus().find((entry) => entry.name === name);
  if (corpus) return { name: `${corpus.name} (${corpus.packageName}@${corpus.version})`, dir: realpathSync(corpus.dir), files: corpus.files, lines: corpus.lines };
  const dir = path.resolve(name);
  if (!existsSync(path.join(dir, 'tsconfig.json'))) fail(`no corpus named ${name}, and no tsconfig.json in ${dir}`);
  return { name: path.basename(dir), dir, files: undefined, lines: undefined };
}

/** The workers `--concurrency auto` starts here: ESLint takes at most half of os.availableParallelism(), and never just one. */
function autoWorkers() {
  const most = os.availableParallelism() >> 1;
  return most <= 1 ? 'no workers (linted in the main thread, as with 1)' : `up to ${most} workers`;
}

function formatReport(samples) {
  const base = median(samples[settings[0]].map((run) => run.wallMs));
  const baseCpu = median(samples[settings[0]].map((run) => run.cpuMs));
  const baseRss = median(samples[settings[0]].map((run) => run.maxRssKb));
  const out = [
    `# ESLint --concurrency with our strict on ${project.name}`,
    '',
    `Command: \`CONCURRENCY_RESULTS=bench/CONCURRENCY.md npm run bench:concurrency\` (${rounds} rounds, the order rotated per round).`,
    describeSetup(),
    `os.availableParallelism() = ${os.availableParallelism()}, so \`auto\` means ${autoWorkers()}.`,
    `Project: ${project.files ?? '?'} files, ${project.lines?.toLocaleString('en') ?? '?'} lines, typed through the project service as in bench/RESULTS.md.`,
    'CPU is `process.resourceUsage()` of the ESLint process at exit, which counts every worker thread (they are threads of that process); peak RSS is the whole process, all threads together.',
    `Load average at the end of each run (1 / 5 / 15 min): ${settings.map((setting) => `${setting}: ${samples[setting].map((run) => run.load).join('; ')}`).join(' — ')}. The machine is shared: ratios matter more than seconds.`,
    '',
    `| --concurrency | wall s (median, spread) | CPU s (median, spread) | peak RSS MB (median, spread) | wall / ${settings[0]} | CPU / ${settings[0]} | peak RSS / ${settings[0]} |`,
    '|---|---|---|---|---|---|---|',
  ];
  for (const setting of settings) {
    const runs = samples[setting];
    const walls = runs.map((run) => run.wallMs / 1000);
    const cpus = runs.map((run) => run.cpuMs / 1000);
    const rss = runs.map((run) => run.maxRssKb / 1024);
    out.push(
      `| ${setting} | ${median(walls).toFixed(1)} (${spread(walls)}) | ${median(cpus).toFixed(1)} (${spread(cpus)}) | ${median(rss).toFixed(0)} (${spread(rss, 0)}) | ${(median(runs.map((run) => run.wallMs)) / base).toFixed(2)} | ${(median(runs.map((run) => run.cpuMs)) / baseCpu).toFixed(2)} | ${(median(runs.map((run) => run.maxRssKb)) / baseRss).toFixed(2)} |`,
    );
  }
  out.push('');
  return out.join('\n');
}

function fail(message) {
  console.error(`bench:concurrency: ${message}`);
  process.exit(2);
}
