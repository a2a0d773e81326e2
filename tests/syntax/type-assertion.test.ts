import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { containsTypeAssertion } from '../../src/syntax/type-assertion.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

describe('containsTypeAssertion', () => {
  it.each([
    ['x as T', true],
    ['<T>x', true],
    ['(x as T).m()', true],
    ['(x as T)!', true],
    ['(x as T)?.m', true],
    ['(x as T).a.b', true],
    ['a ? (b as T) : c', true],
    ['a ? b : (c as T)', true],
    ['a ?? (b as T)', true],
    ['(x as T) as const', true],
    ['(x as const) as T', true],
    // `as const` narrows, it does not overrule; an argument or an element is not the value's path.
    ['x as const', false],
    ['x!.m', false],
    ['f(x as T)', false],
    ['[x as T]', false],
    ['x satisfies T', false],
    ['(a as T) || b', true],
    ['a || b', false],
  ])('%s → %s', (expression, expected) => {
    const [declarator] = findAll(parsePlain(`const probe = ${expression};`), AST_NODE_TYPES.VariableDeclarator);
    if (declarator?.init == null) throw new Error('no initializer');
    expect(containsTypeAssertion(declarator.init)).toBe(expected);
  });
});
