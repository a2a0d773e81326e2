/**
 * The plugin as users get it: `npm pack`, the tarball installed into a fresh project next to that
 * project's own `eslint`, `typescript` and `typescript-eslint`, configured with the README's
 * `eslint.config.js` (read from the README, so the README cannot drift), and run through
 * `npx eslint` and `npx async-misuse`.
 *
 * Versions: the repository's installed ones (the lock file's, so npm finds them in its cache), or
 * under `scripts/test-peer.sh` the peer under test (ESLint 9, TypeScript 5.4) from the throwaway
 * prefix's install.
 */
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { rules } from '../../src/rules/index.js';
import { peersUnderTest } from './peers/peer-prefix.js';
import { assertPluginBuilt, createTempProject, pluginPackageName, repoRoot, run, tsconfigSource } from './temp-project.js';
import type { RunResult, TempProject } from './temp-project.js';

const installTimeoutMs = 240_000;

/** The `js` block under the README's "Configure" heading: the config users copy. */
function readmeEslintConfig(readme: string): string {
  const section = /^## Configure\n([\s\S]*?)(?=^## )/mu.exec(readme)?.[1];
  const block = section === undefined ? undefined : /^```js\n([\s\S]*?)^```$/mu.exec(section)?.[1];
  if (block === undefined) throw new Error('README.md has no ```js block under "## Configure"');
  return block;
}

