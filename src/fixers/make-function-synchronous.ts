import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, getFunctionVariable } from '../syntax/function-node.js';
import { getStaticMemberName } from '../syntax/member-name.js';
import { isGlobalPromise } from '../syntax/promise-idioms.js';

/** A function with a body, or one of its overload signatures. */
type SignatureNode = FunctionNode | TSESTree.TSDeclareFunction | TSESTree.TSEmptyBodyFunctionExpression;

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
  if (hasJSDocTypeInJavaScript(sourceCode, node)) return false;
  return getSignatures(sourceCode, node).every((signature) => {
    const annotation = signature.returnType?.typeAnnotation;
    // An overload signature may be written without `async`; the implementation has it.
    const hasAsync = getAsyncToken(sourceCode, signature) !== undefined || signature !== node;
    return hasAsync && (annotation === undefined || getPromiseTypeArgument(sourceCode, annotation) !== undefined);
  });
}

/**
 * In a checked JavaScript file a JSDoc `@returns {Promise<T>}` (or `@type`)
 * is the function's type annotation, which we do not rewrite: no change.
 */
function hasJSDocTypeInJavaScript(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): boolean {
  if (!isJavaScriptFile(sourceCode, node)) return false;
  // The comment sits before the declaration that holds the function: a variable, an export, a member.
  const holders = new Set<AST_NODE_TYPES>([
    AST_NODE_TYPES.VariableDeclarator,
    AST_NODE_TYPES.VariableDeclaration,
    AST_NODE_TYPES.ExportNamedDeclaration,
    AST_NODE_TYPES.ExportDefaultDeclaration,
    AST_NODE_TYPES.MethodDefinition,
    AST_NODE_TYPES.Property,
    AST_NODE_TYPES.PropertyDefinition,
  ]);
  let holder: Exclude<TSESTree.Node, TSESTree.Program> = node;
  for (;;) {
    const parent: TSESTree.Node = holder.parent;
    if (parent.type === AST_NODE_TYPES.Program || !holders.has(parent.type)) break;
    holder = parent;
  }
  return sourceCode.getCommentsBefore(holder).some((comment) => /@(?:returns?|type)\b/u.test(comment.value));
}

