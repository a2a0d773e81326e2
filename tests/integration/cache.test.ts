/**
 * Pins down a limitation docs/ci.md warns about: ESLint's `--cache` keys a file's result on that
 * file (metadata or content) and the config, not on the types it imports. When another file's
 * types change, a typed rule's cached result for an unchanged file is stale.
 * If this test ever fails because ESLint started invalidating such results, update docs/ci.md.
 */
import { ESLint } from 'eslint';
import { beforeEach, describe, expect, it } from 'vitest';

import { assertPluginBuilt, createTempProject, linkPackages, type TempProject, trivialAwaitRuleId, typedProjectFiles } from './temp-project.js';

const consumer = "import { getValue } from './value.js';\n\nexport async function read(): Promise<number> {\n  return await getValue();\n}\n";
const asyncValue = 'export function getValue(): Promise<number> {\n  return Promise.resolve(1);\n}\n';
const syncValue = 'export function getValue(): number {\n  return 1;\n}\n';

describe.each(['metadata', 'content'] as const)('ESLint --cache --cache-strategy %s', (cacheStrategy) => {
  let project: TempProject;

  beforeEach(() => {
    assertPluginBuilt();
    project = createTempProject('cache', { ...typedProjectFiles('cache'), 'src/read.ts': consumer, 'src/value.ts': asyncValue });
    linkPackages(project.dir);
    return () => {
      project.remove();
    };
  });

  async function findingsInConsumer(cache: boolean): Promise<(string | null)[]> {
    const eslint = new ESLint({ cwd: project.dir, cache, cacheStrategy, cacheLocation: project.path('.eslintcache') });
    const results = await eslint.lintFiles(['src']);
    return results.filter((result) => result.filePath.endsWith('read.ts')).flatMap((result) => result.messages.map((m) => m.ruleId));
  }

  it('keeps a stale result when only an imported type changed', async () => {
    expect(await findingsInConsumer(true)).toEqual([]);

    // `getValue` stops returning a promise: `await getValue()` in the unchanged read.ts is now trivial.
    project.write('src/value.ts', syncValue);

    expect(await findingsInConsumer(true)).toEqual([]);
    expect(await findingsInConsumer(false)).toEqual([trivialAwaitRuleId]);
  });
});
