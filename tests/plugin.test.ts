import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { rules } from '../src/rules/index.js';
import { getRuleDocsUrl } from '../src/create-rule.js';
import { createFixtureESLint, typedFixtureParserOptions } from './fixture-eslint.js';
import { fixturesDir } from './rule-tester.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.replace(/\.ts$/u, ''))
  .sort();
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};

describe('the plugin object', () => {
  it('names itself after the package', () => {
    expect(plugin.meta.name).toBe(packageJson.name);
    expect(plugin.meta.version).toBe(packageJson.version);
  });

  it('lists every rule file in src/rules, sorted', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
  });

  describe.each(ruleFiles)('rule %s', (id) => {
    const rule = rules[id as keyof typeof rules];

    it('has a source file, doc page and test file', () => {
      expect(existsSync(path.join(root, 'docs/rules', `${id}.md`))).toBe(true);
      expect(existsSync(path.join(root, 'tests/rules', `${id}.test.ts`))).toBe(true);
    });

    it('has a test file in the one layout (lint checks the cases themselves)', () => {
      const testSource = readFileSync(path.join(root, 'tests/rules', `${id}.test.ts`), 'utf8');
      const runNames = [...testSource.matchAll(/ruleTester\.run\('([^']*)'/gu)].map((match) => match[1]);
      expect(runNames[0]).toBe(id);
      for (const name of runNames.slice(1)) expect(name).toMatch(new RegExp(`^${id}: `, 'u'));
      // Case code sits in templates opened on their own line and indented to the case (6 spaces).
      // (A fix may break a line after a line comment: its output goes on at column 0.)
      const lines = testSource.split('\n');
      const codeAtColumnZero = lines.filter(
        (line, index) =>
          /^[A-Za-z@{}]/u.test(line) &&
          !/^(?:import|const|ruleTester|\}\);?$)/u.test(line) &&
          lines[index - 1]?.includes('//') !== true,
      );
      expect(codeAtColumnZero).toEqual([]);
    });

    it('has complete meta', () => {
      expect(rule.name).toBe(id);
      expect(rule.meta.docs?.url).toBe(getRuleDocsUrl(id));
      expect(rule.meta.docs?.description).toMatch(/^(Disallow|Enforce|Require|Prefer) /u);
      expect(rule.meta.docs?.requiresTypeChecking).toBe(true);
      expect(['recommended', 'strict']).toContain(rule.meta.docs?.recommended);
      expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
      expect(Array.isArray(rule.meta.schema)).toBe(true);
    });
  });
});

describe('the configs', () => {
  const qualified = (ids: string[]): string[] => ids.map((id) => `async-misuse/${id}`).sort();
  const idsWhere = (accept: (level: string) => boolean): string[] =>
    ruleFiles.filter((id) => accept(rules[id as keyof typeof rules].meta.docs?.recommended ?? ""));

  it('derive their rule lists from meta.docs', () => {
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).sort()).toEqual(
      qualified(idsWhere((level) => level === 'recommended')),
    );
    expect(Object.keys(plugin.configs.strict.rules ?? {}).sort()).toEqual(qualified(ruleFiles));
    expect(plugin.configs['disable-type-checked'].rules).toEqual(
      Object.fromEntries(qualified(ruleFiles).map((id) => [id, 'off'])),
    );
  });

  const typedCode = `
async function double(value: number) {
  return value * 2;
}
export async function main(count: number): Promise<number> {
  const doubled = await double(count);
  return await doubled;
}
`;

  async function lintWith(config: Linter.Config, typed: boolean): Promise<string[]> {
    const eslint = createFixtureESLint({ parserOptions: typed ? typedFixtureParserOptions : {}, configs: [config] });
    const [result] = await eslint.lintText(typedCode, { filePath: path.join(fixturesDir, 'file.ts') });
    return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
  }

  it('recommended runs the recommended rules on a typed file', async () => {
    expect(await lintWith(plugin.configs.recommended, true)).toEqual([
      'async-misuse/no-trivial-await',
      'async-misuse/no-trivial-await',
    ]);
  });

  it('strict adds the judgement rules', async () => {
    expect((await lintWith(plugin.configs.strict, true)).sort()).toEqual([
      'async-misuse/no-needless-async',
      'async-misuse/no-trivial-await',
      'async-misuse/no-trivial-await',
    ]);
  });

  it('disable-type-checked turns every rule off for files without types', async () => {
    expect(await lintWith({ ...plugin.configs.strict, rules: { ...plugin.configs.strict.rules, ...plugin.configs['disable-type-checked'].rules } }, false)).toEqual([]);
  });
});
