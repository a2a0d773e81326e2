import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * The node that names a callee: `f` in `f()`, `method` in `obj.method()`
 * (not a computed `obj[key]()`); the node whose symbol says which function runs.
 */
export function getCalleeNameNode(callee: TSESTree.Expression): TSESTree.Identifier | TSESTree.PrivateIdentifier | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) return callee.property;
  return undefined;
}
