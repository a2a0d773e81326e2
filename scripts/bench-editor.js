// What a person typing feels: one open file linted again after each edit,
// through typescript-eslint's project service as the editor's ESLint server
// uses it (ESLint's Node API in one long-lived process, `lintText` with the
// file's path, so the project service updates its program instead of
// building a new one).
//
//   npm run bench:editor                         # openai's src/client.ts, 3 rounds
//   npm run bench:editor -- mongodb src/sessions.ts
//   BENCH_ROUNDS=5 npm run bench:editor          # more rounds (default 3)
//   BENCH_SETS=strict,peers npm run bench:editor # some of the sets
//   BENCH_EDITOR_RESULTS=bench/EDITOR.md npm run bench:editor   # also write the table there
//   BENCH_CPU_PROF=/tmp/prof npm run bench:editor # --cpu-prof each linting process
//
// Per round and set, a fresh process lints the file once (cold: the project
// service loads the project, the first program and checker), then applies 10
// edits one after another and lints after each. Sets: typed parsing with no
// rules, our `strict`, the 14 peer rules (scripts/bench-peers.js), and both,
// each set with rules led by `bench/checker-start` (scripts/bench-checker-start.js)
// so that the new checker each edit makes is charged to no real rule. Each
// lint's wall and CPU time, and ESLint's own split (`stats: true`): parse
// (the program update and the AST) and each rule.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import benchPlugin from './bench-checker-start.js';
import { peerRules } from './bench-peers.js';
import { median } from './bench-eslint.js';
import { corpora, prepareCorpus } from './prepare-corpus.js';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scriptFile = fileURLToPath(import.meta.url);

const allSets = {
  floor: { peers: false, ours: false, label: 'typed parse, no rules' },
  strict: { peers: false, ours: true, label: 'async-misuse strict' },
  peers: { peers: true, ours: false, label: 'peers’ async rules' },
  both: { peers: true, ours: true, label: 'peers + strict' },
};

/**
 * Ten edits a person makes one after another in openai's src/client.ts: each
 * replaces one piece of text (every occurrence for a rename) and leaves the
 * file valid TypeScript. For another file, edits are lines inserted into its
 * first function body.
 */
const clientEdits = [
  { what: 'insert a line in a function body', find: '    const options = await optionsInput;\n', replace: '    const options = await optionsInput;\n    const requestStarted = performance.now();\n' },
  { what: 'rename a local (3 places)', find: 'shouldRetryHeader', replace: 'retryHeader', all: true },
  { what: 'add an await', find: '    await sleep(timeoutMillis);\n', replace: '    await sleep(0);\n    await sleep(timeoutMillis);\n' },
  { what: 'change a string literal', find: "'x-should-retry'", replace: "'x-should-retry-now'" },
  { what: 'add a parameter with a default', find: 'private async shouldRetry(response: Response)', replace: 'private async shouldRetry(response: Response, attempt = 0)' },
  { what: 'use the new parameter', find: '    // Retry on request timeouts.\n', replace: '    if (attempt > 10) return false;\n    // Retry on request timeouts.\n' },
  {
    what: 'add an async method',
    find: '  buildURL(\n',
    replace: '  async ping(): Promise<boolean> {\n    const models = await this.get<unknown>(\'/models\');\n    return models !== undefined;\n  }\n\n  buildURL(\n',
  },
  { what: 'use the new local', find: '    const startTime = Date.now();\n', replace: '    const startTime = Date.now();\n    loggerFor(this).debug(`prepared in ${performance.now() - requestStarted}ms`);\n' },
  { what: 'delete a line', find: '    await sleep(0);\n', replace: '' },
  { what: 'change a return statement', find: '    return url.toString();\n', replace: '    const built = url.toString();\n    return built;\n' },
];

if (process.argv[2] === '--child') {
  await runChild(JSON.parse(process.argv[3]));
} else {
  runParent();
}

