// One timed ESLint CLI process over a project, configured as scripts/bench.js
// configures it (typed through the project service, TIMING=all, CPU and
// peak memory from scripts/bench-usage.mjs): shared by bench-scale.js and
// bench-concurrency.js.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const moduleUrl = (relative) => pathToFileURL(path.join(repoDir, relative)).href;

/**
 * Writes an ESLint config for `projectDir` to `configFile`: `ours` is
 * `'strict'` or `'recommended'` for that config of ours, `null` for no
 * rules (the typed-parse floor).
 */
export function writeConfig(configFile, projectDir, ours) {
  writeFileSync(
    configFile,
    `import parser from ${JSON.stringify(moduleUrl('node_modules/@typescript-eslint/parser/dist/index.js'))};
import asyncMisuse from ${JSON.stringify(moduleUrl('dist/index.js'))};
export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/*.d.ts'] },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    languageOptions: { parser, parserOptions: { projectService: true, tsconfigRootDir: ${JSON.stringify(projectDir)} } },
    linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    plugins: { 'async-misuse': asyncMisuse },
    rules: ${ours ? `asyncMisuse.configs[${JSON.stringify(ours)}].rules` : '{}'},
  },
];
`,
  );
}

/** Runs `eslint --config configFile [...args] .` in `projectDir`: wall, CPU (all threads), peak RSS, each rule's TIMING ms. */
export function runEslint(projectDir, configFile, args = []) {
  const usageFile = `${configFile}.usage.json`;
  rmSync(usageFile, { force: true });
  const started = process.hrtime.bigint();
  const child = spawnSync(
    process.execPath,
    ['--import', moduleUrl('scripts/bench-usage.mjs'), path.join(repoDir, 'node_modules/eslint/bin/eslint.js'), '--config', configFile, '--format', 'json', ...args, '.'],
    {
      cwd: projectDir,
      env: { ...process.env, TIMING: 'all', BENCH_USAGE_FILE: usageFile },
      encoding: 'utf8',
      maxBuffer: 1024 * 1024 * 1024,
    },
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.status === 2 || child.error || !existsSync(usageFile)) {
    throw new Error(child.stderr || child.error?.message || `eslint exited ${child.status ?? child.signal} with no usage`);
  }
  const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
  return { wallMs, cpuMs: usage.userMs + usage.systemMs, maxRssKb: usage.maxRssKb, rules: parseTiming(child.stdout) };
}

/** ESLint prints its TIMING table after the formatter's output: `rule | ms | %`. */
export function parseTiming(stdout) {
  const rules = {};
  for (const line of stdout.split('\n')) {
    const match = /^(\S+)\s*\|\s*([\d.]+)\s*\|/u.exec(line);
    if (match && match[1] !== 'Rule') rules[match[1]] = Number(match[2]);
  }
  return rules;
}

/** The middle value; of an even count, the mean of the two middle ones. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function spread(values, digits = 1) {
  return values.length === 0 ? '' : `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}

export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');

/** Machine and versions, for the header of a results file. */
export function describeSetup() {
  const version = (name) => JSON.parse(readFileSync(path.join(repoDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  const cpus = os.cpus();
  return [
    `Machine: ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}.`,
    `Versions: Node ${process.version}, ESLint ${version('eslint')}, TypeScript ${version('typescript')}, typescript-eslint ${version('typescript-eslint')}, eslint-plugin-async-misuse ${JSON.parse(readFileSync(path.join(repoDir, 'package.json'), 'utf8')).version}.`,
  ].join('\n');
}
