import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './function-node.js';

/**
 * Nodes whose children are a list of statements: a declaration may go before
 * any of them, a statement can be removed from them, and a statement can be
 * continued by the next one (ASI).
 */
const STATEMENT_LISTS = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.Program,
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.TSModuleBlock,
]);

/** Whether `node` holds a list of statements (a program, block, static block, `case`, namespace body). */
export function isStatementList(node: TSESTree.Node): boolean {
  return STATEMENT_LISTS.has(node.type);
}

/**
 * The statement around `node` that stands in a list of statements, so that a
 * fix can declare something just before it; `undefined` when the way up
 * leaves the function `node` is in (a concise arrow body, a class field
 * initialiser), where a declaration would belong to another function.
 */
export function getStatementInList(node: TSESTree.Node): TSESTree.Statement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent !== undefined) {
    const parent: TSESTree.Node = current.parent;
    if (isFunctionNode(parent) || parent.type === AST_NODE_TYPES.PropertyDefinition) return undefined;
    if (isStatementList(parent)) return current as TSESTree.Statement;
    current = parent;
  }
  return undefined;
}
