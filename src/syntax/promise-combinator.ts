import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode, type FunctionNode } from './function-node.js';
import { getStaticPropertyName } from './access-path.js';
import { isGlobalPromise } from './promise-idioms.js';

/**
 * `Promise.all([a, b])`, `Promise.allSettled(xs.map((x) => f(x)))` and the
 * rest of the family: the calls they start at once. A `map` callback's
 * result stands for every element of the collection, so one mapped call is
 * two or more at run time.
 */

export type PromiseCombinatorName = 'all' | 'allSettled' | 'any' | 'race';

export interface ConcurrentElement {
  /**
   * The expression whose value is handed to the combinator; for a mapped one
   * the one expression the callback returns or awaits, or the `map` call
   * itself when its body does more.
   */
  expression: TSESTree.Expression;
  /** For `xs.map((x) => …)`: the callback; its result stands for many elements. */
  mapCallback: FunctionNode | undefined;
}

export interface PromiseCombinatorCall {
  name: PromiseCombinatorName;
  call: TSESTree.CallExpression;
  /** The array literal or the `map` call handed to the combinator. */
  argument: TSESTree.Expression;
  elements: readonly ConcurrentElement[];
}

const COMBINATORS: ReadonlySet<string> = new Set(['all', 'allSettled', 'any', 'race']);

/** The combinator call and its elements, or `undefined` when `call` is not one of the global `Promise`'s, or its argument is not an array literal or a `map`. */
export function getPromiseCombinatorCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  call: TSESTree.CallExpression,
): PromiseCombinatorCall | undefined {
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = getStaticPropertyName(callee);
  if (name === undefined || !COMBINATORS.has(name) || !isGlobalPromise(sourceCode, callee.object)) return undefined;
  const argument = call.arguments[0];
  if (argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const elements: ConcurrentElement[] = [];
  if (argument.type === AST_NODE_TYPES.ArrayExpression) {
    for (const element of argument.elements) {
      if (element === null) continue;
      if (element.type === AST_NODE_TYPES.SpreadElement) {
        const mapped = getMappedElement(element.argument);
        if (mapped !== undefined) elements.push(mapped);
        continue;
      }
      elements.push(getMappedElement(element) ?? { expression: element, mapCallback: undefined });
    }
  } else {
    const mapped = getMappedElement(argument);
    if (mapped === undefined) return undefined;
    elements.push(mapped);
  }
  return { name: name as PromiseCombinatorName, call, argument, elements };
}

/** `xs.map((x) => f(x))`, `xs.map(async (x) => { await f(x); })`: the callback and the one expression it returns or awaits. */
function getMappedElement(node: TSESTree.Expression): ConcurrentElement | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (getStaticPropertyName(node.callee) !== 'map') return undefined;
  const callback = node.arguments[0];
  if (callback === undefined || !isFunctionNode(callback)) return undefined;
  return { expression: getOnlyWork(callback) ?? node, mapCallback: callback };
}

/** The expression an arrow returns, or the one statement of a block body (`return e`, `await e`, `e`). */
function getOnlyWork(callback: FunctionNode): TSESTree.Expression | undefined {
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return unwrapAwait(callback.body);
  if (callback.body.body.length !== 1) return undefined;
  const [statement] = callback.body.body;
  if (statement?.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null) return unwrapAwait(statement.argument);
  if (statement?.type === AST_NODE_TYPES.ExpressionStatement) return unwrapAwait(statement.expression);
  return undefined;
}

function unwrapAwait(expression: TSESTree.Expression): TSESTree.Expression {
  return expression.type === AST_NODE_TYPES.AwaitExpression ? expression.argument : expression;
}
