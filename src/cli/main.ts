import { createRequire } from 'node:module';

import { type CliOptions, HELP_TEXT, parseCliArgs } from './args.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';

export type { CliIo } from './io.js';

const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

/** Runs the command; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(parseCliArgs(argv), io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`async-misuse: ${error.message}\n`);
      return 2;
    }
    const details = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`async-misuse: unexpected error, please report it:\n${details}\n`);
    return 2;
  }
}

async function run(options: CliOptions, io: CliIo): Promise<number> {
  if (options.help) {
    io.stdout.write(HELP_TEXT);
    return 0;
  }
  if (options.version) {
    io.stdout.write(`${packageJson.version}\n`);
    return 0;
  }
  // ESLint, TypeScript and the rules load only when there is linting to do.
  const { lint } = await import('./lint.js');
  return lint(options, io);
}
