// Does the cost per line hold on a large project? Generates one of about
// 500 k lines from the benchmark corpora — copies of the three under
// copyN/<name>/src, one tsconfig.json over all of them, so that ESLint's
// project service builds one program of that size — and the same layout with
// one copy, and times the typed-parse floor and our `strict` over both, side
// by side under the same load, as scripts/bench.js does (ESLint CLI,
// TIMING=all, CPU and peak RSS of the ESLint process).
//
//   npm run bench:scale                          # about 500 k lines
//   SCALE_LINES=250000 npm run bench:scale       # another size
//   SCALE_ROUNDS=2 npm run bench:scale           # more rounds (default 1)
//   SCALE_RESULTS=bench/SCALE.md npm run bench:scale   # also write the table there
//   SCALE_KEEP=1 npm run bench:scale             # keep the generated projects (their folder is printed)
//
// The per-line figures of the corpora come from bench/RESULTS.md (npm run bench).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { describeSetup, loadAverage, median, repoDir, runEslint, spread, writeConfig } from './bench-eslint.js';
import { corpora, prepareCorpus } from './prepare-corpus.js';

const targetLines = Number(process.env.SCALE_LINES ?? 500_000);
const rounds = Number(process.env.SCALE_ROUNDS ?? 1);
const resultsFile = process.env.SCALE_RESULTS;

if (!existsSync(path.join(repoDir, 'dist/index.js'))) fail('build first (npm run build)');
const prepared = prepareCorpus();
const corpusLines = prepared.reduce((sum, corpus) => sum + corpus.lines, 0);
const copies = Math.max(1, Math.round(targetLines / corpusLines));
const workDir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-scale-'));

try {
  // The large project, and the same layout with one copy, measured side by side under the same load.
  const sizes = [...new Set([1, copies])].map((count) => generateProject(path.join(workDir, `${count}-copies`), count));
  const large = sizes.at(-1);
  process.stderr.write(`bench:scale: ${copies} copies of the corpora, ${large.files} files, ${large.lines} lines in ${large.dir}\n`);
  const tsc = checkTypes(large.dir);
  process.stderr.write(`bench:scale: tsc ${tsc.seconds.toFixed(0)} s, ${tsc.errors} errors (${tsc.unresolved} cannot-find-module)\n`);
  for (let round = 0; round < rounds; round += 1) {
    const runs = sizes.flatMap((project) => ['floor', 'strict'].map((name) => ({ project, name })));
    // Rotate the order so that no run always comes first or last.
    for (const { project, name } of runs.map((_, index) => runs[(index + round) % runs.length])) {
      process.stderr.write(`bench:scale: round ${round + 1}/${rounds} ${project.copies} copies ${name} (load ${loadAverage()})\n`);
      const configFile = path.join(project.dir, `.bench-${name}.mjs`);
      writeConfig(configFile, project.dir, name === 'strict' ? 'strict' : null);
      const run = runEslint(project.dir, configFile);
      run.load = loadAverage();
      project.samples[name].push(run);
      process.stderr.write(`bench:scale:   wall ${(run.wallMs / 1000).toFixed(1)} s, CPU ${(run.cpuMs / 1000).toFixed(1)} s, peak RSS ${(run.maxRssKb / 1024).toFixed(0)} MB\n`);
    }
  }
  const text = formatReport(sizes, tsc);
  console.log(text);
  if (resultsFile) writeFileSync(path.resolve(resultsFile), text);
} finally {
  if (process.env.SCALE_KEEP) process.stderr.write(`bench:scale: kept ${workDir}\n`);
  else rmSync(workDir, { recursive: true, force: true });
}

/**
 * copyN/<corpus>/src for N = 1…copies, each with the corpus's own
 * package.json; one tsconfig over all (the compiler options openai's and
 * trpc's copies use: bundler resolution reads every corpus's imports).
 */
