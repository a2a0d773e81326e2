// Measures what the plugin's rules cost on a typed project, beside the
// typescript-eslint rules that ask the same questions of the checker:
//
//   npm run bench                     # the bundled examples/ project
//   npm run bench -- /path/to/project  # any folder with a tsconfig.json
//
// Each set of rules runs in its own ESLint process with TIMING=all; the
// table gives each rule's time as ESLint measures it (listener time,
// including the type queries it triggers), the median of several runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const projectDir = path.resolve(process.argv[2] ?? path.join(repoDir, 'examples'));
const runs = Number(process.env.BENCH_RUNS ?? 3);
if (!existsSync(path.join(projectDir, 'tsconfig.json'))) {
  console.error(`bench: no tsconfig.json in ${projectDir}`);
  process.exit(2);
}
if (!existsSync(path.join(repoDir, 'dist/index.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

const moduleUrl = (relative) => pathToFileURL(path.join(repoDir, relative)).href;
const peerRules = {
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/require-await': 'error',
};
const sets = {
  'async-misuse (strict)': { ours: true, peers: false },
  'typescript-eslint peers': { ours: false, peers: true },
  'both (peers first)': { ours: true, peers: true },
};

const configDir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-bench-'));
try {
  const results = {};
  for (const [label, set] of Object.entries(sets)) {
    const configFile = path.join(configDir, `${label.replace(/\W+/gu, '-')}.mjs`);
    writeFileSync(
      configFile,
      `import parser from ${JSON.stringify(moduleUrl('node_modules/@typescript-eslint/parser/dist/index.js'))};
import tseslint from ${JSON.stringify(moduleUrl('node_modules/typescript-eslint/dist/index.js'))};
import asyncMisuse from ${JSON.stringify(moduleUrl('dist/index.js'))};
export default [
  { ignores: ['**/node_modules/**', '**/dist/**'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(projectDir)} } },
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    plugins: { 'async-misuse': asyncMisuse, '@typescript-eslint': tseslint.plugin },
    rules: { ...${JSON.stringify(set.peers ? peerRules : {})}, ...${set.ours ? 'asyncMisuse.configs.strict.rules' : '{}'} },
  },
];
`,
    );
    const samples = [];
    for (let run = 0; run < runs; run += 1) {
      const started = process.hrtime.bigint();
      const child = spawnSync(
        process.execPath,
        [path.join(repoDir, 'node_modules/eslint/bin/eslint.js'), '--config', configFile, '--format', 'json', '.'],
        { cwd: projectDir, env: { ...process.env, TIMING: 'all' }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
      );
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      if (child.status === 2 || child.error) {
        console.error(child.stderr || child.error?.message);
        process.exit(1);
      }
      samples.push({ wallMs, rules: parseTiming(child.stdout) });
    }
    results[label] = samples;
  }
  printReport(results);
} finally {
  rmSync(configDir, { recursive: true, force: true });
}

/** ESLint prints its TIMING table after the formatter output: `rule | ms | %`. */
function parseTiming(stdout) {
  const rules = {};
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\s*\|\s*([\d.]+)\s*\|/u.exec(line);
    if (match && match[1] !== 'Rule') rules[match[1]] = Number(match[2]);
  }
  return rules;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function printReport(results) {
  console.log(`Project: ${projectDir} (${runs} runs per set, median)\n`);
  const rows = [];
  const totals = {};
  for (const [label, samples] of Object.entries(results)) {
    const ruleIds = Object.keys(samples[0]?.rules ?? {});
    let total = 0;
    for (const ruleId of ruleIds) {
      const ms = median(samples.map((sample) => sample.rules[ruleId] ?? 0));
      total += ms;
      rows.push([label, ruleId, ms.toFixed(0)]);
    }
    totals[label] = { rules: total, wall: median(samples.map((sample) => sample.wallMs)) };
  }
  const widths = [24, 40, 8];
  const line = (cells) => cells.map((cell, index) => String(cell).padEnd(widths[index])).join('  ');
  console.log(line(['set', 'rule', 'ms']));
  for (const row of rows) console.log(line(row));
  console.log('');
  for (const [label, total] of Object.entries(totals)) {
    console.log(`${label.padEnd(24)}  rules ${total.rules.toFixed(0).padStart(6)} ms   whole run ${total.wall.toFixed(0).padStart(6)} ms`);
  }
  const peers = totals['typescript-eslint peers'];
  const both = totals['both (peers first)'];
  if (peers && both && peers.rules > 0) {
    const added = both.rules - peers.rules;
    console.log(`\nadded by async-misuse on top of the peer rules: ${added.toFixed(0)} ms (${((100 * added) / peers.rules).toFixed(0)} % of their rule time)`);
  }
}
