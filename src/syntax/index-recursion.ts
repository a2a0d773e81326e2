import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, type FunctionNode } from './function-node.js';
import { forEachESTreeDescendant } from './walk.js';

/**
 * The shape of an async function that walks an array by calling itself with
 * the next index — recursion standing in for a loop:
 *
 *     async function next(i: number): Promise<void> {
 *       if (i >= items.length) return;
 *       await handle(items[i]);
 *       await next(i + 1);          // or `return next(i + 1)`
 *     }
 *
 * Syntax only; whether `items` is an array is the caller's question.
 */
export interface IndexRecursion {
  /** The async function (a declaration, or a function bound to a `const` or to its own name). */
  fn: RecursiveFunction;
  /** The one call of itself, awaited or returned. */
  call: TSESTree.CallExpression & { callee: TSESTree.Identifier };
  /** The statement the call is (`await next(i + 1);`, `return next(i + 1);`). */
  statement: TSESTree.ExpressionStatement | TSESTree.ReturnStatement;
  /** The parameter that the call passes on as `index + 1`. */
  index: TSESTree.Identifier;
  /** Where the function reads an element by that index: `items[i]`. */
  elementReads: TSESTree.MemberExpression[];
}

export type RecursiveFunction = FunctionNode;

/**
 * For a call `f(…, i + 1, …)` inside the async function `f` itself, awaited
 * or returned, where `i` is `f`'s parameter at that position and `f` reads
 * `something[i]`: the recursion. `undefined` for anything else: a call with
 * another step, a tree walk (`f` calls itself more than once), a function
 * another binding could replace (`let`), or one that is not async.
 */
export function getIndexRecursion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): IndexRecursion | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.Identifier || call.optional) return undefined;
  const stepPosition = call.arguments.findIndex(isNextIndex);
  if (stepPosition === -1) return undefined;
  const statement = getAwaitedOrReturnedStatement(call);
  if (statement === undefined) return undefined;
  const fn = getEnclosingFunction(call);
  if (fn === undefined || !fn.async || fn.generator || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const self = getSelfVariable(sourceCode, fn);
  if (self === undefined || ASTUtils.findVariable(sourceCode.getScope(callee), callee) !== self) return undefined;
  // Exactly one use of itself inside: a second call is a tree walk, a reference passes it on.
  const usesInside = self.references.filter(
    (reference) => reference.identifier.range[0] >= fn.range[0] && reference.identifier.range[1] <= fn.range[1],
  );
  if (usesInside.length !== 1) return undefined;
  const index = getParameterName(fn.params[stepPosition]);
  const step = call.arguments[stepPosition] as TSESTree.BinaryExpression;
  if (index === undefined || (step.left as TSESTree.Identifier).name !== index.name) return undefined;
  // An array it walks: read by the index, and the index compared with its length (the end of the walk).
  const bounded = findLengthComparisons(sourceCode, fn.body, index.name);
  const elementReads = findElementReads(fn.body, index.name).filter((read) =>
    bounded.has(sourceCode.getText(read.object)),
  );
  if (elementReads.length === 0) return undefined;
  return { fn, call: call as IndexRecursion['call'], statement, index, elementReads };
}

/** `i + 1` */
function isNextIndex(argument: TSESTree.CallExpressionArgument): boolean {
  return (
    argument.type === AST_NODE_TYPES.BinaryExpression &&
    argument.operator === '+' &&
    argument.left.type === AST_NODE_TYPES.Identifier &&
    argument.right.type === AST_NODE_TYPES.Literal &&
    argument.right.value === 1
  );
}

/** `await f(…);`, `return f(…);`, `return await f(…);`: the call's statement. */
function getAwaitedOrReturnedStatement(
  call: TSESTree.CallExpression,
): TSESTree.ExpressionStatement | TSESTree.ReturnStatement | undefined {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) return parent;
  if (parent.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const statement = parent.parent;
  return statement.type === AST_NODE_TYPES.ExpressionStatement || statement.type === AST_NODE_TYPES.ReturnStatement
    ? statement
    : undefined;
}

/** The binding a function calls itself by: its declared name, the name of a function expression, or the `const` it initialises. */
function getSelfVariable(sourceCode: Readonly<TSESLint.SourceCode>, fn: RecursiveFunction): TSESLint.Scope.Variable | undefined {
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.id !== null) {
    const id = fn.id;
    const scope = fn.type === AST_NODE_TYPES.FunctionDeclaration ? sourceCode.getScope(fn.parent) : sourceCode.getScope(fn);
    return (
      ASTUtils.findVariable(scope, id) ??
      sourceCode.getDeclaredVariables(fn).find((variable) => variable.defs.some((definition) => definition.name === id))
    );
  }
  const declarator = fn.parent;
  if (
    declarator.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.init !== fn ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.kind !== 'const'
  ) {
    return undefined;
  }
  return sourceCode.getDeclaredVariables(declarator)[0];
}

/** A plain parameter's name: `i`, `i: number`, `i = 0`. */
export function getParameterName(parameter: TSESTree.Parameter | undefined): TSESTree.Identifier | undefined {
  if (parameter?.type === AST_NODE_TYPES.Identifier) return parameter;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern && parameter.left.type === AST_NODE_TYPES.Identifier) {
    return parameter.left;
  }
  return undefined;
}

/** `items[i]` reads (not writes) in the body, nested functions included. */
function findElementReads(body: TSESTree.BlockStatement, index: string): TSESTree.MemberExpression[] {
  const reads: TSESTree.MemberExpression[] = [];
  forEachESTreeDescendant(body, (node) => {
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      node.computed &&
      node.property.type === AST_NODE_TYPES.Identifier &&
      node.property.name === index &&
      !(node.parent.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node)
    ) {
      reads.push(node);
    }
    return true;
  });
  return reads;
}

/** The texts of `xs` in every `i < xs.length`, `i >= xs.length`, `xs.length === i`… in the body. */
function findLengthComparisons(
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: TSESTree.BlockStatement,
  index: string,
): Set<string> {
  const arrays = new Set<string>();
  const lengthOf = (node: TSESTree.Node): TSESTree.Node | undefined =>
    node.type === AST_NODE_TYPES.MemberExpression &&
    !node.computed &&
    node.property.type === AST_NODE_TYPES.Identifier &&
    node.property.name === 'length'
      ? node.object
      : undefined;
  const isIndex = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === index;
  forEachESTreeDescendant(body, (node) => {
    if (node.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(node.operator)) {
      const array = isIndex(node.left) ? lengthOf(node.right) : isIndex(node.right) ? lengthOf(node.left) : undefined;
      if (array !== undefined) arrays.add(sourceCode.getText(array));
    }
    return true;
  });
  return arrays;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);
