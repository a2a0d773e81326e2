import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** `reference` is the callee of a call: `reference(…)`. */
export function isCalleeOfCall(reference: TSESTree.Node): boolean {
  const call = reference.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference;
}

/**
 * `reference(…)` whose result is awaited or thrown away (`await f()`,
 * `f();`, `void f()`): a caller that cannot tell a promise from a value.
 */
export function isAwaitedOrDiscardedCall(reference: TSESTree.Node): boolean {
  if (!isCalleeOfCall(reference)) return false;
  const user = reference.parent?.parent;
  if (user === undefined) return false;
  return (
    user.type === AST_NODE_TYPES.AwaitExpression ||
    user.type === AST_NODE_TYPES.ExpressionStatement ||
    (user.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void')
  );
}
