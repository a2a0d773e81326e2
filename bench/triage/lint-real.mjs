// Lints a real project's sources with our recommended or strict config, typed
// through the project service, with the project's own disable comments ignored,
// and writes ESLint's JSON output — the input of a triage (bench/triage/*.md).
//
//   npm run build
//   node bench/triage/lint-real.mjs <project dir> <recommended|strict> <out.json> [paths…]
//
// [paths…] default to `src`, relative to the project dir. A per-rule count and
// one line per report (file:line rule message) go to stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [projectArg, set, outArg, ...paths] = process.argv.slice(2);
if (!projectArg || !['recommended', 'strict'].includes(set) || !outArg) {
  console.error('usage: node bench/triage/lint-real.mjs <project dir> <recommended|strict> <out.json> [paths…]');
  process.exit(2);
}
const projectDir = path.resolve(projectArg);
const outFile = path.resolve(outArg);
const moduleUrl = (relative) => pathToFileURL(path.join(repoDir, relative)).href;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'async-misuse-triage-'));
const configFile = path.join(workDir, 'eslint.config.mjs');
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
    rules: asyncMisuse.configs[${JSON.stringify(set)}].rules,
  },
];
`,
);
try {
  const child = spawnSync(
    process.execPath,
    [path.join(repoDir, 'node_modules/eslint/bin/eslint.js'), '--config', configFile, '--format', 'json', '--output-file', outFile, ...(paths.length > 0 ? paths : ['src'])],
    { cwd: projectDir, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (child.status === 2 || child.error) {
    console.error(child.error?.message ?? `eslint exited with ${child.status}`);
    process.exit(2);
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}

const results = JSON.parse(readFileSync(outFile, 'utf8'));
const counts = {};
const lines = [];
let fatal = 0;
for (const result of results) {
  for (const message of result.messages) {
    // noInlineConfig turns each of the project's own disable comments into a ruleless notice.
    if (!message.fatal && !message.ruleId) continue;
    if (message.fatal || !message.ruleId) {
      fatal += 1;
      lines.push(`${path.relative(projectDir, result.filePath)}:${message.line} FATAL ${message.message}`);
      continue;
    }
    counts[message.ruleId] = (counts[message.ruleId] ?? 0) + 1;
    lines.push(`${path.relative(projectDir, result.filePath)}:${message.line}:${message.column} ${message.ruleId.replace('async-misuse/', '')} ${message.message}`);
  }
}
console.log(`${set}: ${results.length} files, ${lines.length - fatal} reports, ${fatal} parse/config errors`);
for (const [rule, count] of Object.entries(counts).sort()) console.log(`  ${rule}: ${count}`);
for (const line of lines) console.log(line);
