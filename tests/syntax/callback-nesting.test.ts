import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getCallbackNesting, isCallbackArgument } from '../../src/syntax/callback-nesting.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

/** Every arrow and function expression of `code`, in source order. */
function functionsOf(code: string): (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression)[] {
  const ast = parsePlain(code);
  return [...findAll(ast, AST_NODE_TYPES.ArrowFunctionExpression), ...findAll(ast, AST_NODE_TYPES.FunctionExpression)].sort(
    (a, b) => a.range[0] - b.range[0],
  );
}

describe('isCallbackArgument', () => {
  it('is true for a function written as an argument of a call or `new`, false elsewhere', () => {
    const found = functionsOf(`
      f(() => 1);
      new P(function () {});
      const stored = () => 2;
      (() => 3)();
      f(g, h.bind(function () {}));
    `).map(isCallbackArgument);
    // `h.bind(function…)` passes the function to `bind`: an argument as written.
    expect(found).toEqual([true, true, false, false, true]);
  });
});

describe('getCallbackNesting', () => {
  it('lists the callbacks around a callback, outermost first, itself last', () => {
    const [outer, middle, inner] = functionsOf('a(() => { b(function () { c((x) => x); }); });');
    expect(inner && getCallbackNesting(inner)).toEqual([outer, middle, inner]);
    expect(outer && getCallbackNesting(outer)).toEqual([outer]);
  });

  it('counts through functions that are no arguments, without counting them', () => {
    const [outer, stored, inner] = functionsOf(`
      a(() => {
        function later() {
          const run = () => b((x) => x);
          return run;
        }
        return later;
      });
    `);
    expect(inner && getCallbackNesting(inner)).toEqual([outer, inner]);
    expect(stored && isCallbackArgument(stored)).toBe(false);
  });
});
