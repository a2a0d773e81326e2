import { AST_NODE_TYPES, ASTUtils, type ParserServices, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

/** A function with a body as ESTree has it: a declaration, an expression or an arrow. */
export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The innermost function around `node` (not `node` itself). */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  // ESLint gives the Program a `null` parent, whatever the types say.
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** The variable a function is bound to: its declaration's name or the `const` it initialises. */
export function getFunctionVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): TSESLint.Scope.Variable | undefined {
  let identifier: TSESTree.Identifier | undefined;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id !== null) {
    identifier = node.id;
  } else if (
    node.parent.type === AST_NODE_TYPES.VariableDeclarator &&
    node.parent.init === node &&
    node.parent.id.type === AST_NODE_TYPES.Identifier
  ) {
    identifier = node.parent.id;
  }
  if (identifier === undefined) return undefined;
  // The declaration's scope is the one around the function, not the function's own.
  const scope = sourceCode.getScope(node.type === AST_NODE_TYPES.FunctionDeclaration ? node.parent : node);
  return ASTUtils.findVariable(scope, identifier) ?? undefined;
}

/**
 * The ESTree function of a TypeScript declaration, when it is in the file
 * being linted (ESLint can only edit that file). A method's declaration maps
 * to its MethodDefinition or Property; the function is its value.
 */
export function getFunctionInLintedFile(
  services: Pick<ParserServices, 'esTreeNodeToTSNodeMap' | 'tsNodeToESTreeNodeMap'>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  declaration: ts.Node,
): FunctionNode | undefined {
  if (declaration.getSourceFile() !== services.esTreeNodeToTSNodeMap.get(sourceCode.ast)) return undefined;
  const node = services.tsNodeToESTreeNodeMap.get(declaration) as TSESTree.Node | undefined;
  if (node === undefined) return undefined;
  const fn = node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.Property ? node.value : node;
  return isFunctionNode(fn) ? fn : undefined;
}
