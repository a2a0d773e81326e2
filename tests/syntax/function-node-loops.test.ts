import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getEnclosingFunction } from '../../src/syntax/function-node.js';
import { probeTyped } from '../analysis/typed-probe.js';

describe('getEnclosingFunction', () => {
  it('finds the innermost function, and nothing at the top level (whose Program has a null parent)', async () => {
    const found: (string | undefined)[] = [];
    await probeTyped(
      `
declare function probe(): void;
probe();
export function outer() {
  probe();
  return () => probe();
}
`,
      () => ({
        'CallExpression[callee.name="probe"]'(node: TSESTree.CallExpression) {
          const fn = getEnclosingFunction(node);
          found.push(fn === undefined ? undefined : fn.type === AST_NODE_TYPES.FunctionDeclaration ? (fn.id?.name ?? '') : fn.type);
        },
      }),
    );
    expect(found).toEqual([undefined, 'outer', AST_NODE_TYPES.ArrowFunctionExpression]);
  });
});
