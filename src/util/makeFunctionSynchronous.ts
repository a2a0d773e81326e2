import { AST_NODE_TYPES, AST_TOKEN_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getFunctionVariable, type FunctionNode } from '../analysis/promise-contract.js';

/** A function with a body, or one of its overload signatures. */
type SignatureNode = FunctionNode | TSESTree.TSDeclareFunction;

/** The `async` keyword of a function, method, arrow or overload (for a method it precedes the key). */
export function getAsyncToken(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: SignatureNode,
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

/**
 * Every signature (the function and its overloads) has an `async` keyword to
 * drop and, if annotated, a `Promise<T>` to unwrap. Overloads must change with
 * the implementation, or they no longer match it.
 */
export function canMakeFunctionSynchronous(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): boolean {
  return getSignatures(sourceCode, node).every((signature) => {
    const annotation = signature.returnType?.typeAnnotation;
    // An overload signature may be written without `async`; the implementation has it.
    const hasAsync = getAsyncToken(sourceCode, signature) !== undefined || signature !== node;
    return hasAsync && (annotation === undefined || getPromiseTypeArgument(sourceCode, annotation) !== undefined);
  });
}

/**
 * The fix parts that make an async function synchronous: drop `async` and
 * turn a `Promise<T>` return annotation into `T`, on the function and its
 * overloads. Call only when `canMakeFunctionSynchronous` said yes.
 */
export function makeFunctionSynchronous(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): TSESLint.RuleFix[] {
  return getSignatures(sourceCode, node).flatMap((signature) => makeSignatureSynchronous(fixer, sourceCode, signature));
}

function makeSignatureSynchronous(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  signature: SignatureNode,
): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  const asyncToken = getAsyncToken(sourceCode, signature);
  const afterAsync = asyncToken && sourceCode.getTokenAfter(asyncToken);
  if (asyncToken !== undefined && afterAsync !== null && afterAsync !== undefined) {
    // `x = [1]\n async ['m']() {}` without `async` would read `[1]['m']()`: keep the statements apart.
    const replacement = startsWithAsiHazard(afterAsync) && continuesPreviousLine(sourceCode, asyncToken) ? ';' : '';
    fixes.push(fixer.replaceTextRange([asyncToken.range[0], afterAsync.range[0]], replacement));
  }
  const annotation = signature.returnType?.typeAnnotation;
  const awaitedType = annotation && getPromiseTypeArgument(sourceCode, annotation);
  if (annotation !== undefined && awaitedType !== undefined) {
    fixes.push(fixer.replaceText(annotation, sourceCode.getText(awaitedType)));
  }
  return fixes;
}

function startsWithAsiHazard(token: TSESTree.Token): boolean {
  return token.value === '[' || token.value === '(' || token.type === AST_TOKEN_TYPES.Template;
}

/** The token before `async` could end an expression that `[`/`(` would then continue. */
function continuesPreviousLine(sourceCode: Readonly<TSESLint.SourceCode>, asyncToken: TSESTree.Token): boolean {
  const previous = sourceCode.getTokenBefore(asyncToken);
  if (previous === null) return false;
  return (
    previous.type === AST_TOKEN_TYPES.Identifier ||
    previous.type === AST_TOKEN_TYPES.Numeric ||
    previous.type === AST_TOKEN_TYPES.String ||
    previous.type === AST_TOKEN_TYPES.Template ||
    previous.type === AST_TOKEN_TYPES.RegularExpression ||
    previous.value === ')' ||
    previous.value === ']'
  );
}

function getSignatures(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): SignatureNode[] {
  if (node.type !== AST_NODE_TYPES.FunctionDeclaration) return [node];
  const overloads = (getFunctionVariable(sourceCode, node)?.defs ?? []).flatMap((definition) =>
    definition.node.type === AST_NODE_TYPES.TSDeclareFunction ? [definition.node] : [],
  );
  return [node, ...overloads];
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