function generateProject(dir, count) {
  mkdirSync(dir, { recursive: true });
  symlinkSync(path.join(repoDir, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ private: true, type: 'module' })}\n`);
  const { compilerOptions } = corpora.find((corpus) => corpus.name === 'openai');
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify({ compilerOptions, include: ['copy*/*/src'] }, null, 2)}\n`);
  for (let copy = 1; copy <= count; copy += 1) {
    for (const corpus of prepared) {
      const target = path.join(dir, `copy${copy}`, corpus.name);
      mkdirSync(target, { recursive: true });
      cpSync(path.join(corpus.dir, 'src'), path.join(target, 'src'), { recursive: true });
      writeFileSync(path.join(target, 'package.json'), readFileSync(path.join(corpus.dir, 'package.json')));
    }
  }
  return {
    dir,
    copies: count,
    files: count * prepared.reduce((sum, corpus) => sum + corpus.files, 0),
    lines: count * corpusLines,
    tsconfig: { compilerOptions, include: ['copy*/*/src'] },
    samples: { floor: [], strict: [] },
  };
}

/** `tsc --noEmit` over the generated project: do the copies' types resolve? */
function checkTypes(dir) {
  const started = process.hrtime.bigint();
  const tsc = spawnSync(process.execPath, [path.join(repoDir, 'node_modules/typescript/bin/tsc'), '-p', dir], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const errors = tsc.stdout.match(/error TS\d+/gu) ?? [];
  const perCopy = {};
  for (const match of tsc.stdout.matchAll(/^(copy\d+)\/([^/]+)\/.*error TS\d+/gmu)) {
    const key = match[2];
    perCopy[key] ??= {};
    perCopy[key][match[1]] = (perCopy[key][match[1]] ?? 0) + 1;
  }
  return {
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
    errors: errors.length,
    unresolved: errors.filter((error) => error === 'error TS2307').length,
    unresolvedModules: [...new Set([...tsc.stdout.matchAll(/error TS2307: Cannot find module '([^']+)'/gu)].map((match) => match[1]))].sort(),
    perCopy,
  };
}

/** strict over the floor per 1,000 lines, and the floor's, from bench/RESULTS.md's tables. */
function corpusFigures() {
  const file = path.join(repoDir, 'bench/RESULTS.md');
  if (!existsSync(file)) return [];
  const text = readFileSync(file, 'utf8');
  const load = /load average at the end (\d+\.\d+(?: \/ \d+\.\d+)*)/u.exec(text)?.[1] ?? '?';
  const figures = [];
  for (const section of text.split(/^## /mu).slice(1)) {
    const name = /^(\S+)/u.exec(section)?.[1];
    const lines = Number(/([\d,]+) lines/u.exec(section)?.[1]?.replaceAll(',', ''));
    const cpuOf = (label) => Number(new RegExp(`^\\| ${label}[^|]*\\| [^|]*\\| ([\\d.]+)`, 'mu').exec(section)?.[1]);
    const wallOf = (label) => Number(new RegExp(`^\\| ${label}[^|]*\\| ([\\d.]+)`, 'mu').exec(section)?.[1]);
    const rssOf = (label) => Number(new RegExp(`^\\| ${label}[^|]*\\|[^|]*\\|[^|]*\\| (\\d+)`, 'mu').exec(section)?.[1]);
    const floor = { cpu: cpuOf('\\(a\\)'), wall: wallOf('\\(a\\)'), rss: rssOf('\\(a\\)') };
    const strict = { cpu: cpuOf('\\(d\\)'), wall: wallOf('\\(d\\)'), rss: rssOf('\\(d\\)') };
    if (name && lines && Number.isFinite(floor.cpu) && Number.isFinite(strict.cpu)) figures.push({ name, lines, floor, strict, load });
  }
  return figures;
}

function formatReport(sizes, tsc) {
  const large = sizes.at(-1);
  const perK = (ms, lines) => ((1000 * ms) / lines).toFixed(1);
  const med = (runs, key) => median(runs.map((run) => run[key]));
  const allRuns = sizes.flatMap((project) => [...project.samples.floor, ...project.samples.strict]);
  const out = [
    '# Scale: our strict on a generated project of about 500 k lines',
    '',
    `Command: \`SCALE_RESULTS=bench/SCALE.md npm run bench:scale\` (SCALE_LINES=${targetLines}, ${rounds} round${rounds === 1 ? '' : 's'} per run, the order rotated per round).`,
    describeSetup(),
    `Load average at the end of each run (1 / 5 / 15 min): ${allRuns.map((run) => run.load).join('; ')}. The machine is shared: ratios matter more than seconds.`,
    '',
    `Projects: ${sizes.map((project) => `${project.copies} cop${project.copies === 1 ? 'y' : 'ies'} of each corpus (${project.files} files, ${project.lines.toLocaleString('en')} lines)`).join(' and ')}, under \`copyN/<name>/src\` with each corpus's own package.json; one tsconfig.json over all (\`${JSON.stringify(large.tsconfig.compilerOptions)}\`), so the project service builds one program.`,
    `Types: \`tsc --noEmit\` over the large one took ${tsc.seconds.toFixed(0)} s and reports ${tsc.errors} errors, ${tsc.unresolved} of them TS2307 (cannot find module); per corpus and copy: ${Object.entries(tsc.perCopy)
      .map(([name, byCopy]) => `${name} ${[...new Set(Object.values(byCopy))].join('/')} each in ${Object.keys(byCopy).length} copies`)
      .join(', ') || 'none'}. The modules not found: ${tsc.unresolvedModules.map((name) => `\`${name}\``).join(', ') || 'none'}.`,
    '',
    '| project | set | wall s (median, spread) | CPU s (median, spread) | peak RSS MB | CPU ms per 1,000 lines |',
    '|---|---|---|---|---|---|',
  ];
  for (const project of sizes) {
    for (const [name, label] of [
      ['floor', '(a) typed parse, no rules'],
      ['strict', '(d) async-misuse strict'],
    ]) {
      const runs = project.samples[name];
      const walls = runs.map((run) => run.wallMs / 1000);
      const cpus = runs.map((run) => run.cpuMs / 1000);
      out.push(
        `| ${project.lines.toLocaleString('en')} lines | ${label} | ${median(walls).toFixed(1)} (${spread(walls)}) | ${median(cpus).toFixed(1)} (${spread(cpus)}) | ${(med(runs, 'maxRssKb') / 1024).toFixed(0)} | ${perK(med(runs, 'cpuMs'), project.lines)} |`,
      );
    }
  }
  out.push(
    '',
    '| project | lines | floor CPU ms / 1,000 lines | strict over the floor, CPU ms / 1,000 lines | strict over the floor, wall ms / 1,000 lines | peak RSS MB (strict) | load average |',
    '|---|---|---|---|---|---|---|',
  );
  for (const corpus of corpusFigures()) {
    out.push(
      `| ${corpus.name} (bench/RESULTS.md) | ${corpus.lines.toLocaleString('en')} | ${perK(1000 * corpus.floor.cpu, corpus.lines)} | ${perK(1000 * (corpus.strict.cpu - corpus.floor.cpu), corpus.lines)} | ${perK(1000 * (corpus.strict.wall - corpus.floor.wall), corpus.lines)} | ${corpus.strict.rss} | ${corpus.load} |`,
    );
  }
  for (const project of sizes) {
    const { floor, strict } = project.samples;
    out.push(
      `| generated, ${project.copies} cop${project.copies === 1 ? 'y' : 'ies'} (this run) | ${project.lines.toLocaleString('en')} | ${perK(med(floor, 'cpuMs'), project.lines)} | ${perK(med(strict, 'cpuMs') - med(floor, 'cpuMs'), project.lines)} | ${perK(med(strict, 'wallMs') - med(floor, 'wallMs'), project.lines)} | ${(med(strict, 'maxRssKb') / 1024).toFixed(0)} | ${strict.map((run) => run.load.split(' / ')[0]).join(', ')} |`,
    );
  }
  out.push('', `| rule (TIMING=all, median ms) | ${sizes.map((project) => `${project.copies} cop${project.copies === 1 ? 'y' : 'ies'}: ms | ms per 1,000 lines`).join(' | ')} |`, `|---|${sizes.map(() => '---|---').join('|')}|`);
  const ruleIds = new Set(sizes.flatMap((project) => project.samples.strict.flatMap((run) => Object.keys(run.rules))));
  for (const ruleId of [...ruleIds].sort()) {
    const cells = sizes.map((project) => {
      const ms = median(project.samples.strict.map((run) => run.rules[ruleId] ?? 0));
      return `${ms.toFixed(0)} | ${perK(ms, project.lines)}`;
    });
    out.push(`| ${ruleId} | ${cells.join(' | ')} |`);
  }
  out.push('');
  return out.join('\n');
}

function fail(message) {
  console.error(`bench:scale: ${message}`);
  process.exit(2);
}
