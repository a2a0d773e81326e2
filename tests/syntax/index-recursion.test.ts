import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getIndexRecursion } from '../../src/syntax/index-recursion.js';
import { probeTyped } from '../analysis/typed-probe.js';

/** For every call in `code` that is an index recursion: the function's name, the index and the arrays read by it. */
async function recursions(code: string): Promise<string[]> {
  const found: string[] = [];
  await probeTyped(code, ({ sourceCode }) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const recursion = getIndexRecursion(sourceCode, node);
      if (recursion === undefined) return;
      const arrays = recursion.elementReads.map((read) => sourceCode.getText(read.object)).join(',');
      found.push(`${recursion.call.callee.name}(${recursion.index.name}) over ${arrays}`);
    },
  }));
  return found;
}

describe('getIndexRecursion', () => {
  it('finds an async function that awaits or returns itself with the next index', async () => {
    expect(
      await recursions(`
declare function save(value: string): Promise<void>;
const items = ['a', 'b'];
async function next(i: number): Promise<void> {
  if (i >= items.length) return;
  await save(items[i] ?? '');
  await next(i + 1);
}
export const from = async (list: string[], at = 0): Promise<void> => {
  if (at < list.length) {
    await save(list[at] ?? '');
    return from(list, at + 1);
  }
};
export const named = async function step(list: string[], at: number): Promise<void> {
  if (list.length === at) return;
  await save(list[at] ?? '');
  return await step(list, at + 1);
};
void next(0);
`),
    ).toEqual(['next(i) over items', 'from(at) over list', 'step(at) over list']);
  });

  it('leaves alone what is not a walk over an array by index', async () => {
    expect(
      await recursions(`
declare function save(value: string): Promise<void>;
const items = ['a', 'b'];
// Not async.
function syncNext(i: number): void {
  if (i >= items.length) return;
  syncNext(i + 1);
  console.log(items[i]);
}
// Not awaited nor returned: fire and forget.
async function detached(i: number): Promise<void> {
  if (i >= items.length) return;
  await save(items[i] ?? '');
  void detached(i + 1);
}
// Never compared with the length of what it indexes.
async function retry(attempt: number): Promise<void> {
  if (attempt > 3) return;
  await save(items[attempt] ?? '');
  await retry(attempt + 1);
}
// Two calls of itself: a tree walk.
async function split(i: number): Promise<void> {
  if (i >= items.length) return;
  await save(items[i] ?? '');
  await split(i + 1);
  await split(i + 1);
}
// A let may be reassigned to another function.
let reassignable = async (i: number): Promise<void> => {
  if (i >= items.length) return;
  await save(items[i] ?? '');
  await reassignable(i + 1);
};
// The index is not the parameter at that position.
async function shifted(i: number, j: number): Promise<void> {
  if (i >= items.length) return;
  await save(items[i] ?? '');
  await shifted(j + 1, i);
}
// Another function's name.
async function caller(i: number): Promise<void> {
  if (i >= items.length) return;
  await save(items[i] ?? '');
  await detached(i + 1);
}
void [syncNext, retry, split, shifted, caller];
reassignable = async () => {};
`),
    ).toEqual([]);
  });
});
