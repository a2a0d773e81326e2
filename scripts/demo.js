#!/usr/bin/env node
// Lints the example service in `examples/` with the plugin's `strict` config
// (through `examples/eslint.config.js`, as a user would set it up) and shows:
// the findings grouped per rule, what `--fix` would change (as a diff; no file
// is written), and a summary per rule.
//
//   npm run demo                          builds the plugin, then runs this
//   node scripts/demo.js --fixed-out DIR  also writes the fixed files under DIR
//
// Exit code 0 whenever the demo ran (findings are its point); 1 when it could
// not lint (no build, a file that does not parse, a rule that crashed).

import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(repoDir, 'examples');
const configFile = path.join(examplesDir, 'eslint.config.js');
const lintTargets = ['src'];
const PLUGIN_PREFIX = 'async-misuse/';

const useColor = process.stdout.isTTY === true && !('NO_COLOR' in process.env);
const paint = (code) => (text) => (useColor ? `\u001B[${code}m${text}\u001B[0m` : text);
const bold = paint('1');
const dim = paint('2');
const red = paint('31');
const green = paint('32');
const cyan = paint('36');

async function main() {
  const fixedOutDir = readFixedOutOption(process.argv.slice(2));
  if (!existsSync(path.join(repoDir, 'dist', 'index.js'))) {
    console.error('dist/index.js is missing: build the plugin first (`npm run build`, or run `npm run demo`).');
    return 1;
  }

  const options = { cwd: examplesDir, overrideConfigFile: configFile };
  const linter = new ESLint(options);
  const results = sortByPath(await linter.lintFiles(lintTargets));
  // A second pass with fixes: ESLint keeps the fixed text in `result.output` and writes nothing
  // unless `ESLint.outputFixes` is called, which this script never does.
  const fixedResults = sortByPath(await new ESLint({ ...options, fix: true }).lintFiles(lintTargets));

  const enabledRules = await getEnabledPluginRules(linter, results);
  const findings = results.flatMap((result) =>
    result.messages.map((message) => ({ file: displayPath(result.filePath), ...message })),
  );
  const lintErrors = findings.filter((finding) => finding.ruleId === null || finding.fatal === true);

  console.log(bold('eslint-plugin-async-misuse demo'));
  console.log(
    `Linted ${results.length} files of examples/${lintTargets.join(', examples/')} with the plugin's \`strict\` config ` +
      `(${enabledRules.map(stripPrefix).join(', ')}), using type information from examples/tsconfig.json.`,
  );

  printFindings(findings, enabledRules);
  const changedFiles = await printFixPreview(fixedResults);
  printSummary(findings, fixedResults, enabledRules, changedFiles);

  if (fixedOutDir !== undefined) await writeFixedFiles(fixedResults, fixedOutDir);

  if (lintErrors.length > 0) {
    console.error(`\n${lintErrors.length} problem(s) did not come from a rule: the examples must parse and type-check.`);
    return 1;
  }
  return 0;
}

function printFindings(findings, enabledRules) {
  heading('Findings');
  if (findings.length === 0) {
    console.log('No findings.');
    return;
  }
  const ruleIds = [...new Set(findings.map((finding) => finding.ruleId ?? '(no rule)'))].sort(
    (a, b) => rankRule(a, enabledRules) - rankRule(b, enabledRules) || a.localeCompare(b),
  );
  for (const ruleId of ruleIds) {
    const group = findings.filter((finding) => (finding.ruleId ?? '(no rule)') === ruleId);
    console.log(`\n${bold(cyan(ruleId))} (${plural(group.length, 'finding')})`);
    for (const finding of group) {
      const marker = describeRemedy(finding);
      console.log(`  ${finding.file}:${finding.line}:${finding.column}  ${finding.message}${marker ? `  ${marker}` : ''}`);
      for (const suggestion of finding.suggestions ?? []) {
        console.log(dim(`      suggestion: ${suggestion.desc}`));
      }
    }
  }
  console.log(`\n${dim('[fix]: applied by --fix.  [suggestion]: offered as an editor quick fix, never applied by --fix.')}`);
}