/** The version of `name` installed in the repository's node_modules. */
function installedVersion(name: string): string {
  const manifest = path.join(repoRoot, 'node_modules', ...name.split('/'), 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

const peers = peersUnderTest();
const versions = {
  eslint: peers.find((peer) => peer.name === 'eslint')?.version ?? installedVersion('eslint'),
  typescript: peers.find((peer) => peer.name === 'typescript')?.version ?? installedVersion('typescript'),
  'typescript-eslint': installedVersion('typescript-eslint'),
  '@types/node': installedVersion('@types/node'),
};

/** npm run from the outer `npm test` passes `npm_*` settings (prefix, package…) that must not leak in. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function npm(args: readonly string[], cwd: string): Promise<RunResult> {
  return run('npm', args, { cwd, env: cleanEnv(), timeoutMs: installTimeoutMs });
}

/**
 * `npx` as the README writes it. `npm_config_yes=false` (what `npx --no` sets; the flag itself would
 * make npm take the command's own flags for its own): the project's bin or a failure, never a download.
 */
function npx(args: readonly string[], cwd: string): Promise<RunResult> {
  return run('npx', args, { cwd, env: { ...cleanEnv(), npm_config_yes: 'false', NO_COLOR: '1', FORCE_COLOR: '0' } });
}

function mustSucceed(result: RunResult, what: string): RunResult {
  if (result.code !== 0) throw new Error(`${what} exited with ${String(result.code)}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** `line:column ruleId` of each problem in ESLint's default (stylish) output. */
function problems(stdout: string): string[] {
  return [...stdout.matchAll(/^\s+(\d+):(\d+)\s+(?:error|warning)\s+.*?\s(async-misuse\/[a-z-]+)$/gmu)].map(
    ([, line, column, ruleId]) => `${line ?? ''}:${column ?? ''} ${ruleId ?? ''}`,
  );
}

const trivialAwait = 'export async function double(n: number): Promise<number> {\n  return await n * 2;\n}\n';
const syncRead = `import { readFileSync } from 'node:fs';

export async function loadConfig(file: string): Promise<unknown> {
  await Promise.resolve();
  return JSON.parse(readFileSync(file, 'utf8'));
}
`;
const clean = 'export async function later(p: Promise<number>): Promise<number> {\n  return (await p) + 1;\n}\n';

const allowedTopLevel = new Set(['README.md', 'LICENSE', 'package.json']);

describe(`the packed package in a fresh project (eslint ${versions.eslint}, typescript ${versions.typescript}, typescript-eslint ${versions['typescript-eslint']})`, () => {
  let packDir: TempProject;
  let project: TempProject;
  let packedFiles: string[];
  const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
  };

  beforeAll(async () => {
    assertPluginBuilt();
    packDir = createTempProject('pack');
    const packed = mustSucceed(await npm(['pack', '--json', '--pack-destination', packDir.dir], repoRoot), 'npm pack');
    const [tarball] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
    if (tarball === undefined) throw new Error(`npm pack printed no tarball\n${packed.stdout}`);
    packedFiles = tarball.files.map((file) => file.path).sort();

    project = createTempProject('packed', {
      'package.json': `${JSON.stringify({ name: 'packed-consumer', version: '0.0.0', private: true, type: 'module' }, null, 2)}\n`,
      'tsconfig.json': tsconfigSource.replace('"types": []', '"types": ["node"]'),
      'eslint.config.js': readmeEslintConfig(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')),
      'src/double.ts': trivialAwait,
      'src/load-config.ts': syncRead,
      'src/later.ts': clean,
    });
    const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--save-dev'];
    // First the project as it was (its own lint stack), then the plugin added to it, as users do.
    const peers = Object.entries(versions).map(([name, version]) => `${name}@${version}`);
    mustSucceed(await npm([...install, ...peers], project.dir), 'npm install of the project');
    mustSucceed(await npm([...install, path.join(packDir.dir, tarball.filename)], project.dir), 'npm install of the tarball');
  }, 2 * installTimeoutMs);

  afterAll(() => {
    project.remove();
    packDir.remove();
  });

  it('holds only dist, docs, README, LICENSE and package.json', () => {
    const stray = packedFiles.filter((file) => !(allowedTopLevel.has(file) || /^(?:dist|docs)\//u.test(file)));
    expect(stray).toEqual([]);
    expect(packedFiles).toEqual(expect.arrayContaining([...allowedTopLevel, 'dist/index.js', 'dist/index.d.ts', 'dist/cli/index.js']));
    expect(packedFiles).toEqual(expect.arrayContaining(Object.keys(rules).map((id) => `docs/rules/${id}.md`)));
    // Compiled output only: no TypeScript sources beside it, no tests.
    expect(packedFiles.filter((file) => /\.(?:ts|tsx|mts|cts)$/u.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
    expect(packedFiles.filter((file) => /(?:^|\/)(?:tests?|__tests__|fixtures)\/|\.test\./u.test(file))).toEqual([]);
  });

  it('has no source map comment pointing to a file the tarball lacks', () => {
    const installed = project.path(path.join('node_modules', pluginPackageName));
    const dangling = packedFiles
      .filter((file) => /\.(?:js|d\.ts)$/u.test(file))
      .flatMap((file) => {
        const source = fs.readFileSync(path.join(installed, file), 'utf8');
        return [...source.matchAll(/^\/\/# sourceMappingURL=(\S+)$/gmu)]
          .map(([, url = '']) => path.posix.join(path.posix.dirname(file), url))
          .filter((target) => !packedFiles.includes(target))
          .map((target) => `${file} -> ${target}`);
      });
    expect(dangling).toEqual([]);
  });

  it('declares its runtime dependencies as caret ranges, and the project holds one copy of each shared package', async () => {
    for (const range of Object.values(packageJson.dependencies)) expect(range).toMatch(/^\^\d/u);
    const listed = mustSucceed(
      await npm(['ls', '--all', '--parseable', '@typescript-eslint/utils', '@typescript-eslint/typescript-estree'], project.dir),
      'npm ls',
    );
    const copies = listed.stdout
      .trim()
      .split('\n')
      .map((line) => path.relative(project.dir, line).split(path.sep).join('/'))
      .sort();
    expect(copies).toEqual(['node_modules/@typescript-eslint/typescript-estree', 'node_modules/@typescript-eslint/utils']);
  });

  it('runs on the versions asked for, and reports its version from package.json', async () => {
    const probe = `import plugin from '${pluginPackageName}';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
console.log(JSON.stringify({
  meta: plugin.meta.version,
  eslint: require('eslint/package.json').version,
  typescript: require('typescript').version,
}));`;
    const result = mustSucceed(await run('node', ['--input-type=module', '-e', probe], { cwd: project.dir }), 'node probe');
    expect(JSON.parse(result.stdout)).toEqual({ meta: packageJson.version, eslint: versions.eslint, typescript: versions.typescript });
  });

  it('`npx eslint .` with the README config reports with our rule ids and exits 1', async () => {
    const result = await npx(['eslint', '.'], project.dir);
    expect(result.stderr).toBe('');
    expect(problems(result.stdout)).toEqual(['2:10 async-misuse/no-trivial-await', '5:21 async-misuse/no-sync-io-in-async']);
    expect(result.code).toBe(1);
  });

  it('`npx async-misuse` reports with our rule ids and exits 1, 0 on a clean file, 2 on a usage error', async () => {
    const findings = await npx(['async-misuse'], project.dir);
    expect(problems(findings.stdout)).toEqual(['2:10 async-misuse/no-trivial-await', '5:21 async-misuse/no-sync-io-in-async']);
    expect(findings.code).toBe(1);

    const cleanRun = await npx(['async-misuse', 'src/later.ts'], project.dir);
    expect(problems(cleanRun.stdout)).toEqual([]);
    expect(cleanRun.code).toBe(0);

    const usage = await npx(['async-misuse', '--no-such-flag'], project.dir);
    expect([usage.code, usage.stderr]).toEqual([2, "async-misuse: Unknown option '--no-such-flag' (see --help)\n"]);
  });
});