function runParent() {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const setNames = (process.env.BENCH_SETS ?? Object.keys(allSets).join(',')).split(',');
  for (const name of setNames) {
    if (!(name in allSets)) fail(`unknown set ${name}; sets are ${Object.keys(allSets).join(', ')}`);
  }
  if (!existsSync(path.join(repoDir, 'dist/index.js'))) fail('build first (npm run build)');
  const [corpusName = 'openai', relativeFile = 'src/client.ts'] = process.argv.slice(2);
  if (!corpora.some((corpus) => corpus.name === corpusName)) fail(`unknown corpus ${corpusName}`);
  const project = prepareCorpus().find((corpus) => corpus.name === corpusName);
  const filePath = path.join(project.dir, relativeFile);
  if (!existsSync(filePath)) fail(`no ${filePath}`);

  const samples = Object.fromEntries(setNames.map((name) => [name, []]));
  const loads = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = setNames.map((_, index) => setNames[(index + round) % setNames.length]);
    for (const name of order) {
      process.stderr.write(`bench:editor: round ${round + 1}/${rounds} ${name}\n`);
      loads.push(os.loadavg()[0]);
      samples[name].push(runSet(project, filePath, name, round));
    }
  }
  const text = formatReport(project, relativeFile, setNames, samples, rounds, loads);
  console.log(text);
  const resultsFile = process.env.BENCH_EDITOR_RESULTS;
  if (resultsFile) writeFileSync(path.resolve(resultsFile), text + '\n');
}

function runSet(project, filePath, name, round) {
  const profile = process.env.BENCH_CPU_PROF;
  const child = spawnSync(
    process.execPath,
    [
      ...(profile ? ['--cpu-prof', '--cpu-prof-dir', profile, '--cpu-prof-name', `${name}-${round + 1}.cpuprofile`] : []),
      scriptFile,
      '--child',
      JSON.stringify({ projectDir: project.dir, filePath, set: name }),
    ],
    {
      cwd: project.dir,
      // Not CI: typescript-eslint then treats the run as an editor's (no single run).
      env: { ...process.env, CI: '', TSESTREE_SINGLE_RUN: '' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (child.status !== 0) fail(child.stderr || child.error?.message || `child exited with ${child.status}`);
  const result = JSON.parse(child.stdout);
  if (profile) process.stderr.write(`bench:editor: ${name}-${round + 1}.cpuprofile: the re-lints start at ${result.relintsStartUs} µs\n`);
  return result;
}

async function runChild({ projectDir, filePath, set }) {
  const { peers, ours } = allSets[set];
  const load = (relative) => import(pathToFileURL(path.join(repoDir, relative)).href).then((module) => module.default);
  const [{ ESLint }, parser, tseslint, promise, n, asyncMisuse] = await Promise.all([
    import(pathToFileURL(path.join(repoDir, 'node_modules/eslint/lib/api.js')).href),
    load('node_modules/@typescript-eslint/parser/dist/index.js'),
    load('node_modules/typescript-eslint/dist/index.js'),
    load('node_modules/eslint-plugin-promise/index.js'),
    load('node_modules/eslint-plugin-n/lib/index.js'),
    load('dist/index.js'),
  ]);
  const eslint = new ESLint({
    cwd: projectDir,
    overrideConfigFile: true,
    stats: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: projectDir } },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { 'async-misuse': asyncMisuse, '@typescript-eslint': tseslint.plugin, promise, n, bench: benchPlugin },
        // As in scripts/bench.js: the checker's start charged to a rule of its own, listed first.
        rules: {
          ...(peers || ours ? { 'bench/checker-start': 'error' } : {}),
          ...(peers ? peerRules : {}),
          ...(ours ? asyncMisuse.configs.strict.rules : {}),
        },
      },
    ],
  });
  let text = readFileSync(filePath, 'utf8');
  const edits = path.basename(filePath) === 'client.ts' && text.includes('shouldRetryHeader') ? clientEdits : genericEdits(text);
  const lints = [];
  const lint = async (what) => {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const [result] = await eslint.lintText(text, { filePath });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    if (result.messages.some((message) => message.fatal)) throw new Error(`${what}: ${result.messages.find((message) => message.fatal).message}`);
    const pass = result.stats?.times.passes[0];
    const rules = Object.fromEntries(Object.entries(pass?.rules ?? {}).map(([id, time]) => [id, time.total]));
    lints.push({ what, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, parseMs: pass?.parse.total ?? 0, rules, problems: result.messages.length });
  };
  await lint('open the file (cold)');
  // Where the re-lints start on a --cpu-prof profile's clock (microseconds).
  const relintsStartUs = Number(process.hrtime.bigint() / 1000n);
  for (const edit of edits) {
    const next = edit.all ? text.replaceAll(edit.find, edit.replace) : text.replace(edit.find, edit.replace);
    if (next === text || (!edit.all && text.indexOf(edit.find) !== text.lastIndexOf(edit.find))) {
      throw new Error(`edit "${edit.what}" does not apply once`);
    }
    text = next;
    await lint(edit.what);
  }
  process.stdout.write(JSON.stringify({ lints, relintsStartUs, maxRssKb: process.resourceUsage().maxRSS }));
}

