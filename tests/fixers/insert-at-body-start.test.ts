import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { insertAtBodyStart } from '../../src/fixers/insert-at-body-start.js';
import { findAll } from '../analysis/in-memory-program.js';
import { assertParses, fixWithProbe } from '../lint-probe.js';

/** Puts `if (e) throw e;` first in the first arrow or function expression of `code`. */
function insertThrow(code: string): string {
  const output = fixWithProbe(code, (context) => {
    const [fn] = [
      ...findAll(context.sourceCode.ast, AST_NODE_TYPES.ArrowFunctionExpression),
      ...findAll(context.sourceCode.ast, AST_NODE_TYPES.FunctionExpression),
    ].sort((a: TSESTree.Node, b: TSESTree.Node) => a.range[0] - b.range[0]);
    if (fn === undefined) throw new Error('no function in the code');
    return (fixer) => insertAtBodyStart(fixer, context.sourceCode, fn, 'if (e) throw e;');
  });
  assertParses(output);
  return output;
}

describe('insertAtBodyStart', () => {
  it.each([
    ['f((e, v) => {\n  use(v);\n});', 'f((e, v) => {\n  if (e) throw e;\n  use(v);\n});'],
    ['f((e, v) => {\n    // why\n    use(v);\n});', 'f((e, v) => {\n    if (e) throw e;\n    // why\n    use(v);\n});'],
    ['f((e, v) => { use(v); });', 'f((e, v) => { if (e) throw e; use(v); });'],
    ['f((e) => {});', 'f((e) => { if (e) throw e; });'],
    ['f((e) => {\n});', 'f((e) => { if (e) throw e;\n});'],
    ['f((e, v) => use(v));', 'f((e, v) => { if (e) throw e; return use(v); });'],
    ['f((e, v) => ({ v }));', 'f((e, v) => { if (e) throw e; return { v }; });'],
    ['f((e, v) => (a(), b(v)));', 'f((e, v) => { if (e) throw e; return a(), b(v); });'],
    ['f(function (e) {\n  use();\n});', 'f(function (e) {\n  if (e) throw e;\n  use();\n});'],
  ])('%j', (code, output) => {
    expect(insertThrow(code)).toBe(output);
  });
});
