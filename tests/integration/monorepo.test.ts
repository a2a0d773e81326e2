/**
 * The plugin in an npm-workspaces monorepo linted package by package (`npm run lint --workspaces`):
 * each package has its own tsconfig.json and eslint.config.js, and `app` awaits a function that
 * lives in `lib`, so its type information crosses the package boundary.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  assertPluginBuilt,
  createTempProject,
  eslintConfigSource,
  linkPackages,
  run,
  type RunResult,
  type TempProject,
  trivialAwaitRuleId,
  tsconfigSource,
} from './temp-project.js';

interface PackageSources {
  app: string;
  lib: string;
}

const libSource = 'export async function sum(values: number[]) {\n  return values.reduce((a, b) => a + b, 0);\n}\n';
const libWithFindingSource = `${libSource}\nexport async function double(n: number): Promise<number> {\n  return await n * 2;\n}\n`;
/** `sum` is an async wrapper around synchronous work declared in the other package. */
const appAwaitingLibSource =
  "import { sum } from '@mono/lib';\n\nexport async function total(values: number[]): Promise<string> {\n  return `total ${await sum(values)}`;\n}\n";
const appCleanSource = "import { sum } from '@mono/lib';\n\nexport function total(values: number[]): Promise<number> {\n  return sum(values);\n}\n";

function workspacePackage(name: string, extra: object = {}): string {
  return `${JSON.stringify({ name, version: '0.0.0', private: true, type: 'module', scripts: { lint: 'eslint .' }, ...extra }, null, 2)}\n`;
}

function createMonorepo(sources: PackageSources): TempProject {
  const project = createTempProject('monorepo', {
    'package.json': `${JSON.stringify({ name: 'mono', version: '0.0.0', private: true, workspaces: ['packages/*'] }, null, 2)}\n`,
    // An empty user config: the machine's npmrc has no say in this test.
    '.npmrc': '',
    'packages/app/package.json': workspacePackage('@mono/app', { dependencies: { '@mono/lib': '0.0.0' } }),
    'packages/app/tsconfig.json': tsconfigSource,
    'packages/app/eslint.config.js': eslintConfigSource('recommended'),
    'packages/app/src/index.ts': sources.app,
    // lib ships its TypeScript source (a common "internal package" setup): app's program reads it.
    'packages/lib/package.json': workspacePackage('@mono/lib', { exports: { '.': './src/index.ts' } }),
    'packages/lib/tsconfig.json': tsconfigSource,
    'packages/lib/eslint.config.js': eslintConfigSource('recommended'),
    'packages/lib/src/index.ts': sources.lib,
  });
  try {
    // What `npm install` would have created at the root: the tools, and a link to each workspace.
    linkPackages(project.dir);
    fs.mkdirSync(project.path('node_modules/@mono'));
    for (const name of ['app', 'lib']) {
      fs.symlinkSync(path.join('..', '..', 'packages', name), project.path(`node_modules/@mono/${name}`), 'junction');
    }
  } catch (error) {
    project.remove();
    throw error;
  }
  return project;
}

async function lintWorkspaces(project: TempProject): Promise<RunResult> {
  return run('npm', ['run', 'lint', '--workspaces'], {
    cwd: project.dir,
    env: {
      ...process.env,
      PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`,
      npm_config_userconfig: project.path('.npmrc'),
      npm_config_offline: 'true',
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
      NO_COLOR: '1',
    },
  });
}

describe.skipIf(process.platform === 'win32')('npm workspaces monorepo', () => {
  let project: TempProject | undefined;

  beforeAll(() => {
    assertPluginBuilt();
  });
  afterEach(() => {
    project?.remove();
    project = undefined;
  });

  it("reports each package's findings and fails", async () => {
    project = createMonorepo({ app: appAwaitingLibSource, lib: libWithFindingSource });

    const result = await lintWorkspaces(project);

    const output = result.stdout + result.stderr;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain('> @mono/app@0.0.0 lint');
    expect(output).toContain('> @mono/lib@0.0.0 lint');
    expect(output).toContain(path.join(project.dir, 'packages/app/src/index.ts'));
    expect(output).toContain(path.join(project.dir, 'packages/lib/src/index.ts'));
    // app: the wrapper declared in lib is found through the workspace link.
    expect(output).toMatch(/4:19\s+error\s+.*`sum`.*async-misuse\/no-trivial-await/);
    // lib: its own finding.
    expect(output).toMatch(/6:10\s+error\s+`n` has type `number`.*async-misuse\/no-trivial-await/);
    expect(output.split(trivialAwaitRuleId)).toHaveLength(3);
  });

  it('fails when only one package has an error, and still lints the other', async () => {
    // app comes first and is clean; lib, linted second, has the error.
    project = createMonorepo({ app: appCleanSource, lib: libWithFindingSource });

    const result = await lintWorkspaces(project);

    const output = result.stdout + result.stderr;
    expect(result.code, output).not.toBe(0);
    expect(output).toContain('> @mono/app@0.0.0 lint');
    expect(output).not.toContain(path.join(project.dir, 'packages/app/src/index.ts'));
    expect(output).toContain(path.join(project.dir, 'packages/lib/src/index.ts'));
  });

  it('passes when every package is clean', async () => {
    project = createMonorepo({ app: appCleanSource, lib: libSource });

    const result = await lintWorkspaces(project);

    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('> @mono/app@0.0.0 lint');
    expect(result.stdout).toContain('> @mono/lib@0.0.0 lint');
  });
});