function isJavaScriptFile(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): boolean {
  const fileName = sourceCode.parserServices?.esTreeNodeToTSNodeMap?.get(node).getSourceFile().fileName ?? '';
  return /\.[cm]?jsx?$/u.test(fileName);
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
  // Stop at a comment after `async` too: it stays.
  const afterAsync = asyncToken && sourceCode.getTokenAfter(asyncToken, { includeComments: true });
  if (asyncToken !== undefined && afterAsync !== null && afterAsync !== undefined) {
    // `x = [1]\n async ['m']() {}` without `async` would read `[1]['m']()`: keep the statements apart.
    const replacement = needsSeparator(sourceCode, signature, asyncToken) ? ';' : '';
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

/**
 * Without `async`, what follows it (`[`, `(` or a template) could continue
 * what comes before it. Only where `async` starts the member or expression:
 * after a modifier or decorator of the same member (`static async [k]()`,
 * `@dec async [k]()`) the member starts earlier and nothing is continued.
 */
function needsSeparator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  signature: SignatureNode,
  asyncToken: TSESTree.Token,
): boolean {
  const next = sourceCode.getTokenAfter(asyncToken);
  const previous = sourceCode.getTokenBefore(asyncToken);
  if (next === null || previous === null || !startsWithAsiHazard(next)) return false;
  const member = signature.parent;
  if (member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.TSAbstractMethodDefinition) {
    if (previous.range[0] >= member.range[0] || sourceCode.getFirstToken(member) !== asyncToken) return false;
    // In a class body only a field without `;` (`x = 1`, `y: string`) can be continued.
    const elements = member.parent.body;
    const before = elements[elements.indexOf(member) - 1];
    return before !== undefined && isFieldLike(before) && previous.value !== ';';
  }
  // In an object literal `async` follows `{` or `,`; elsewhere, an expression may end right before it.
  return endsExpression(sourceCode, previous);
}

function isFieldLike(element: TSESTree.ClassElement): boolean {
  return (
    element.type === AST_NODE_TYPES.PropertyDefinition ||
    element.type === AST_NODE_TYPES.AccessorProperty ||
    element.type === AST_NODE_TYPES.TSAbstractPropertyDefinition ||
    element.type === AST_NODE_TYPES.TSAbstractAccessorProperty ||
    element.type === AST_NODE_TYPES.TSIndexSignature
  );
}

/** The token can be the last of an expression that a following `[`, `(` or template would continue. */
function endsExpression(sourceCode: Readonly<TSESLint.SourceCode>, token: TSESTree.Token): boolean {
  return (
    (token.type === AST_TOKEN_TYPES.Identifier && isIdentifierNode(sourceCode, token)) ||
    token.type === AST_TOKEN_TYPES.Boolean ||
    token.type === AST_TOKEN_TYPES.Null ||
    token.type === AST_TOKEN_TYPES.Numeric ||
    token.type === AST_TOKEN_TYPES.String ||
    // A whole template or its tail (`` }…` ``), not a head or middle (`` `…${ ``, `` }…${ ``), which opens a substitution.
    (token.type === AST_TOKEN_TYPES.Template && token.value.endsWith('`')) ||
    token.type === AST_TOKEN_TYPES.RegularExpression ||
    (token.type === AST_TOKEN_TYPES.Keyword && (token.value === 'this' || token.value === 'super')) ||
    token.value === ')' ||
    token.value === ']' ||
    token.value === '}' ||
    token.value === '++' ||
    token.value === '--'
  );
}

/** An identifier token that is a name, not a contextual keyword (`of` in `for (x of …)`, which no expression ends with). */
function isIdentifierNode(sourceCode: Readonly<TSESLint.SourceCode>, token: TSESTree.Token): boolean {
  const node = sourceCode.getNodeByRangeIndex(token.range[0]);
  return node !== null && node.range[0] === token.range[0] && node.range[1] === token.range[1];
}

function getSignatures(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): SignatureNode[] {
  const method = node.parent;
  if (method.type === AST_NODE_TYPES.MethodDefinition && method.value === node) {
    return [node, ...getMethodOverloads(method)];
  }
  if (node.type !== AST_NODE_TYPES.FunctionDeclaration) return [node];
  const overloads = (getFunctionVariable(sourceCode, node)?.defs ?? []).flatMap((definition) =>
    definition.node.type === AST_NODE_TYPES.TSDeclareFunction ? [definition.node] : [],
  );
  return [node, ...overloads];
}

/** The overload signatures of a class method: bodiless members with the same key and placement. */
function getMethodOverloads(method: TSESTree.MethodDefinition): TSESTree.TSEmptyBodyFunctionExpression[] {
  if (method.computed) return [];
  const keyName = getStaticMemberName(method);
  return method.parent.body.flatMap((element) =>
    element.type === AST_NODE_TYPES.MethodDefinition &&
    element !== method &&
    !element.computed &&
    element.static === method.static &&
    element.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression &&
    getStaticMemberName(element) === keyName
      ? [element.value]
      : [],
  );
}

/** `T` of a `Promise<T>` annotation naming the global `Promise`. */
function getPromiseTypeArgument(
  sourceCode: Readonly<TSESLint.SourceCode>,
  annotation: TSESTree.TypeNode,
): TSESTree.TypeNode | undefined {
  if (annotation.type !== AST_NODE_TYPES.TSTypeReference || !isGlobalPromise(sourceCode, annotation.typeName)) {
    return undefined;
  }
  const typeArguments = annotation.typeArguments?.params ?? [];
  return typeArguments.length === 1 ? typeArguments[0] : undefined;
}
