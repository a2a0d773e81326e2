import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode } from '../analysis/promise-contract.js';

/** The `async` keyword of a function, method or arrow (for a method it precedes the key). */
export function getAsyncToken(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): TSESTree.Token | undefined {
  const parent = node.parent;
  const isMethod =
    (parent.type === AST_NODE_TYPES.MethodDefinition || (parent.type === AST_NODE_TYPES.Property && parent.method)) &&
    parent.value === node;
  if (isMethod) {
    const keyStart = parent.key.range[0];
    return sourceCode
      .getTokens(parent)
      .filter((token) => token.range[1] <= keyStart && token.type === AST_TOKEN_TYPES.Identifier && token.value === 'async')
      .at(-1);
  }
  const first = sourceCode.getFirstToken(node);
  return first?.type === AST_TOKEN_TYPES.Identifier && first.value === 'async' ? first : undefined;
}

/** The function has an `async` keyword to drop and, if annotated, a `Promise<T>` to unwrap. */
export function canMakeFunctionSynchronous(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): boolean {
  const annotation = node.returnType?.typeAnnotation;
  return (
    getAsyncToken(sourceCode, node) !== undefined &&
    (annotation === undefined || getPromiseTypeArgument(sourceCode, annotation) !== undefined)
  );
}

/**
 * Fix parts that make an async function synchronous: drop `async`, and turn a
 * `Promise<T>` return annotation into `T`. `null` when the annotation is some
 * other type, which a fix could not rewrite without guessing.
 */
export function makeFunctionSynchronous(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): TSESLint.RuleFix[] | null {
  const asyncToken = getAsyncToken(sourceCode, node);
  if (asyncToken === undefined) return null;
  const fixes: TSESLint.RuleFix[] = [];
  const afterAsync = sourceCode.getTokenAfter(asyncToken);
  if (afterAsync === null) return null;
  fixes.push(fixer.removeRange([asyncToken.range[0], afterAsync.range[0]]));

  const annotation = node.returnType?.typeAnnotation;
  if (annotation !== undefined) {
    const awaitedType = getPromiseTypeArgument(sourceCode, annotation);
    if (awaitedType === undefined) return null;
    fixes.push(fixer.replaceText(annotation, sourceCode.getText(awaitedType)));
  }
  return fixes;
}

/** `T` of a `Promise<T>` annotation naming the global `Promise`. */
function getPromiseTypeArgument(
  sourceCode: Readonly<TSESLint.SourceCode>,
  annotation: TSESTree.TypeNode,
): TSESTree.TypeNode | undefined {
  if (
    annotation.type !== AST_NODE_TYPES.TSTypeReference ||
    annotation.typeName.type !== AST_NODE_TYPES.Identifier ||
    annotation.typeName.name !== 'Promise'
  ) {
    return undefined;
  }
  const variable = ASTUtils.findVariable(sourceCode.getScope(annotation), annotation.typeName);
  if (variable !== null && variable.defs.length > 0) return undefined;
  const typeArguments = annotation.typeArguments?.params ?? [];
  return typeArguments.length === 1 ? typeArguments[0] : undefined;
}
