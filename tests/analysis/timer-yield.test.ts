import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isPromiseTimerYield } from '../../src/analysis/timer-yield.js';
import { probeTyped } from './typed-probe.js';

/** For every `await` operand of `code`: its text and whether it is a `node:timers/promises` yield. */
async function observe(code: string): Promise<[string, boolean][]> {
  const observed: [string, boolean][] = [];
  await probeTyped(code, ({ services, sourceCode }) => ({
    AwaitExpression(node: TSESTree.AwaitExpression) {
      observed.push([sourceCode.getText(node.argument), isPromiseTimerYield(services, node.argument)]);
    },
  }));
  return observed;
}

describe('isPromiseTimerYield', () => {
  it('recognises the yields of node:timers/promises under any name', async () => {
    expect(
      await observe(`
import { setImmediate, setTimeout as sleep, scheduler } from 'node:timers/promises';
import * as timers from 'timers/promises';
export async function f() {
  await setImmediate();
  await setImmediate('value');
  await sleep();
  await sleep(0);
  await scheduler.yield();
  await timers.setImmediate();
  await timers.scheduler.yield();
}`),
    ).toEqual([
      ['setImmediate()', true],
      ["setImmediate('value')", true],
      ['sleep()', true],
      ['sleep(0)', true],
      ['scheduler.yield()', true],
      ['timers.setImmediate()', true],
      ['timers.scheduler.yield()', true],
    ]);
  });

  it('does not take real delays, other APIs or functions of the program for yields', async () => {
    expect(
      await observe(`
import { setTimeout as sleep, scheduler } from 'node:timers/promises';
async function setImmediate(): Promise<void> {}
declare const other: { yield(): Promise<void> };
export async function f(ms: number) {
  await sleep(10);
  await sleep(ms);
  await scheduler.wait(0);
  await setImmediate();
  await other.yield();
}`),
    ).toEqual([
      ['sleep(10)', false],
      ['sleep(ms)', false],
      ['scheduler.wait(0)', false],
      ['setImmediate()', false],
      ['other.yield()', false],
    ]);
  });
});
