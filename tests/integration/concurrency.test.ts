/**
 * `eslint --concurrency` lints files in worker threads, each with its own TypeScript program.
 * The plugin caches analysis per Program; this proves nothing it reports depends on which
 * thread (and so which program) saw a file first.
 *
 * With `concurrency`, ESLint passes its options to the workers, so they must be cloneable:
 * the config comes from the project's `eslint.config.js`, not `overrideConfig` with the plugin object.
 */
import path from 'node:path';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { assertPluginBuilt, createTempProject, linkPackages, type TempProject, typedProjectFiles } from './temp-project.js';

/** Eight files, each with at least one finding, several of them depending on types from another file. */
const sources: Record<string, string> = {
  'src/values.ts': 'export async function double(n: number): Promise<number> {\n  return await n * 2;\n}\n',
  'src/strings.ts': 'export async function shout(s: string): Promise<string> {\n  const upper = await s.toUpperCase();\n  return upper;\n}\n',
  'src/sync-work.ts': 'export async function sum(values: number[]) {\n  return values.reduce((a, b) => a + b, 0);\n}\n',
  'src/uses-sync-work.ts':
    "import { sum } from './sync-work.js';\n\nexport async function report(values: number[]): Promise<string> {\n  const total = await sum(values);\n  return `total ${total}`;\n}\n",
  'src/resolved.ts': 'export async function answer(): Promise<number> {\n  return await Promise.resolve(42);\n}\n',
  'src/config.ts':
    "import type { Settings } from './types.js';\n\nexport async function load(settings: Settings): Promise<string> {\n  const loaded = await settings;\n  return loaded.name;\n}\n",
  'src/types.ts': 'export interface Settings {\n  name: string;\n}\n\nexport async function defaults(): Promise<Settings> {\n  return await { name: \'x\' };\n}\n',
  'src/lists.ts':
    "export async function first(items: string[], later: Promise<string>): Promise<string> {\n  const list = await items;\n  const fromLater = await later;\n  return list[0] ?? fromLater;\n}\n",
};

type Summary = Record<string, { fatal: number; messages: string[]; output?: string }>;

/** Per file (relative path): every message as one comparable line, in ESLint's order. */
function summarize(results: ESLint.LintResult[], cwd: string): Summary {
  return Object.fromEntries(
    results
      .map((result) => [
        path.relative(cwd, result.filePath).split(path.sep).join('/'),
        {
          fatal: result.fatalErrorCount,
          messages: result.messages.map(
            (m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.messageId} ${m.message} fix=${JSON.stringify(m.fix)} suggestions=${m.suggestions?.length ?? 0}`,
          ),
          ...(result.output === undefined ? {} : { output: result.output }),
        },
      ] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('ESLint concurrency', () => {
  let project: TempProject;

  beforeAll(() => {
    assertPluginBuilt();
    // strict: no-needless-async fires on the async wrapper, no-trivial-await on its call site in another file.
    project = createTempProject('concurrency', { ...typedProjectFiles('concurrency', 'strict'), ...sources });
    linkPackages(project.dir);
    return () => {
      project.remove();
    };
  });

  async function lint(concurrency: number | 'off', fix: boolean): Promise<Summary> {
    const eslint = new ESLint({ cwd: project.dir, concurrency, fix });
    return summarize(await eslint.lintFiles(['src']), project.dir);
  }

  it('reports the same messages per file with 2 threads as with none', async () => {
    const serial = await lint('off', false);
    const threaded = await lint(2, false);

    expect(Object.keys(serial)).toHaveLength(Object.keys(sources).length);
    for (const [file, summary] of Object.entries(serial)) {
      expect(summary.fatal, `${file}: ${summary.messages.join('\n')}`).toBe(0);
      expect(summary.messages.length, `${file} has no finding`).toBeGreaterThan(0);
    }
    expect(threaded).toEqual(serial);
    // The cross-file cases are really there: the wrapper is reported both where it is declared and where it is awaited.
    expect(serial['src/sync-work.ts']?.messages.join('\n')).toContain('async-misuse/no-needless-async');
    expect(serial['src/uses-sync-work.ts']?.messages.join('\n')).toContain('async-misuse/no-trivial-await');
  });

  it('produces the same fixed output with 2 threads as with none', async () => {
    const serial = await lint('off', true);
    const threaded = await lint(2, true);
    expect(threaded).toEqual(serial);
    expect(serial['src/values.ts']?.output).toBe('export async function double(n: number): Promise<number> {\n  return n * 2;\n}\n');
  });
});
