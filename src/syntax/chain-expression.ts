import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** `a?.b()` asks the same questions as the call inside its chain: the expression without the wrapper. */
export function skipChainExpression<T extends TSESTree.Node>(node: T): T | TSESTree.ChainElement {
  return node.type === AST_NODE_TYPES.ChainExpression ? node.expression : node;
}