/** Prints a unified diff per file that `--fix` would change; returns how many files change. */
async function printFixPreview(fixedResults) {
  heading('What --fix would change (preview only: no file is written)');
  let changedFiles = 0;
  for (const fixed of fixedResults) {
    if (fixed.output === undefined) continue;
    const before = await readFile(fixed.filePath, 'utf8');
    if (before === fixed.output) continue;
    changedFiles += 1;
    const file = displayPath(fixed.filePath);
    console.log('');
    for (const line of formatUnifiedDiff(before, fixed.output, `a/${file}`, `b/${file}`)) {
      if (line.startsWith('---') || line.startsWith('+++')) console.log(bold(line));
      else if (line.startsWith('@@')) console.log(cyan(line));
      else if (line.startsWith('-')) console.log(red(line));
      else if (line.startsWith('+')) console.log(green(line));
      else console.log(line);
    }
  }
  if (changedFiles === 0) console.log('\n--fix would change nothing.');
  return changedFiles;
}

function printSummary(findings, fixedResults, enabledRules, changedFiles) {
  heading('Summary');
  const leftAfterFix = fixedResults.flatMap((result) => result.messages);
  const ruleIds = [...enabledRules];
  for (const finding of findings) {
    if (finding.ruleId !== null && !ruleIds.includes(finding.ruleId)) ruleIds.push(finding.ruleId);
  }
  const countFor = (ruleId) => {
    const group = findings.filter((finding) => finding.ruleId === ruleId);
    return [
      ruleId,
      group.length,
      group.filter((finding) => finding.fix !== undefined).length,
      group.filter((finding) => (finding.suggestions ?? []).length > 0).length,
      leftAfterFix.filter((message) => message.ruleId === ruleId).length,
    ];
  };
  const rows = ruleIds.map(countFor);
  const total = ['total', ...[1, 2, 3, 4].map((column) => rows.reduce((sum, row) => sum + row[column], 0))];
  const header = ['rule', 'findings', 'fixable', 'with suggestions', 'left after --fix'];
  console.log('');
  for (const line of formatTable(header, [...rows, total])) console.log(line);
  console.log(`\n--fix would change ${plural(changedFiles, 'file')}; the rest needs a person (suggestions or a rewrite).`);
}

/** `[fix]`, `[suggestion]` (or both) for a finding; empty when it only reports. */
function describeRemedy(finding) {
  const parts = [];
  if (finding.fix !== undefined) parts.push('[fix]');
  const suggestions = (finding.suggestions ?? []).length;
  if (suggestions === 1) parts.push('[suggestion]');
  if (suggestions > 1) parts.push(`[${suggestions} suggestions]`);
  return parts.join(' ');
}

async function getEnabledPluginRules(linter, results) {
  const [first] = results;
  if (first === undefined) return [];
  const config = await linter.calculateConfigForFile(first.filePath);
  return Object.entries(config.rules ?? {})
    .filter(([ruleId, entry]) => ruleId.startsWith(PLUGIN_PREFIX) && severityOf(entry) > 0)
    .map(([ruleId]) => ruleId)
    .sort();
}

function severityOf(entry) {
  const level = Array.isArray(entry) ? entry[0] : entry;
  return { off: 0, warn: 1, error: 2 }[level] ?? Number(level);
}

async function writeFixedFiles(fixedResults, outDir) {
  for (const result of fixedResults) {
    const target = path.join(outDir, path.relative(examplesDir, result.filePath));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, result.output ?? (await readFile(result.filePath, 'utf8')));
  }
  console.log(`\nWrote the fixed files under ${outDir}.`);
}

function readFixedOutOption(args) {
  const index = args.indexOf('--fixed-out');
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined) throw new Error('--fixed-out needs a directory');
  return path.resolve(value);
}

// ---- a small line diff (longest common subsequence), printed as unified hunks ----

/**
 * Lines of a unified diff from `before` to `after` with `context` lines
 * around each change, as `diff -u` prints them.
 */
function formatUnifiedDiff(before, after, fromName, toName, context = 3) {
  const operations = diffLines(splitLines(before), splitLines(after));
  const changeIndexes = operations.flatMap((operation, index) => (operation.kind === ' ' ? [] : [index]));
  if (changeIndexes.length === 0) return [];
  const output = [`--- ${fromName}`, `+++ ${toName}`];
  let hunkStart = 0;
  while (hunkStart < changeIndexes.length) {
    // Grow the hunk while the next change is close enough for the contexts to touch.
    let hunkEnd = hunkStart;
    while (
      hunkEnd + 1 < changeIndexes.length &&
      changeIndexes[hunkEnd + 1] - changeIndexes[hunkEnd] <= 2 * context + 1
    ) {
      hunkEnd += 1;
    }
    const from = Math.max(0, changeIndexes[hunkStart] - context);
    const to = Math.min(operations.length, changeIndexes[hunkEnd] + context + 1);
    const slice = operations.slice(from, to);
    const oldLines = slice.filter((operation) => operation.kind !== '+');
    const newLines = slice.filter((operation) => operation.kind !== '-');
    const oldStart = oldLines.length > 0 ? oldLines[0].oldLine : precedingLine(operations, from, 'oldLine');
    const newStart = newLines.length > 0 ? newLines[0].newLine : precedingLine(operations, from, 'newLine');
    output.push(`@@ -${formatRange(oldStart, oldLines.length)} +${formatRange(newStart, newLines.length)} @@`);
    for (const operation of slice) output.push(`${operation.kind}${operation.text}`);
    hunkStart = hunkEnd + 1;
  }
  return output;
}

