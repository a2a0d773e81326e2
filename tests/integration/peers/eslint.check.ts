/**
 * Runs only under `vitest.peer.config.ts` when the peer is ESLint (`scripts/test-peer.sh eslint@9`):
 * proves the run really uses that ESLint everywhere, and that the plugin's config and fix work there
 * end to end.
 */
import { createRequire } from 'node:module';

import { ESLint, Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import rule from '../../../src/rules/no-trivial-await.js';
import { createTypedRuleTester } from '../../rule-tester.js';
import {
  assertPluginBuilt,
  createTempProject,
  linkPackages,
  trivialAwaitFixed,
  trivialAwaitRuleId,
  trivialAwaitSource,
  typedProjectFiles,
} from '../temp-project.js';
import { peerFromEnv } from './peer-prefix.js';

const expectedVersion = peerFromEnv('eslint').version;
const expectedMajor = expectedVersion.split('.')[0] ?? '';

describe('the ESLint in use', () => {
  it(`is ESLint ${expectedVersion} for imports`, () => {
    expect(ESLint.version).toBe(expectedVersion);
    expect(Linter.version).toBe(ESLint.version);
  });

  it(`is ESLint ${expectedVersion} for typescript-eslint's CommonJS requires (RuleTester's Linter)`, () => {
    const requireFromRuleTester = createRequire(createRequire(import.meta.url).resolve('@typescript-eslint/rule-tester'));
    const required = requireFromRuleTester('eslint') as typeof import('eslint');
    expect(required.ESLint.version).toBe(ESLint.version);
  });
});

describe(`the plugin on ESLint ${expectedMajor}`, () => {
  const project = createTempProject('eslint-peer', { ...typedProjectFiles('eslint-peer'), 'src/double.ts': trivialAwaitSource });
  linkPackages(project.dir);
  afterAll(() => {
    project.remove();
  });

  it('reports and fixes with configs.recommended from a flat config file', async () => {
    assertPluginBuilt();
    const [result] = await new ESLint({ cwd: project.dir }).lintFiles(['src/double.ts']);
    expect(result?.messages.map((message) => [message.ruleId, message.messageId, message.line, message.column])).toEqual([
      [trivialAwaitRuleId, 'awaitOfNonThenable', 2, 10],
    ]);
    const [fixed] = await new ESLint({ cwd: project.dir, fix: true }).lintFiles(['src/double.ts']);
    expect(fixed?.output).toBe(trivialAwaitFixed);
  });
});

createTypedRuleTester().run('no-trivial-await on this ESLint', rule, {
  valid: ['async function f(p: Promise<number>) { return await p; }'],
  invalid: [
    {
      code: 'async function f(n: number) { return await n; }',
      output: 'async function f(n: number) { return n; }',
      errors: [{ messageId: 'awaitOfNonThenable', line: 1, column: 38, endLine: 1, endColumn: 43 }],
    },
  ],
});
