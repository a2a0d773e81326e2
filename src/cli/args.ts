import { parseArgs } from 'node:util';

import { UsageError } from './usage-error.js';

export type Concurrency = number | 'auto' | 'off';

export interface CliOptions {
  paths: string[];
  project: string | undefined;
  fix: boolean;
  fixDryRun: boolean;
  format: string;
  rules: string[];
  strict: boolean;
  warn: boolean;
  maxWarnings: number | undefined;
  cache: boolean;
  quiet: boolean;
  concurrency: Concurrency;
  /** `undefined`: show progress when stderr is a terminal. */
  progress: boolean | undefined;
  help: boolean;
  version: boolean;
}

export const HELP_TEXT = `Usage: async-misuse [options] [paths...]

Lints a TypeScript project with eslint-plugin-async-misuse and full type
information, without an ESLint config. Without paths, lints the files of the
nearest tsconfig.json (searched from the current directory upward); with
paths, lints the project's files under those paths and any file named directly.
Files the project's eslint.config.* ignores are skipped; JavaScript files are
not linted (the rules need TypeScript sources).

Options:
  -p, --project <path>       tsconfig.json to use (or a directory holding one)
      --fix                  apply fixes to the files
      --fix-dry-run          compute fixes without writing them (see --format json)
  -f, --format <name>        stylish (default), sarif, or any ESLint formatter
      --rule <id>            run only this rule (repeatable), e.g. no-trivial-await
      --strict               use the strict config instead of the recommended one
      --warn                 report problems as warnings instead of errors
      --max-warnings <n>     exit 1 when there are more than n warnings
      --cache                only re-lint changed files (ESLint's cache, kept in
                             node_modules/.cache/async-misuse/)
      --quiet                report errors only
      --concurrency <n|auto|off>  lint in worker threads, each building its own
                             type information (default: off)
      --progress, --no-progress   force the progress bar on or off
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no errors, 1 lint errors (or too many warnings), 2 usage or
configuration error.
`;

/** Reads the command line; throws a `UsageError` for anything it cannot accept. */
export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: {
        project: { type: 'string', short: 'p' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        format: { type: 'string', short: 'f', default: 'stylish' },
        rule: { type: 'string', multiple: true, default: [] },
        strict: { type: 'boolean', default: false },
        warn: { type: 'boolean', default: false },
        'max-warnings': { type: 'string' },
        cache: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        concurrency: { type: 'string', default: 'off' },
        progress: { type: 'boolean' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    // parseArgs' messages name the flag; its hint about positionals starting with `-` is noise here.
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    throw new UsageError(`${message.replace(/\. To specify a positional argument.*$/, '').replace(/\.$/, '')} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.fix && values['fix-dry-run']) {
    throw new UsageError('--fix and --fix-dry-run cannot be used together');
  }
  return {
    paths: positionals,
    project: values.project,
    fix: values.fix,
    fixDryRun: values['fix-dry-run'],
    format: values.format,
    rules: values.rule,
    strict: values.strict,
    warn: values.warn,
    maxWarnings: values['max-warnings'] === undefined ? undefined : parseMaxWarnings(values['max-warnings']),
    cache: values.cache,
    quiet: values.quiet,
    concurrency: parseConcurrency(values.concurrency),
    progress: values.progress,
    help: values.help,
    version: values.version,
  };
}

function parseMaxWarnings(text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings expects a non-negative integer, got "${text}"`);
  return Number(text);
}

function parseConcurrency(text: string): Concurrency {
  if (text === 'auto' || text === 'off') return text;
  if (/^[1-9]\d*$/.test(text)) return Number(text);
  throw new UsageError(`--concurrency expects a positive integer, "auto" or "off", got "${text}"`);
}
