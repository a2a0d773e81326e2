/**
 * The plugin in a pre-commit hook: a real git repository, a real `.git/hooks/pre-commit` running
 * lint-staged, and `git commit` as a developer types it.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  assertPluginBuilt,
  createTempProject,
  linkPackages,
  run,
  type RunResult,
  type TempProject,
  trivialAwaitFixed,
  trivialAwaitRuleId,
  trivialAwaitSource,
  typedLintPackages,
  typedProjectFiles,
} from './temp-project.js';

const cleanSource = 'export function greet(name: string): string {\n  return `hello ${name}`;\n}\n';
const trivialAwaitMessage = '`n` has type `number`, which is not a promise';

/** git without the machine's global or system config (hooksPath, signing, templates...). */
const gitEnv: NodeJS.ProcessEnv = {
  ...process.env,
  // The hook's `eslint` is a `#!/usr/bin/env node` script: the node running the tests must be first.
  PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
  GIT_CONFIG_GLOBAL: process.platform === 'win32' ? 'NUL' : '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};

async function git(project: TempProject, ...args: string[]): Promise<RunResult> {
  return run('git', args, { cwd: project.dir, env: gitEnv });
}

async function gitOk(project: TempProject, ...args: string[]): Promise<string> {
  const result = await git(project, ...args);
  if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** A typed project in a fresh git repository whose pre-commit hook runs `lint-staged` with `{ "*.ts": command }`. */
async function createRepository(command: string): Promise<TempProject> {
  const files = typedProjectFiles('pre-commit');
  const packageJson = { ...(JSON.parse(files['package.json'] ?? '{}') as object), 'lint-staged': { '*.ts': command } };
  const project = createTempProject('pre-commit', {
    ...files,
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    '.gitignore': 'node_modules\n',
    'src/greet.ts': cleanSource,
  });
  try {
    linkPackages(project.dir, [...typedLintPackages, 'lint-staged']);

    await gitOk(project, 'init', '--quiet', '--initial-branch=main');
    await gitOk(project, 'config', 'user.name', 'Integration Test');
    await gitOk(project, 'config', 'user.email', 'integration@example.com');
    await gitOk(project, 'config', 'commit.gpgsign', 'false');

    // What husky or simple-git-hooks would install: run lint-staged with the project's node.
    const hook = project.path('.git/hooks/pre-commit');
    await fs.promises.writeFile(hook, `#!/bin/sh\nexec "${process.execPath}" node_modules/lint-staged/bin/lint-staged.js\n`);
    await fs.promises.chmod(hook, 0o755);

    // The first commit goes through the hook too: clean code passes.
    await gitOk(project, 'add', '.');
    await gitOk(project, 'commit', '--quiet', '-m', 'initial');
  } catch (error) {
    project.remove();
    throw error;
  }
  return project;
}

describe.skipIf(process.platform === 'win32')('pre-commit hook with lint-staged', () => {
  let project: TempProject | undefined;

  beforeAll(() => {
    assertPluginBuilt();
  });
  afterEach(() => {
    project?.remove();
    project = undefined;
  });

  it('refuses a commit whose staged file has a finding, and says which rule and why', async () => {
    project = await createRepository('eslint');
    const initial = await gitOk(project, 'rev-parse', 'HEAD');
    project.write('src/double.ts', trivialAwaitSource);
    await gitOk(project, 'add', 'src/double.ts');

    const commit = await git(project, 'commit', '-m', 'add double');

    const output = commit.stdout + commit.stderr;
    expect(commit.code, output).not.toBe(0);
    expect(output).toContain(trivialAwaitRuleId);
    expect(output).toContain(trivialAwaitMessage);
    expect(output).toMatch(/src[\\/]double\.ts/);
    expect(await gitOk(project, 'rev-parse', 'HEAD')).toBe(initial);
    // Nothing was lost: the file is still staged as it was.
    expect(await gitOk(project, 'diff', '--cached', '--name-only')).toBe('src/double.ts\n');
    expect(project.read('src/double.ts')).toBe(trivialAwaitSource);
  });

  it('with --fix, commits the fixed file and leaves unstaged changes alone', async () => {
    project = await createRepository('eslint --fix');
    // A tracked file with an unstaged change that has a finding of its own.
    const unstagedEdit = `${cleanSource}\nexport async function later(): Promise<number> {\n  return await 1;\n}\n`;
    project.write('src/greet.ts', unstagedEdit);
    project.write('src/double.ts', trivialAwaitSource);
    await gitOk(project, 'add', 'src/double.ts');

    const commit = await git(project, 'commit', '-m', 'add double');

    expect(commit.code, commit.stdout + commit.stderr).toBe(0);
    expect(await gitOk(project, 'log', '--format=%s', '-1')).toBe('add double\n');
    expect(await gitOk(project, 'show', 'HEAD:src/double.ts')).toBe(trivialAwaitFixed);
    expect(project.read('src/double.ts')).toBe(trivialAwaitFixed);
    expect(project.read('src/greet.ts')).toBe(unstagedEdit);
    expect(await gitOk(project, 'show', 'HEAD:src/greet.ts')).toBe(cleanSource);
    expect(await gitOk(project, 'status', '--porcelain')).toBe(' M src/greet.ts\n');
  });

  it('with --fix, fixes the staged part of a partly staged file and keeps its unstaged part', async () => {
    project = await createRepository('eslint --fix');
    project.write('src/double.ts', trivialAwaitSource);
    await gitOk(project, 'add', 'src/double.ts');
    const unstagedTail = '\nexport const version = 1;\n';
    project.write('src/double.ts', trivialAwaitSource + unstagedTail);

    const commit = await git(project, 'commit', '-m', 'add double');

    expect(commit.code, commit.stdout + commit.stderr).toBe(0);
    expect(await gitOk(project, 'show', 'HEAD:src/double.ts')).toBe(trivialAwaitFixed);
    expect(project.read('src/double.ts')).toBe(trivialAwaitFixed + unstagedTail);
  });
});
