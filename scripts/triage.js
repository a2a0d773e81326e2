// Every report of the plugin on real code, and the verdict a person gave it.
//
//   npm run triage                           # the three corpora (scripts/prepare-corpus.js)
//   npm run triage -- /work/real/typeorm     # any folder with a tsconfig.json
//   npm run triage -- --check                # also read bench/triage/<project>.md and count verdicts
//   npm run triage -- /work/real/bullmq --paths=src,tests   # only these folders of it (default: all)
//
// One ESLint run per project with `strict` (which holds every rule of
// `recommended` with the same options), typed through the project service,
// inline config off so the project's own disable comments hide nothing.
// Each report is listed as `path:line | rule | config`. With `--check`, each
// one must have a row in bench/triage/<project>.md —
// `| src/x.ts:12 | no-trivial-await | real | why |` — and the figures are
// printed per config: real, false positive, debatable, and the share real.
// A row whose verdict says `fixed` is a false positive the rule no longer
// reports; it counts in the figures "before fixes" only.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { corpora, prepareCorpus } from './prepare-corpus.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const check = args.includes('--check');
const named = args.filter((arg) => !arg.startsWith('-'));
// A real project's folder holds more than its tsconfig covers (configs, docs, scripts): lint only these.
const lintPaths = args.find((arg) => arg.startsWith('--paths='))?.slice('--paths='.length).split(',').filter(Boolean) ?? ['.'];

if (!existsSync(path.join(repoDir, 'dist/index.js'))) fail('build first (npm run build)');
const { ESLint } = await import(pathToFileURL(path.join(repoDir, 'node_modules/eslint/lib/api.js')).href);
const parser = (await import(pathToFileURL(path.join(repoDir, 'node_modules/@typescript-eslint/parser/dist/index.js')).href)).default;
const plugin = (await import(pathToFileURL(path.join(repoDir, 'dist/index.js')).href)).default;
const recommendedRules = new Set(Object.keys(plugin.configs.recommended.rules));

let missingVerdicts = 0;
for (const project of chooseProjects(named)) {
  const reports = await lintProject(project);
  console.log(`\n## ${project.name} — ${reports.length} reports (${reports.filter((report) => report.recommended).length} in recommended)\n`);
  console.log('| report | rule | config |\n|---|---|---|');
  for (const report of reports) console.log(`| ${report.where} | ${report.rule} | ${report.recommended ? 'recommended' : 'strict'} |`);
  if (check) missingVerdicts += checkVerdicts(project, reports);
}
if (missingVerdicts > 0) {
  console.error(`\ntriage: ${missingVerdicts} report(s) without a verdict`);
  process.exit(1);
}

function chooseProjects(names) {
  const known = new Set(corpora.map((corpus) => corpus.name));
  const prepared = names.length === 0 || names.some((name) => known.has(name)) ? prepareCorpus() : [];
  if (names.length === 0) return prepared;
  return names.map((name) => {
    const corpus = prepared.find((candidate) => candidate.name === name);
    if (corpus) return corpus;
    const dir = path.resolve(name);
    if (!existsSync(path.join(dir, 'tsconfig.json'))) fail(`no tsconfig.json in ${dir}`);
    return { name: path.basename(dir), dir };
  });
}

async function lintProject(project) {
  const eslint = new ESLint({
    cwd: project.dir,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'] },
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
        languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: project.dir } },
        linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
        plugins: { 'async-misuse': plugin },
        rules: plugin.configs.strict.rules,
      },
    ],
  });
  const results = await eslint.lintFiles(lintPaths);
  const reports = [];
  for (const result of results) {
    const file = path.relative(project.dir, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.ruleId === null) {
        if (message.fatal) fail(`${file}:${message.line}: ${message.message}`);
        continue;
      }
      reports.push({
        where: `${file}:${message.line}`,
        rule: message.ruleId.replace(/^async-misuse\//u, ''),
        recommended: recommendedRules.has(message.ruleId),
      });
    }
  }
  return reports.sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }) || a.rule.localeCompare(b.rule));
}

/** Reads `| path:line | rule | verdict | why |` rows; prints the figures; returns how many reports have no row. */
function checkVerdicts(project, reports) {
  const file = path.join(repoDir, 'bench/triage', `${project.name}.md`);
  const rows = existsSync(file) ? readRows(readFileSync(file, 'utf8')) : [];
  const byKey = new Map(rows.map((row) => [`${row.where} ${row.rule}`, row]));
  const missing = reports.filter((report) => !byKey.has(`${report.where} ${report.rule}`));
  const reportedKeys = new Set(reports.map((report) => `${report.where} ${report.rule}`));
  const stale = rows.filter((row) => !reportedKeys.has(`${row.where} ${row.rule}`) && row.verdict !== 'fixed');
  for (const report of missing) console.log(`no verdict: ${report.where} ${report.rule}`);
  for (const row of stale) console.log(`no longer reported, verdict not marked fixed: ${row.where} ${row.rule} (${row.verdict})`);
  for (const config of ['recommended', 'strict']) {
    const inConfig = (rule) => config === 'strict' || recommendedRules.has(`async-misuse/${rule}`);
    const now = reports.filter((report) => inConfig(report.rule)).map((report) => byKey.get(`${report.where} ${report.rule}`)?.verdict);
    const fixed = rows.filter((row) => row.verdict === 'fixed' && inConfig(row.rule)).length;
    const count = (verdict) => now.filter((value) => value === verdict).length;
    const real = count('real');
    const share = now.length === 0 ? 'n/a' : `${((100 * real) / now.length).toFixed(0)} %`;
    const before = now.length + fixed === 0 ? 'n/a' : `${((100 * real) / (now.length + fixed)).toFixed(0)} %`;
    console.log(
      `${project.name} ${config}: ${now.length} reports — ${real} real, ${count('false positive')} false positive, ${count('debatable')} debatable; ${share} real (before the ${fixed} fixed false positive(s): ${before})`,
    );
  }
  return missing.length;
}

function readRows(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim().replaceAll('`', ''));
    const where = cells.find((cell) => /^[\w@./-]+\.[cm]?tsx?:\d+$/u.test(cell));
    if (where === undefined) continue;
    const rest = cells.slice(cells.indexOf(where) + 1).filter((cell) => cell !== '');
    const [rule, verdictText = ''] = rest;
    rows.push({ where, rule: rule.replace(/^async-misuse\//u, ''), verdict: normaliseVerdict(verdictText) });
  }
  return rows;
}

function normaliseVerdict(text) {
  const lower = text.toLowerCase();
  if (/fixed/u.test(lower)) return 'fixed';
  if (/^(fp|false)/u.test(lower)) return 'false positive';
  if (/^debatable/u.test(lower)) return 'debatable';
  if (/^real/u.test(lower)) return 'real';
  return lower;
}

function fail(message) {
  console.error(`triage: ${message}`);
  process.exit(2);
}