/** For a file other than openai's client: a new line in a function body, ten times. */
function genericEdits(text) {
  const match = /\)[^;{}()]*\{\n/u.exec(text);
  if (match === null) throw new Error('no function body to edit');
  const at = match.index + match[0].length;
  return Array.from({ length: 10 }, (_, index) => ({
    what: `insert line ${index + 1}`,
    find: text.slice(0, at),
    replace: `${text.slice(0, at)}  const edit${index} = ${index};\n`,
  })).map((edit, index, all) => {
    // Each edit builds on the previous one: find the text as it stands then.
    const previous = all.slice(0, index).map((_, i) => `  const edit${i} = ${i};\n`).join('');
    return { what: edit.what, find: text.slice(0, at) + previous, replace: `${text.slice(0, at)}${previous}  const edit${index} = ${index};\n` };
  });
}

function formatReport(project, relativeFile, setNames, samples, rounds, loads) {
  const version = (name) => JSON.parse(readFileSync(path.join(repoDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const cpus = os.cpus();
  const out = [
    `## ${project.name} — ${relativeFile}, ${project.files} files, ${project.lines.toLocaleString('en')} lines`,
    '',
    `Command: \`BENCH_ROUNDS=${rounds} npm run bench:editor -- ${project.name} ${relativeFile}\` (one process per set and round, order rotated).`,
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; load average (1 min) when each process started: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}.`,
    `Versions: Node ${process.version}, ESLint ${version('eslint')}, TypeScript ${version('typescript')}, typescript-eslint ${version('typescript-eslint')}, eslint-plugin-promise ${version('eslint-plugin-promise')}, eslint-plugin-n ${version('eslint-plugin-n')}.`,
    '',
    `Re-lints: the 10 edits × ${rounds} rounds. "parse" is ESLint's parse time (the project service's program update and the AST); "rules" is the sum of the rules' times.`,
    '',
    '| set | cold lint ms (median) | re-lint wall ms median / max | re-lint CPU ms median / max | parse ms median | rules ms median | peak RSS MB |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const name of setNames) {
    const runs = samples[name];
    const cold = runs.map((run) => run.lints[0]);
    const warm = runs.flatMap((run) => run.lints.slice(1));
    const sum = (rules) => Object.values(rules).reduce((total, ms) => total + ms, 0);
    out.push(
      `| ${allSets[name].label} | ${median(cold.map((lint) => lint.wallMs)).toFixed(0)} | ${median(warm.map((lint) => lint.wallMs)).toFixed(0)} / ${Math.max(...warm.map((lint) => lint.wallMs)).toFixed(0)} | ${median(warm.map((lint) => lint.cpuMs)).toFixed(0)} / ${Math.max(...warm.map((lint) => lint.cpuMs)).toFixed(0)} | ${median(warm.map((lint) => lint.parseMs)).toFixed(0)} | ${median(warm.map((lint) => sum(lint.rules))).toFixed(0)} | ${median(runs.map((run) => run.maxRssKb / 1024)).toFixed(0)} |`,
    );
  }
  out.push('');
  // The rules that cost most per re-lint, in the set with everything.
  const richest = setNames.includes('both') ? 'both' : setNames.at(-1);
  const warm = samples[richest].flatMap((run) => run.lints.slice(1));
  const ruleIds = [...new Set(warm.flatMap((lint) => Object.keys(lint.rules)))];
  const perRule = ruleIds
    .map((id) => ({ id, median: median(warm.map((lint) => lint.rules[id] ?? 0)), max: Math.max(...warm.map((lint) => lint.rules[id] ?? 0)) }))
    .sort((a, b) => b.median - a.median);
  out.push(`| rule (${allSets[richest].label}, per re-lint) | median ms | max ms |`, '|---|---|---|');
  for (const rule of perRule.slice(0, 12)) out.push(`| ${rule.id} | ${rule.median.toFixed(1)} | ${rule.max.toFixed(1)} |`);
  out.push('');
  out.push('| edit | ' + setNames.map((name) => `${allSets[name].label} wall ms (median)`).join(' | ') + ' |', `|---|${setNames.map(() => '---').join('|')}|`);
  const edits = samples[setNames[0]][0].lints.map((lint) => lint.what);
  edits.forEach((what, index) => {
    out.push(`| ${index === 0 ? what : `${index}. ${what}`} | ${setNames.map((name) => median(samples[name].map((run) => run.lints[index].wallMs)).toFixed(0)).join(' | ')} |`);
  });
  return out.join('\n');
}

function fail(message) {
  console.error(`bench:editor: ${message}`);
  process.exit(2);
}
