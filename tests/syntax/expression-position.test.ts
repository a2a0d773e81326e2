import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isUnusedSequenceOperand, isWideningPosition, wouldBindThis } from '../../src/syntax/expression-position.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

/** The first `await` of `statement`, parsed inside an async function. */
function firstAwait(statement: string): TSESTree.AwaitExpression {
  const [node] = findAll(parsePlain(`async function probe() { ${statement} }`), AST_NODE_TYPES.AwaitExpression);
  if (node === undefined) throw new Error(`no await in ${statement}`);
  return node;
}

describe('isUnusedSequenceOperand', () => {
  it.each([
    ['await a, b;', true],
    ['x = (await a, b, c);', true],
    ['x = (a, await b);', false],
    ['f(await a);', false],
  ])('%s → %s', (statement, expected) => {
    expect(isUnusedSequenceOperand(firstAwait(statement))).toBe(expected);
  });
});

describe('isWideningPosition', () => {
  it.each([
    ['x = await a * 2;', true],
    ["x = await a + '';", true],
    ['x = 1 << await a;', true],
    ['x = `${await a}`;', true],
    ['x = -(await a);', true],
    ['x = typeof (await a);', true],
    ['x = (await a) as number;', true],
    ['let y = await a;', true],
    // The literal type would show: a comparison, a `const`, a pattern, a return, an argument.
    ['x = await a === 1;', false],
    ['const y = await a;', false],
    ['let [y] = await a;', false],
    ['return await a;', false],
    ['f(await a);', false],
  ])('%s → %s', (statement, expected) => {
    expect(isWideningPosition(firstAwait(statement))).toBe(expected);
  });
});

describe('wouldBindThis', () => {
  it.each([
    ['(await obj.m)();', true],
    ['(await obj.m)`x`;', true],
    ['(await obj["m"])();', true],
    ['(await obj?.m)();', true],
    ['(await (obj.m as F))();', true],
    ['(await obj.m!)();', true],
    ['(await (obj.m satisfies F))();', true],
    // Not a member access, or not called.
    ['(await fn)();', false],
    ['(await obj.m).call(other);', false],
    ['x = await obj.m;', false],
    ['f(await obj.m);', false],
  ])('%s → %s', (statement, expected) => {
    const target = firstAwait(statement);
    expect(wouldBindThis(target, target.argument)).toBe(expected);
  });
});
