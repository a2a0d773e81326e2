import path from 'node:path';

import type { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

import {
  CLEAN,
  createProject,
  runCli,
  type TempProject,
  TRIVIAL_AWAIT,
  TRIVIAL_AWAIT_FIXED,
  TSCONFIG,
} from './run-cli.js';

const NEEDLESS_ASYNC = 'export async function answer() { return 42; }\n';

const projects: TempProject[] = [];
function project(files: Record<string, string>): TempProject {
  const created = createProject({ 'tsconfig.json': TSCONFIG, ...files });
  projects.push(created);
  return created;
}
afterEach(() => {
  for (const created of projects.splice(0)) created.dispose();
});

function ruleIdsOf(stdout: string): (string | null)[] {
  return (JSON.parse(stdout) as ESLint.LintResult[]).flatMap((result) => result.messages.map((m) => m.ruleId));
}

describe('async-misuse linting', () => {
  it('exits 0 on a clean project and says so', async () => {
    const { dir } = project({ 'src/clean.ts': CLEAN });
    const run = await runCli([], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^No problems in 1 file \(\d+\.\d s\)\.\n$/);
  });

  it('exits 1 and reports rule, message and a per-rule summary for a finding', async () => {
    const { dir } = project({ 'src/clean.ts': CLEAN, 'src/trivial.ts': TRIVIAL_AWAIT });
    const run = await runCli([], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(path.join(dir, 'src', 'trivial.ts'));
    expect(run.stdout).toMatch(/1:45 +error +`n` has type `number`, which is not a promise.* async-misuse\/no-trivial-await/);
    expect(run.stderr).toMatch(/^Rule +Problems +Fixable\nasync-misuse\/no-trivial-await +1 +1\n\n2 files linted in \d+\.\d s\.\n$/);
  });

  it("ignores disable comments that name other plugins' rules, and honours ours", async () => {
    const { dir } = project({
      'src/comments.ts': [
        '// eslint-disable-next-line ava/no-skip-test',
        'export const skipped = 1;',
        '// eslint-disable-next-line async-misuse/no-trivial-await',
        'export async function f(n: number) { return await n; }',
        '',
      ].join('\n'),
    });
    const run = await runCli(['--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(ruleIdsOf(run.stdout)).toEqual([]);
  });

  it('lints the project from a subdirectory, and only the paths given', async () => {
    const created = project({ 'src/a/trivial.ts': TRIVIAL_AWAIT, 'src/b/clean.ts': CLEAN });
    const inB = await runCli(['.'], path.join(created.dir, 'src', 'b'));
    expect(inB.code).toBe(0);
    expect(inB.stderr).toContain('1 file');
    const inRoot = await runCli(['src/a'], created.dir);
    expect(inRoot.code).toBe(1);
  });

  it('--fix rewrites the file and exits 0 when everything was fixed', async () => {
    const created = project({ 'src/trivial.ts': TRIVIAL_AWAIT });
    const run = await runCli(['--fix'], created.dir);
    expect(run.code).toBe(0);
    expect(created.read('src/trivial.ts')).toBe(TRIVIAL_AWAIT_FIXED);
  });

  it('--fix-dry-run reports the fixed output without writing it', async () => {
    const created = project({ 'src/trivial.ts': TRIVIAL_AWAIT });
    const run = await runCli(['--fix-dry-run', '--format', 'json'], created.dir);
    expect(run.code).toBe(0);
    const [result] = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(result?.output).toBe(TRIVIAL_AWAIT_FIXED);
    expect(created.read('src/trivial.ts')).toBe(TRIVIAL_AWAIT);
  });

  it('--strict adds the strict rules (no-needless-async)', async () => {
    const { dir } = project({ 'src/needless.ts': NEEDLESS_ASYNC });
    const recommended = await runCli(['--format', 'json'], dir);
    expect(recommended.code).toBe(0);
    expect(ruleIdsOf(recommended.stdout)).toEqual([]);
    const strict = await runCli(['--strict', '--format', 'json'], dir);
    expect(strict.code).toBe(1);
    expect(ruleIdsOf(strict.stdout)).toEqual(['async-misuse/no-needless-async']);
  });

  it('--rule runs only the rules named, with or without the plugin prefix', async () => {
    const { dir } = project({ 'src/needless.ts': NEEDLESS_ASYNC, 'src/trivial.ts': TRIVIAL_AWAIT });
    const needless = await runCli(['--rule', 'no-needless-async', '--format', 'json'], dir);
    expect(ruleIdsOf(needless.stdout)).toEqual(['async-misuse/no-needless-async']);
    const both = await runCli(
      ['--rule', 'async-misuse/no-needless-async', '--rule', 'no-trivial-await', '--format', 'json'],
      dir,
    );
    expect(ruleIdsOf(both.stdout).sort()).toEqual(['async-misuse/no-needless-async', 'async-misuse/no-trivial-await']);
  });

  it('--warn reports warnings; --max-warnings turns too many into exit 1, like ESLint', async () => {
    const { dir } = project({ 'src/trivial.ts': TRIVIAL_AWAIT });
    const warned = await runCli(['--warn'], dir);
    expect(warned.code).toBe(0);
    expect(warned.stdout).toMatch(/1:45 +warning/);
    expect((await runCli(['--warn', '--max-warnings', '1'], dir)).code).toBe(0);
    const tooMany = await runCli(['--warn', '--max-warnings', '0'], dir);
    expect(tooMany.code).toBe(1);
    expect(tooMany.stderr).toContain('async-misuse: too many warnings (1, at most 0 allowed)');
    // Errors fail the run whatever --max-warnings says.
    expect((await runCli(['--max-warnings', '10'], dir)).code).toBe(1);
  });

  it('--quiet drops warnings', async () => {
    const { dir } = project({ 'src/trivial.ts': TRIVIAL_AWAIT });
    const run = await runCli(['--warn', '--quiet', '--max-warnings', '0', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(ruleIdsOf(run.stdout)).toEqual([]);
  });

  it('respects the ignores of the project eslint.config.js', async () => {
    const { dir } = project({
      'package.json': '{ "type": "module" }',
      'eslint.config.js': "export default [{ ignores: ['src/generated/**'] }];\n",
      'src/generated/trivial.ts': TRIVIAL_AWAIT,
      'src/clean.ts': CLEAN,
    });
    const run = await runCli(['--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => result.filePath)).toEqual([
      path.join(dir, 'src', 'clean.ts'),
    ]);
  });

  it('lints only the tsconfig files: not build output, declarations or stray scripts', async () => {
    const { dir } = project({
      'src/clean.ts': CLEAN,
      'src/types.d.ts': 'declare const x: number;\n',
      'dist/trivial.ts': TRIVIAL_AWAIT,
      'scripts/trivial.ts': TRIVIAL_AWAIT,
    });
    const run = await runCli(['--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ESLint.LintResult[]).map((result) => result.filePath)).toEqual([
      path.join(dir, 'src', 'clean.ts'),
    ]);
  });

  it('a JavaScript-only project has nothing to lint: exit 0 with a warning', async () => {
    // The rules need TypeScript's types of TypeScript sources; `allowJs` files are not linted.
    const { dir } = project({
      'tsconfig.json': JSON.stringify({ compilerOptions: { allowJs: true, checkJs: true, noEmit: true }, include: ['src'] }),
      'src/index.js': 'export async function f(n) { return await n; }\n',
    });
    const run = await runCli([], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('async-misuse: warning: no TypeScript files to lint in the project of tsconfig.json');
    expect(run.stderr).toContain('No problems in 0 files');
  });

  it('--fix-dry-run with --project under CI=true keeps types in the later fix passes', async () => {
    // The second pass (the `await` left on a now synchronous call) needs the type of an import.
    // typescript-eslint's "single run" (CI=true) would type that pass without the project and crash.
    const created = project({
      'tsconfig.json': JSON.stringify({ files: [] }),
      'tsconfig.lint.json': TSCONFIG,
      'src/settings.ts': 'export function readSetting(name: string): string {\n  return name.toUpperCase();\n}\n',
      'src/main.ts': `import { readSetting } from './settings.js';

async function loadSetting(name: string) {
  return readSetting(name);
}

export async function main(): Promise<string> {
  const setting = await loadSetting('mode');
  return setting;
}
`,
    });
    const run = await runCli(['--project', 'tsconfig.lint.json', '--strict', '--fix-dry-run', '--format', 'json'], created.dir, {
      CI: 'true',
    });
    expect(run.stderr).not.toContain('unexpected error');
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    const main = results.find((result) => result.filePath.endsWith('main.ts'));
    expect(main?.output).toBe(`import { readSetting } from './settings.js';

function loadSetting(name: string) {
  return readSetting(name);
}

export async function main(): Promise<string> {
  const setting = loadSetting('mode');
  return setting;
}
`);
  });

  it('--strict follows an exported function to the file that passes it on', async () => {
    const defaults = 'export async function loadDefaults() {\n  return { retries: 3 };\n}\n';
    const retry =
      'export async function retry<T>(task: () => Promise<T>): Promise<T> {\n  return await task();\n}\n';
    // In another file, the function is handed to a parameter that wants a promise: a contract.
    const passedOn = project({
      'src/defaults.ts': defaults,
      'src/retry.ts': retry,
      'src/main.ts': "import { loadDefaults } from './defaults.js';\nimport { retry } from './retry.js';\nexport const settings = retry(loadDefaults);\n",
    });
    const contract = await runCli(['--strict', '--format', 'json'], passedOn.dir);
    expect(contract.stderr).toBe('');
    expect(ruleIdsOf(contract.stdout)).toEqual([]);
    // Near-miss: only called and awaited there, so the `async` is needless.
    const calledOnly = project({
      'src/defaults.ts': defaults,
      'src/main.ts': "import { loadDefaults } from './defaults.js';\nexport const settings = await loadDefaults();\n",
    });
    const needless = await runCli(['--strict', '--format', 'json'], calledOnly.dir);
    expect(ruleIdsOf(needless.stdout).sort()).toEqual(['async-misuse/no-needless-async', 'async-misuse/no-trivial-await']);
  });

  it('generated code nested deeper than the call stack does not stop the run', async () => {
    // A concatenation of thousands of strings in a file of the program that is not linted itself
    // (typescript-estree could not convert it): TypeScript copes, and so must every walk of ours.
    const terms = Array.from({ length: 4000 }, (_, index) => `'s${index}'`).join(' + ');
    const created = project({
      'src/generated.ts': `export async function buildTable() {\n  return ${terms};\n}\n`,
      'src/user.ts': "import { buildTable } from './generated.js';\nexport async function table() {\n  return await buildTable();\n}\n",
      'src/trivial.ts': TRIVIAL_AWAIT,
    });
    const run = await runCli(['--strict', '--format', 'json', 'src/user.ts', 'src/trivial.ts'], created.dir);
    expect(run.stderr).not.toContain('unexpected error');
    expect(run.code).toBe(1);
    // The wrapper in generated.ts never awaits: its caller is told so, through the deep body.
    expect(ruleIdsOf(run.stdout).sort()).toEqual(['async-misuse/no-trivial-await', 'async-misuse/no-trivial-await']);
  });

  it("a dependency's void is certain only when no overload of it returns a promise", async () => {
    const created = project({
      'node_modules/test-utils/package.json': JSON.stringify({ name: 'test-utils', version: '1.0.0', types: 'index.d.ts' }),
      // React's act: a void overload for synchronous callbacks beside a promise one; the result is awaitable anyway.
      'node_modules/test-utils/index.d.ts':
        'export declare function act(callback: () => void): void;\nexport declare function act<T>(callback: () => Promise<T>): Promise<T>;\nexport declare function flush(): void;\n',
      'src/render.ts':
        "import { act, flush } from 'test-utils';\nexport async function render() {\n  await act(() => {\n    console.log('rendered');\n  });\n  await flush();\n}\n",
    });
    const run = await runCli(['--format', 'json'], created.dir);
    const [result] = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(result?.messages.map((message) => [message.ruleId, message.line])).toEqual([['async-misuse/no-trivial-await', 6]]);
  });

  it('--project names a tsconfig with another name', async () => {
    const created = project({
      'tsconfig.json': JSON.stringify({ files: [] }),
      'tsconfig.lint.json': TSCONFIG,
      'src/trivial.ts': TRIVIAL_AWAIT,
    });
    expect((await runCli([], created.dir)).code).toBe(0);
    const run = await runCli(['--project', 'tsconfig.lint.json'], created.dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('async-misuse/no-trivial-await');
  });
});
