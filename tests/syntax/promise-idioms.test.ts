import { ESLint } from 'eslint';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';

import {
  getImmediatelyResolvedValue,
  getPromiseResolveArgument,
  isEventLoopYield,
} from '../../src/syntax/promise-idioms.js';

interface Observation {
  operand: string;
  isYield: boolean;
  resolved: string | null | undefined;
}

/**
 * Runs the recognisers on every `await` operand of `code` inside a real ESLint
 * run (the recognisers read scopes, which only exist there) and records what they say.
 */
async function observeAwaits(code: string): Promise<Observation[]> {
  const observations: Observation[] = [];
  const probe: TSESLint.RuleModule<never> = {
    meta: { type: 'problem', messages: {}, schema: [] },
    create(context) {
      return {
        AwaitExpression(node: TSESTree.AwaitExpression) {
          const sourceCode = context.sourceCode;
          const value =
            getPromiseResolveArgument(sourceCode, node.argument) ??
            getImmediatelyResolvedValue(sourceCode, node.argument);
          observations.push({
            operand: sourceCode.getText(node.argument),
            isYield: isEventLoopYield(sourceCode, node.argument),
            resolved: value == null ? value : sourceCode.getText(value),
          });
        },
      };
    },
  };
  const eslint = new ESLint({
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { probe: { rules: { awaits: probe as never } } },
        rules: { 'probe/awaits': 'error' },
      },
    ],
  });
  await eslint.lintText(code, { filePath: 'probe.ts' });
  return observations;
}

describe('promise idioms', () => {
  it('recognises the ways of yielding to the event loop', async () => {
    const observed = await observeAwaits(`
async function yields() {
  await null;
  await undefined;
  await void 0;
  await Promise.resolve();
  await new Promise((resolve) => resolve());
  await new Promise(setImmediate);
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((r) => setImmediate(r));
  await scheduler.yield();
}
declare const scheduler: { yield(): Promise<void> };`);
    expect(observed.map((observation) => [observation.operand, observation.isYield])).toEqual(
      observed.map((observation) => [observation.operand, true]),
    );
    expect(observed).toHaveLength(9);
  });

  it('does not take waits with a delay or a value for yields', async () => {
    const observed = await observeAwaits(`
async function waits(value: number) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await Promise.resolve(value);
  await new Promise((resolve) => resolve(value));
  await 0;
}`);
    expect(observed.map((observation) => observation.isYield)).toEqual([false, false, false, false]);
  });

  it('finds the value of Promise.resolve(v) and new Promise((r) => r(v))', async () => {
    const observed = await observeAwaits(`
async function unwrap(value: number) {
  await Promise.resolve(value + 1);
  await new Promise<number>((resolve) => resolve(value));
  await new Promise<number>(function (resolve) { resolve(value * 2); });
  await new Promise<number>((resolve) => { console.log(value); resolve(value); });
  await Promise.resolve(...[value]);
}`);
    expect(observed.map((observation) => observation.resolved)).toEqual([
      'value + 1',
      'value',
      'value * 2',
      undefined,
      undefined,
    ]);
  });

  it('ignores a Promise that is not the global one', async () => {
    const observed = await observeAwaits(`
import { Promise } from './my-promise';
async function local(value: number) {
  await Promise.resolve(value);
  await new Promise((resolve) => resolve(value));
  await Promise.resolve();
}`);
    expect(observed.map((observation) => [observation.resolved, observation.isYield])).toEqual([
      [undefined, false],
      [undefined, false],
      [undefined, false],
    ]);
  });
});
