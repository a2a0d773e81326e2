import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { someESTreeDescendant } from './walk.js';

/**
 * Whether code reads the `this` or `arguments` of the `function` it is in:
 * moved out of that function (into a loop around its body), either would
 * mean something else. Arrows nested in the code see the same `this` and
 * are searched; nested `function`s have their own and are not.
 */
export function readsOwnThisOrArguments(roots: readonly TSESTree.Node[]): boolean {
  return roots.some((root) =>
    someESTreeDescendant(root, (node) => {
      if (node !== root && (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) {
        return 'skip';
      }
      return node.type === AST_NODE_TYPES.ThisExpression || (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments')
        ? 'found'
        : 'descend';
    }),
  );
}
