import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getSequentialAwaitsRewrite } from '../../src/fixers/sequential-awaits.js';
import { getPromiseCombinatorCall } from '../../src/syntax/promise-combinator.js';
import { probeTyped } from '../analysis/typed-probe.js';

/** The rewrite of every combinator in `code` (in the given order), or `-` where there is none. */
async function rewrites(code: string, order?: number[]): Promise<string[]> {
  const found: string[] = [];
  await probeTyped(`declare function f(x: number): Promise<number>;\ndeclare const ids: number[];\n${code}`, ({ sourceCode }) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const combinator = getPromiseCombinatorCall(sourceCode, node);
      if (combinator === undefined) return;
      found.push(getSequentialAwaitsRewrite(sourceCode, combinator, order)?.text ?? '-');
    },
  }));
  return found;
}

describe('getSequentialAwaitsRewrite', () => {
  it('awaits a statement’s elements one by one, a destructuring as one const each, a mapped call as a loop', async () => {
    expect(
      await rewrites(`
export async function run() {
  await Promise.all([f(1), f(2)]);
  const [a, , c] = await Promise.all([f(1), f(2), f(3)]);
  await Promise.all(ids.map((id) => f(id)));
  return a + c;
}
`),
    ).toEqual(['await f(1);\n  await f(2);', 'const a = await f(1);\n  await f(2);\n  const c = await f(3);', 'for (const id of ids) {\n    await f(id);\n  }']);
  });

  it('follows the given order, and offers nothing for other shapes', async () => {
    expect(await rewrites('export async function run() {\n  await Promise.all([f(1), f(2)]);\n}\n', [1, 0])).toEqual(['await f(2);\n  await f(1);']);
    expect(
      await rewrites(`
export async function run() {
  const all = await Promise.all([f(1), f(2)]);
  await Promise.race([f(1), f(2)]);
  await Promise.all([...ids.map((id) => f(id))]);
  await Promise.all(ids.map((id, index) => f(id + index)));
  return Promise.all([f(1), f(2)]).then(() => all);
}
`),
    ).toEqual(['-', '-', '-', '-', '-']);
  });
});