function splitLines(text) {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Edit script of `' '` (kept), `'-'` (removed), `'+'` (added) lines with 1-based line numbers. */
function diffLines(oldLines, newLines) {
  let prefix = 0;
  while (prefix < oldLines.length && prefix < newLines.length && oldLines[prefix] === newLines[prefix]) prefix += 1;
  let suffix = 0;
  while (
    suffix < oldLines.length - prefix &&
    suffix < newLines.length - prefix &&
    oldLines[oldLines.length - 1 - suffix] === newLines[newLines.length - 1 - suffix]
  ) {
    suffix += 1;
  }
  const oldMiddle = oldLines.slice(prefix, oldLines.length - suffix);
  const newMiddle = newLines.slice(prefix, newLines.length - suffix);

  // lcs[i][j]: length of the longest common subsequence of oldMiddle[i:] and newMiddle[j:].
  const width = newMiddle.length + 1;
  const lcs = new Uint32Array((oldMiddle.length + 1) * width);
  for (let i = oldMiddle.length - 1; i >= 0; i -= 1) {
    for (let j = newMiddle.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] =
        oldMiddle[i] === newMiddle[j]
          ? lcs[(i + 1) * width + j + 1] + 1
          : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }

  const operations = [];
  const keep = (oldIndex, newIndex) =>
    operations.push({ kind: ' ', text: oldLines[oldIndex], oldLine: oldIndex + 1, newLine: newIndex + 1 });
  for (let index = 0; index < prefix; index += 1) keep(index, index);
  let i = 0;
  let j = 0;
  while (i < oldMiddle.length || j < newMiddle.length) {
    if (i < oldMiddle.length && j < newMiddle.length && oldMiddle[i] === newMiddle[j]) {
      keep(prefix + i, prefix + j);
      i += 1;
      j += 1;
    } else if (j === newMiddle.length || (i < oldMiddle.length && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      operations.push({ kind: '-', text: oldMiddle[i], oldLine: prefix + i + 1, newLine: prefix + j });
      i += 1;
    } else {
      operations.push({ kind: '+', text: newMiddle[j], oldLine: prefix + i, newLine: prefix + j + 1 });
      j += 1;
    }
  }
  for (let index = 0; index < suffix; index += 1) {
    keep(oldLines.length - suffix + index, newLines.length - suffix + index);
  }
  return operations;
}

function precedingLine(operations, index, key) {
  return index > 0 ? operations[index - 1][key] : 0;
}

function formatRange(start, count) {
  return count === 1 ? `${start}` : `${start},${count}`;
}

// ---- plain-text layout ----

function heading(title) {
  console.log(`\n${bold(`== ${title} ==`)}`);
}

function formatTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const format = (row) =>
    row
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join('  ')
      .trimEnd();
  const separator = widths.map((width) => '-'.repeat(width)).join('  ');
  const [headerCells, ...bodyCells] = cells;
  const lastRow = bodyCells.pop();
  return [format(headerCells), separator, ...bodyCells.map(format), separator, format(lastRow)];
}

function rankRule(ruleId, enabledRules) {
  const index = enabledRules.indexOf(ruleId);
  return index === -1 ? enabledRules.length : index;
}

function stripPrefix(ruleId) {
  return ruleId.startsWith(PLUGIN_PREFIX) ? ruleId.slice(PLUGIN_PREFIX.length) : ruleId;
}

function displayPath(filePath) {
  return path.relative(examplesDir, filePath).split(path.sep).join('/');
}

function sortByPath(results) {
  return [...results].sort((a, b) => a.filePath.localeCompare(b.filePath));
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error('The demo crashed:');
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exitCode = 1;
    },
  );
}
