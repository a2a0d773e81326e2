import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** A function written where it is passed: `f(() => …)`, `f(function () { … })`, `new P((resolve) => …)`. */
export type CallbackNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/** Whether `node` is a function expression or arrow written as an argument of a call or `new`. */
export function isCallbackArgument(node: TSESTree.Node): node is CallbackNode {
  if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const parent = node.parent;
  return (
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.includes(node)
  );
}

/**
 * The callbacks whose bodies hold `callback`, outermost first, then
 * `callback` itself: its nesting as written, before any type says which of
 * them run later. Functions in between that are not arguments (a function
 * declared inside a callback, an arrow stored in a variable) do not count and
 * do not break the count, as in ESLint's `max-nested-callbacks`.
 */
export function getCallbackNesting(callback: CallbackNode): CallbackNode[] {
  const nesting: CallbackNode[] = [callback];
  // ESLint gives the Program a `null` parent, whatever the types say.
  for (let current = callback.parent as TSESTree.Node | null; current != null; current = current.parent ?? null) {
    if (isCallbackArgument(current)) nesting.push(current);
  }
  return nesting.reverse();
}
