import { readFileSync } from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { createProject, runCli, TRIVIAL_AWAIT, TSCONFIG } from './run-cli.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

/** A user mistake is one line on stderr, exit code 2, and no stack trace. */
function expectUsageError(run: { code: number; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('async-misuse usage', () => {
  const project = createProject({ 'tsconfig.json': TSCONFIG, 'src/a.ts': TRIVIAL_AWAIT });
  const noTsconfig = createProject({ 'src/a.ts': TRIVIAL_AWAIT });
  afterAll(() => {
    project.dispose();
    noTsconfig.dispose();
  });

  it('prints help', async () => {
    const run = await runCli(['--help'], project.dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: async-misuse/);
    expect(run.stdout).toContain('--max-warnings');
  });

  it('prints the version', async () => {
    const run = await runCli(['--version'], project.dir);
    expect(run).toEqual({ code: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });

  it('rejects an unknown flag', async () => {
    expectUsageError(await runCli(['--frobnicate'], project.dir), /^async-misuse: Unknown option '--frobnicate'/);
  });

  it('rejects a missing tsconfig.json', async () => {
    // Assumes no tsconfig.json in the temp directory's parents, as on any sane machine.
    expectUsageError(await runCli([], noTsconfig.dir), /No tsconfig\.json found/);
  });

  it('rejects a --project that does not exist', async () => {
    expectUsageError(await runCli(['--project', 'nope/tsconfig.json'], project.dir), /--project: nope\/tsconfig\.json does not exist/);
  });

  it('rejects a path that does not exist', async () => {
    expectUsageError(await runCli(['src/missing.ts'], project.dir), /No such file or directory: src\/missing\.ts/);
  });

  it('rejects an unknown rule', async () => {
    expectUsageError(await runCli(['--rule', 'no-such-rule'], project.dir), /Unknown rule "no-such-rule" \(known rules: .*no-trivial-await/);
  });

  it('rejects an unknown format', async () => {
    expectUsageError(await runCli(['--format', 'no-such-format'], project.dir), /Unknown format "no-such-format"/);
  });

  it.each([
    [['--max-warnings', 'many'], /--max-warnings expects a non-negative integer/],
    [['--concurrency', '0'], /--concurrency expects a positive integer, "auto" or "off"/],
    [['--fix', '--fix-dry-run'], /--fix and --fix-dry-run cannot be used together/],
    [['--format'], /Option '-f, --format <value>' argument missing/],
  ])('rejects %j', async (args, pattern) => {
    expectUsageError(await runCli(args, project.dir), pattern);
  });

  it.each([
    ['is not JSON', 'compilerOptions', /tsconfig\.json: Property assignment expected/],
    ['extends a missing file', '{ "extends": "./missing.json" }', /tsconfig\.json: Cannot read file/],
  ])('rejects a tsconfig.json that %s', async (_, tsconfig, pattern) => {
    const broken = createProject({ 'tsconfig.json': tsconfig, 'src/a.ts': TRIVIAL_AWAIT });
    try {
      expectUsageError(await runCli([], broken.dir), pattern);
    } finally {
      broken.dispose();
    }
  });
});
