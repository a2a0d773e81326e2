// What the plugin's rules cost on real typed code, beside the floor every
// typed setup pays and beside the peer rules people run today.
//
//   npm run bench                          # the three corpora (scripts/prepare-corpus.js)
//   npm run bench -- mongodb openai        # some of them
//   npm run bench -- /path/to/project      # any folder with a tsconfig.json
//   BENCH_ROUNDS=5 npm run bench           # more rounds (default 3)
//   BENCH_SETS=floor,strict npm run bench  # some of the sets
//   BENCH_RESULTS=bench/RESULTS.md npm run bench   # also write the table there
//
// Sets, each in its own ESLint process with TIMING=all, the order rotated
// each round: (a) typed parsing with no rules, (b) the peers' async rules,
// (c) our recommended, (d) our strict, (e) the peers and our strict
// together; and, to tell a rule's own work from the type checking it
// triggers, (a′) the floor plus a type check of every linted file and (d′)
// strict after that type check. The bench-only rules (scripts/bench-checker-start.js)
// lead the sets: `bench/checker-start` in every set with rules (the checker's
// start-up under its own name), `bench/type-check` in (a′) and (d′).
// Each process reports its own CPU time and peak memory (scripts/bench-usage.mjs).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { peerRules } from './bench-peers.js';
import benchPlugin from './bench-checker-start.js';
import { median, runEslint, spread } from './bench-eslint.js';
import { corpora, prepareCorpus } from './prepare-corpus.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const resultsFile = process.env.BENCH_RESULTS;

const allSets = {
  floor: { peers: false, ours: null, checker: false, label: '(a) typed parse, no rules' },
  'floor-checked': { peers: false, ours: null, checker: true, typeCheck: true, label: '(a′) floor + type check of each file' },
  peers: { peers: true, ours: null, checker: true, label: '(b) peers’ async rules' },
  recommended: { peers: false, ours: 'recommended', checker: true, label: '(c) async-misuse recommended' },
  strict: { peers: false, ours: 'strict', checker: true, label: '(d) async-misuse strict' },
  'strict-checked': { peers: false, ours: 'strict', checker: true, typeCheck: true, label: '(d′) strict after the type check' },
  both: { peers: true, ours: 'strict', checker: true, label: '(e) peers + strict' },
};
const CHECKER_START = `${benchPlugin.meta.name}/checker-start`;
const TYPE_CHECK = `${benchPlugin.meta.name}/type-check`;
const setNames = (process.env.BENCH_SETS ?? Object.keys(allSets).join(',')).split(',');
for (const name of setNames) {
  if (!(name in allSets)) fail(`unknown set ${name}; sets are ${Object.keys(allSets).join(', ')}`);
}

if (!existsSync(path.join(repoDir, 'dist/index.js'))) fail('build first (npm run build)');
const projects = chooseProjects(process.argv.slice(2));
const moduleUrl = (relative) => pathToFileURL(path.join(repoDir, relative)).href;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-bench-'));

