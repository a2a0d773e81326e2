import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { ESLint } from 'eslint';
import type { Log } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { CLEAN, createProject, runCli, TRIVIAL_AWAIT, TSCONFIG } from './run-cli.js';

const require = createRequire(import.meta.url);
/**
 * The SARIF schema declares draft-04 but uses no keyword whose meaning changed
 * since (no boolean `exclusiveMinimum`), so ajv 8 validates it as draft-07 once
 * the draft-04 `$schema` and `id` are dropped.
 */
const sarifSchema = JSON.parse(
  readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
) as Record<string, unknown>;
delete sarifSchema.$schema;
delete sarifSchema.id;

/** Results without what legitimately differs between runs. */
function comparable(stdout: string): unknown {
  return (JSON.parse(stdout) as ESLint.LintResult[]).map(({ filePath, messages, errorCount, warningCount }) => ({
    filePath,
    messages,
    errorCount,
    warningCount,
  }));
}

describe('async-misuse output', () => {
  const files: Record<string, string> = { 'tsconfig.json': TSCONFIG, 'src/clean.ts': CLEAN };
  for (let index = 1; index <= 8; index += 1) {
    files[`src/module${index}.ts`] = index % 2 === 0 ? CLEAN : TRIVIAL_AWAIT.replace('f(', `f${index}(`);
  }
  const project = createProject(files);
  afterAll(() => {
    project.dispose();
  });

  let reference: string | undefined;
  async function referenceJson(): Promise<string> {
    reference ??= (await runCli(['--format', 'json'], project.dir)).stdout;
    return reference;
  }

  it('--format json prints parseable JSON only, with the summary kept off stdout', async () => {
    const run = await runCli(['--format', 'json'], project.dir);
    expect(run.code).toBe(1);
    const results = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(results).toHaveLength(9);
    expect(results.reduce((sum, result) => sum + result.errorCount, 0)).toBe(4);
    reference ??= run.stdout;
  });

  it('--format sarif is a valid SARIF 2.1.0 log with our rules, help URIs and locations', async () => {
    const run = await runCli(['--format', 'sarif'], project.dir);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout) as Log;

    // One of the schema's patterns is invalid with the `u` flag.
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats.default(ajv);
    const validate = ajv.compile(sarifSchema);
    expect(validate({ version: '2.1.0' }), 'a log without runs must fail, or the schema checks nothing').toBe(false);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);

    const [sarifRun] = log.runs;
    expect(sarifRun?.tool.driver).toMatchObject({ name: 'async-misuse', version: expect.any(String) as string });
    expect(sarifRun?.tool.driver.informationUri).toMatch(/^https:\/\//);
    // Every rule the recommended config runs, each with its description and page.
    const recommended = Object.keys(plugin.configs.recommended.rules ?? {}).sort();
    expect(sarifRun?.tool.driver.rules).toEqual(
      recommended.map((id) => ({
        id,
        shortDescription: { text: plugin.rules[id.replace('async-misuse/', '') as keyof typeof plugin.rules].meta?.docs?.description },
        helpUri: expect.stringMatching(new RegExp(`docs/rules/${id.replace('async-misuse/', '')}\\.md$`, 'u')) as string,
      })),
    );
    expect(sarifRun?.results).toHaveLength(4);
    expect(sarifRun?.results?.[0]).toMatchObject({
      ruleId: 'async-misuse/no-trivial-await',
      ruleIndex: recommended.indexOf('async-misuse/no-trivial-await'),
      level: 'error',
      message: { text: expect.stringContaining('which is not a promise') as string },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'src/module1.ts', uriBaseId: '%SRCROOT%' },
            region: { startLine: 1, startColumn: 46, endLine: 1, endColumn: 51 },
          },
        },
      ],
    });
  });

  it('--cache gives the same results twice and keeps its file out of the way', async () => {
    const first = await runCli(['--cache', '--format', 'json'], project.dir);
    const second = await runCli(['--cache', '--format', 'json'], project.dir);
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(comparable(second.stdout)).toEqual(comparable(first.stdout));
    expect(comparable(first.stdout)).toEqual(comparable(await referenceJson()));
    // No node_modules in the temp project: the cache goes to the project root.
    expect(readdirSync(project.dir)).toContain('.async-misuse-cache');
  });

  it('leaves the project\'s own .eslintcache alone', async () => {
    project.write('.eslintcache', '{}');
    await runCli(['--rule', 'no-trivial-await', 'src/clean.ts'], project.dir);
    await runCli(['--cache', '--rule', 'no-trivial-await', 'src/clean.ts'], project.dir);
    expect(project.read('.eslintcache')).toBe('{}');
  });

  it('--concurrency 2 gives the same results as a single thread', async () => {
    const run = await runCli(['--concurrency', '2', '--format', 'json'], project.dir);
    expect(run.code).toBe(1);
    expect(comparable(run.stdout)).toEqual(comparable(await referenceJson()));
  });

  it('--progress draws a bar on stderr and leaves stdout alone', async () => {
    const run = await runCli(['--progress', '--format', 'json'], project.dir);
    expect(comparable(run.stdout)).toEqual(comparable(await referenceJson()));
    expect(run.stderr).toContain('\r[--------------------] 0/9 src/clean.ts');
    expect(run.stderr).toContain('\r[####################] 9/9');
    // Erased at the end, so what follows starts on a clean line.
    expect(run.stderr.endsWith('\r\x1b[K')).toBe(true);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    const run = await runCli([], project.dir);
    expect(run.stderr).not.toContain('\r');
    expect(run.stderr).toMatch(/^Rule +Problems +Fixable\n/);
    expect(path.isAbsolute(project.dir)).toBe(true);
  });
});
