import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { ESLint } from 'eslint';

import plugin from '../index.js';
import type { CliOptions } from './args.js';
import { collectFiles } from './collect-files.js';
import { findProject } from './find-project.js';
import { dropForeignDirectiveErrors } from './drop-foreign-directive-errors.js';
import { createOptionsModuleUrl } from './lint-settings.js';
import { createProgress, MIN_FILES_FOR_PROGRESS, type Progress, silentProgress } from './progress.js';
import { createSarifLog } from './sarif.js';
import { describeRules, selectRules } from './select-rules.js';
import { countTotals, formatSummary } from './summary.js';
import { createUserIgnoreFilter } from './user-ignores.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { REPOSITORY_URL } from '../create-rule.js';

/** Files per `lintFiles` call while a progress bar is shown: the bar moves, the per-call overhead stays small. */
const MAX_PROGRESS_STEPS = 100;

/** Lints the project the options point at and reports; resolves to the exit code. */
export async function lint(options: CliOptions, io: CliIo): Promise<number> {
  const startTime = performance.now();
  const warn = (message: string): void => void io.stderr.write(`async-misuse: warning: ${message}\n`);

  const rules = selectRules({ strict: options.strict, only: options.rules, severity: options.warn ? 'warn' : 'error' });
  const project = findProject(io.cwd, options.project);
  const eslint = await ESLint.fromOptionsModule(
    createOptionsModuleUrl({
      cwd: project.rootDir,
      tsconfigRootDir: project.rootDir,
      explicitTsconfig: path.basename(project.tsconfigPath) === 'tsconfig.json' ? undefined : project.tsconfigPath,
      rules,
      fix: options.fix || options.fixDryRun,
      cache: options.cache,
      // Also without --cache: ESLint then deletes a stale cache file at this location.
      cacheLocation: getCacheLocation(project.rootDir, options.cache),
      concurrency: options.concurrency,
    }),
  );
  const formatter = options.format === 'sarif' ? undefined : await loadFormatter(eslint, options.format);

  const { files, skipped } = await collectFiles(
    project,
    options.paths,
    io.cwd,
    createUserIgnoreFilter(project.rootDir, warn),
  );
  for (const argument of skipped) warn(`${argument} is not a TypeScript source file, skipped`);
  if (files.length === 0) {
    warn(`no TypeScript files to lint in the project of ${path.relative(io.cwd, project.tsconfigPath) || project.tsconfigPath}`);
  }

  const showProgress = options.progress ?? (io.stderr.isTTY && files.length >= MIN_FILES_FOR_PROGRESS);
  const progress = showProgress ? createProgress(io.stderr) : silentProgress;
  let results = dropForeignDirectiveErrors(await lintFiles(eslint, files, options, progress, io.cwd));
  progress.clear();

  if (options.fix) await ESLint.outputFixes(results);
  if (options.quiet) results = ESLint.getErrorResults(results);

  const totals = countTotals(results);
  const maxWarningsExceeded =
    options.maxWarnings !== undefined && totals.warnings > options.maxWarnings
      ? { maxWarnings: options.maxWarnings, foundWarnings: totals.warnings }
      : undefined;

  const output =
    formatter === undefined
      ? formatSarif(results, Object.keys(rules), io.cwd)
      : await formatter.format(results, maxWarningsExceeded === undefined ? {} : { maxWarningsExceeded });
  io.stdout.write(output);

  if (options.format === 'stylish') io.stderr.write(formatSummary(results, performance.now() - startTime));
  if (maxWarningsExceeded !== undefined) {
    io.stderr.write(`async-misuse: too many warnings (${totals.warnings}, at most ${options.maxWarnings} allowed)\n`);
  }
  return totals.errors > 0 || maxWarningsExceeded !== undefined ? 1 : 0;
}

function formatSarif(results: ESLint.LintResult[], ruleIds: string[], cwd: string): string {
  const tool = { name: 'async-misuse', version: plugin.meta.version, informationUri: REPOSITORY_URL };
  return `${JSON.stringify(createSarifLog(results, tool, describeRules(ruleIds), cwd), null, 2)}\n`;
}

async function loadFormatter(eslint: ESLint, name: string): Promise<ESLint.LoadedFormatter> {
  try {
    return await eslint.loadFormatter(name);
  } catch {
    throw new UsageError(`Unknown format "${name}" (use sarif, stylish, json, or another ESLint formatter)`);
  }
}

/**
 * Lints in one call, or, while a progress bar is shown, in slices so the bar
 * can move: the type information lives in the parser for the whole process,
 * so slicing costs little. Worker threads would each rebuild it per slice, so
 * with `--concurrency` the bar only shows the total.
 */
async function lintFiles(
  eslint: ESLint,
  files: string[],
  options: CliOptions,
  progress: Progress,
  cwd: string,
): Promise<ESLint.LintResult[]> {
  if (files.length === 0) return [];
  if (progress === silentProgress || options.concurrency !== 'off') {
    progress.update(0, files.length, options.concurrency === 'off' ? '' : 'in worker threads');
    return eslint.lintFiles(files);
  }
  const sliceSize = Math.ceil(files.length / MAX_PROGRESS_STEPS);
  const results: ESLint.LintResult[] = [];
  for (let start = 0; start < files.length; start += sliceSize) {
    const slice = files.slice(start, start + sliceSize);
    progress.update(start, files.length, path.relative(cwd, slice[0] ?? ''));
    results.push(...(await eslint.lintFiles(slice)));
  }
  progress.update(files.length, files.length, '');
  return results;
}

/**
 * `node_modules/.cache/async-misuse/` where the project has `node_modules`,
 * else `.async-misuse-cache`. Never `.eslintcache`: ESLint deletes the cache
 * file of a run without `--cache`, and the project's own ESLint cache is not ours.
 */
function getCacheLocation(rootDir: string, create: boolean): string {
  const nodeModules = path.join(rootDir, 'node_modules');
  if (!existsSync(nodeModules)) return path.join(rootDir, '.async-misuse-cache');
  const directory = path.join(nodeModules, '.cache', 'async-misuse');
  if (create) mkdirSync(directory, { recursive: true });
  return directory + path.sep;
}