try {
  const report = [];
  for (const project of projects) {
    const samples = Object.fromEntries(setNames.map((name) => [name, []]));
    for (let round = 0; round < rounds; round += 1) {
      // Rotate the order so that no set always runs first (cold disk cache) or last.
      const order = setNames.map((_, index) => setNames[(index + round) % setNames.length]);
      for (const name of order) {
        process.stderr.write(`bench: ${project.name} round ${round + 1}/${rounds} ${name}\n`);
        samples[name].push(runSet(project, name));
      }
    }
    report.push({ project, samples });
  }
  const text = formatReport(report);
  console.log(text);
  if (resultsFile) writeFileSync(path.resolve(resultsFile), `${resultsHeader()}\n${text}\n`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

function chooseProjects(args) {
  const named = args.filter((arg) => !arg.startsWith('-'));
  const known = new Set(corpora.map((corpus) => corpus.name));
  if (named.length > 0 && named.every((arg) => !known.has(arg))) {
    return named.map((dir) => {
      const projectDir = path.resolve(dir);
      if (!existsSync(path.join(projectDir, 'tsconfig.json'))) fail(`no tsconfig.json in ${projectDir}`);
      return { name: path.basename(projectDir), dir: projectDir, lines: undefined, files: undefined };
    });
  }
  const prepared = prepareCorpus();
  return named.length === 0 ? prepared : prepared.filter((corpus) => named.includes(corpus.name));
}

function runSet(project, name) {
  const set = allSets[name];
  const configFile = path.join(workDir, `${project.name}-${name}.mjs`);
  writeFileSync(
    configFile,
    `import parser from ${JSON.stringify(moduleUrl('node_modules/@typescript-eslint/parser/dist/index.js'))};
import tseslint from ${JSON.stringify(moduleUrl('node_modules/typescript-eslint/dist/index.js'))};
import promise from ${JSON.stringify(moduleUrl('node_modules/eslint-plugin-promise/index.js'))};
import n from ${JSON.stringify(moduleUrl('node_modules/eslint-plugin-n/lib/index.js'))};
import asyncMisuse from ${JSON.stringify(moduleUrl('dist/index.js'))};
import bench from ${JSON.stringify(moduleUrl('scripts/bench-checker-start.js'))};
export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(project.dir)} } },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    plugins: { 'async-misuse': asyncMisuse, '@typescript-eslint': tseslint.plugin, promise, n, bench },
    // The checker's start-up first, so that TIMING charges it to no real rule.
    rules: { ...${JSON.stringify({ ...(set.checker ? { [CHECKER_START]: 'error' } : {}), ...(set.typeCheck ? { [TYPE_CHECK]: 'error' } : {}) })}, ...${JSON.stringify(set.peers ? peerRules : {})}, ...${set.ours ? `asyncMisuse.configs[${JSON.stringify(set.ours)}].rules` : '{}'} },
  },
];
`,
  );
  try {
    return runEslint(project.dir, configFile);
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function formatReport(report) {
  const out = [];
  for (const { project, samples } of report) {
    const size = project.lines === undefined ? '' : ` — ${project.files} files, ${project.lines.toLocaleString('en')} lines`;
    out.push(`## ${project.name}${project.version ? ` (${project.packageName}@${project.version})` : ''}${size}`, '');
    out.push('| set | wall s (median, spread) | CPU s (median, spread) | peak RSS MB |', '|---|---|---|---|');
    const cpu = {};
    for (const name of setNames) {
      const runs = samples[name];
      const walls = runs.map((run) => run.wallMs / 1000);
      const cpus = runs.map((run) => run.cpuMs / 1000);
      cpu[name] = median(cpus);
      const rss = median(runs.map((run) => run.maxRssKb / 1024));
      out.push(`| ${allSets[name].label} | ${median(walls).toFixed(1)} (${spread(walls)}) | ${median(cpus).toFixed(1)} (${spread(cpus)}) | ${rss.toFixed(0)} |`);
    }
    out.push('');
    const ratio = (floor, ours, peers) => (floor === undefined || peers === undefined || ours === undefined ? undefined : (ours - floor) / (peers - floor));
    const lines = [];
    const strictRatio = ratio(cpu.floor, cpu.strict, cpu.peers);
    if (strictRatio !== undefined) lines.push(`- (strict − floor) / (peers − floor), CPU: ${strictRatio.toFixed(2)} (target ≤ 0.50)`);
    const recommendedRatio = ratio(cpu.floor, cpu.recommended, cpu.peers);
    if (recommendedRatio !== undefined) lines.push(`- (recommended − floor) / (peers − floor), CPU: ${recommendedRatio.toFixed(2)}`);
    if (cpu.floor !== undefined && cpu['floor-checked'] !== undefined) {
      lines.push(`- a type check of every file over the floor, (a′) − (a), CPU: ${(cpu['floor-checked'] - cpu.floor).toFixed(1)} s (the most checking any rule set can trigger)`);
    }
    if (cpu['floor-checked'] !== undefined && cpu['strict-checked'] !== undefined) {
      lines.push(`- strict's own work past the type check, (d′) − (a′), CPU: ${(cpu['strict-checked'] - cpu['floor-checked']).toFixed(1)} s`);
    }
    if (cpu.both !== undefined && cpu.peers !== undefined) {
      lines.push(`- (peers + strict) / peers − 1, CPU: ${(100 * (cpu.both / cpu.peers - 1)).toFixed(1)} % (target ≤ 5 %)`);
    }
    if (cpu.strict !== undefined && cpu.floor !== undefined && project.lines) {
      lines.push(`- strict over the floor per 1,000 lines: ${((1e6 * (cpu.strict - cpu.floor)) / project.lines).toFixed(1)} ms CPU`);
    }
    out.push(...lines, '');
    // Each rule's share of the floor: in (d) it carries the type checking it is the
    // first to ask for; in (d′) the type check before it carries that, and the
    // share is the rule's own work.
    const floorWall = median((samples.floor ?? []).map((run) => run.wallMs));
    const ruleSets = setNames.filter((name) => name !== 'floor' && name !== 'floor-checked');
    out.push(
      `| rule (TIMING=all, median ms) | ${ruleSets.join(' | ')} | % of the floor's wall (strict) | % of the floor's wall, own work (strict-checked) |`,
      `|---|${ruleSets.map(() => '---').join('|')}|---|---|`,
    );
    const ruleIds = new Set(ruleSets.flatMap((name) => samples[name].flatMap((run) => Object.keys(run.rules))));
    const shareIn = (name, ruleId) => {
      if (!samples[name]?.some((run) => ruleId in run.rules) || !floorWall) return '';
      return `${((100 * median(samples[name].map((run) => run.rules[ruleId] ?? 0))) / floorWall).toFixed(2)} %`;
    };
    for (const ruleId of [...ruleIds].sort()) {
      const cells = ruleSets.map((name) =>
        samples[name].some((run) => ruleId in run.rules) ? median(samples[name].map((run) => run.rules[ruleId] ?? 0)).toFixed(0) : '',
      );
      out.push(`| ${ruleId} | ${cells.join(' | ')} | ${shareIn('strict', ruleId)} | ${shareIn('strict-checked', ruleId)} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

function resultsHeader() {
  const version = (name) => JSON.parse(readFileSync(path.join(repoDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const cpus = os.cpus();
  return `# Benchmark results

Command: \`BENCH_RESULTS=bench/RESULTS.md npm run bench\` (${rounds} rounds per set, order rotated per round).
Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; load average at the end ${os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ')}.
Versions: Node ${process.version}, ESLint ${version('eslint')}, TypeScript ${version('typescript')}, typescript-eslint ${version('typescript-eslint')}, eslint-plugin-promise ${version('eslint-plugin-promise')}, eslint-plugin-n ${version('eslint-plugin-n')}, eslint-plugin-async-misuse ${JSON.parse(readFileSync(path.join(repoDir, 'package.json'), 'utf8')).version}.
Peers: ${Object.keys(peerRules).join(', ')}.
Bench-only rules (scripts/bench-checker-start.js, they report nothing) lead the sets. \`${CHECKER_START}\`, first in every set with rules, makes the type checker and asks one cheap type: its TIMING is near 0 because typescript-eslint's parser already makes the checker (binding every file) for its parser services, so the floor (a) pays the checker's start. What a rule's TIMING can still carry is type *checking*: the checker types an expression (resolving a call's signature, inferring type arguments) when a rule first asks for it, and the first rule to ask pays — alone, \`no-trivial-await\`, which asks the type of every \`await\` operand; beside the peers, typescript-eslint's rules (so in (e) our rules cost little). \`${TYPE_CHECK}\` type-checks the linted file first, so every type is cached before any rule asks: (a′) is the floor plus that check (the most checking any set can trigger), (d′) is strict after it, and its TIMING is each rule's own work. The per-rule shares are TIMING over the floor (a)'s wall time, in (d) and in (d′); the issue's target is under 5 % for every rule.
CPU and peak RSS are the ESLint process's own (\`process.resourceUsage()\` at exit); wall includes start-up.
`;
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}
