import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { CallbackNode } from './callback-nesting.js';
import { someESTreeDescendant } from './walk.js';

/** One level of a `.then` pyramid: `object.then(handler)` or `object.then(handler, rejectionHandler)`. */
export interface ThenLevel {
  readonly call: TSESTree.CallExpression;
  readonly object: TSESTree.Expression;
  readonly handler: CallbackNode;
  readonly rejectionHandler: TSESTree.Expression | undefined;
}

/**
 * The `.then` call `handler` is the fulfilment handler of, written plainly:
 * `x.then(handler)` or `x.then(handler, onRejected)`, not `x?.then`, not
 * `x['then']`, not inside an optional chain, no spread.
 */
export function getThenLevel(handler: CallbackNode): ThenLevel | undefined {
  const call = handler.parent;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.optional || call.arguments[0] !== handler) return undefined;
  if (call.parent.type === AST_NODE_TYPES.ChainExpression || call.arguments.length > 2) return undefined;
  const callee = call.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.optional ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    callee.property.name !== 'then'
  ) {
    return undefined;
  }
  const rejectionHandler = call.arguments[1];
  if (rejectionHandler?.type === AST_NODE_TYPES.SpreadElement) return undefined;
  return { call, object: callee.object, handler, rejectionHandler };
}

/** What a function gives back at its end: its concise body, or the argument of its last statement `return value;`. */
export interface FinalResult {
  readonly expression: TSESTree.Expression;
  /** The `return` statement, for a block body. */
  readonly statement: TSESTree.ReturnStatement | undefined;
  /** The statements before it, for a block body. */
  readonly before: readonly TSESTree.Statement[];
  /** Whether the function also returns elsewhere (not counting nested functions). */
  readonly hasEarlyReturn: boolean;
}

export function getFinalResult(fn: CallbackNode): FinalResult | undefined {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return { expression: fn.body, statement: undefined, before: [], hasEarlyReturn: false };
  }
  const statements = fn.body.body;
  const last = statements.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || last.argument === null) return undefined;
  const before = statements.slice(0, -1);
  return { expression: last.argument, statement: last, before, hasEarlyReturn: before.some(containsReturn) };
}

/** Whether a `return` statement of the function around `node` is inside it (nested functions have their own). */
export function containsReturn(node: TSESTree.Node): boolean {
  return someESTreeDescendant(node, (descendant) => {
    if (
      descendant.type === AST_NODE_TYPES.FunctionExpression ||
      descendant.type === AST_NODE_TYPES.FunctionDeclaration ||
      descendant.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return 'skip';
    }
    return descendant.type === AST_NODE_TYPES.ReturnStatement ? 'found' : 'descend';
  });
}

/** Whether code in `inner` reads a binding that `outer` declares (a parameter, or a variable of its body). */
export function readsBindingsOf(sourceCode: Readonly<TSESLint.SourceCode>, inner: CallbackNode, outer: CallbackNode): boolean {
  return sourceCode.getScope(inner).through.some((reference) =>
    (reference.resolved?.defs ?? []).some(
      (definition) => definition.name.range[0] >= outer.range[0] && definition.name.range[1] <= outer.range[1],
    ),
  );
}

/**
 * The names the functions declare at their top level (parameters, `var`s,
 * and the `let`, `const`, functions and classes of their bodies), when their
 * bodies can move into the block of `statement` together: no two declare the
 * same name, and no name is declared in any scope `statement` sees or read
 * there as an undeclared global, so that nothing is redeclared or shadowed.
 * `undefined` when some name clashes.
 */
export function getMovableNames(
  sourceCode: Readonly<TSESLint.SourceCode>,
  functions: readonly CallbackNode[],
  statement: TSESTree.Statement,
): Set<string> | undefined {
  const names = new Set<string>();
  for (const fn of functions) {
    for (const variable of sourceCode.getScope(fn).variables) {
      // `arguments` of a `function`: implicit, never declared.
      if (variable.defs.length === 0) continue;
      if (names.has(variable.name)) return undefined;
      names.add(variable.name);
    }
  }
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (globalScope?.through.some((reference) => names.has(reference.identifier.name)) === true) return undefined;
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(statement); scope !== null; scope = scope.upper) {
    for (const name of names) if (scope.set.has(name)) return undefined;
  }
  return names;
}

/** Where the outermost `.then` of a pyramid stands in its async function, so that its levels can become statements. */
export type PyramidRoot =
  /** `return x.then(…);` */
  | { readonly kind: 'return'; readonly statement: TSESTree.ReturnStatement }
  /** `await x.then(…);` */
  | { readonly kind: 'await'; readonly statement: TSESTree.ExpressionStatement }
  /** `const value = await x.then(…);` */
  | { readonly kind: 'declare'; readonly statement: TSESTree.VariableDeclaration; readonly declarator: TSESTree.VariableDeclarator };

/** The levels of a `.then` pyramid, outermost first: each handler's result is the next level's `.then` call. */
export interface ThenPyramid {
  readonly root: PyramidRoot;
  readonly levels: readonly ThenLevel[];
}

/**
 * The `.then` pyramid `handler` belongs to, from the `.then` call that is
 * returned or awaited down through every handler whose result is the next
 * `.then` call; `undefined` when its outermost call is neither returned nor
 * awaited as a statement of a block.
 */
export function getThenPyramid(handler: CallbackNode): ThenPyramid | undefined {
  const own = getThenLevel(handler);
  if (own === undefined) return undefined;
  const levels: ThenLevel[] = [own];
  for (let outer = levels[0]; outer !== undefined; outer = levels[0]) {
    const fn = getEnclosingCallback(outer.call);
    const level = fn !== undefined && getFinalResult(fn)?.expression === outer.call ? getThenLevel(fn) : undefined;
    if (level === undefined) break;
    levels.unshift(level);
  }
  for (let inner = levels.at(-1); inner !== undefined; inner = levels.at(-1)) {
    const result = getFinalResult(inner.handler)?.expression;
    const first = result?.type === AST_NODE_TYPES.CallExpression ? result.arguments[0] : undefined;
    const level =
      first !== undefined && (first.type === AST_NODE_TYPES.ArrowFunctionExpression || first.type === AST_NODE_TYPES.FunctionExpression)
        ? getThenLevel(first)
        : undefined;
    if (level === undefined) break;
    levels.push(level);
  }
  const outermost = levels[0];
  const root = outermost === undefined ? undefined : getPyramidRoot(outermost.call);
  return root === undefined ? undefined : { root, levels };
}

function getEnclosingCallback(node: TSESTree.Node): CallbackNode | undefined {
  for (let current = node.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) return current;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  }
  return undefined;
}

function getPyramidRoot(call: TSESTree.CallExpression): PyramidRoot | undefined {
  const parent = call.parent;
  if (parent.type === AST_NODE_TYPES.ReturnStatement) {
    return parent.parent.type === AST_NODE_TYPES.BlockStatement ? { kind: 'return', statement: parent } : undefined;
  }
  if (parent.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const holder = parent.parent;
  if (holder.type === AST_NODE_TYPES.ExpressionStatement) {
    return holder.parent.type === AST_NODE_TYPES.BlockStatement ? { kind: 'await', statement: holder } : undefined;
  }
  if (holder.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== parent) return undefined;
  const declaration = holder.parent;
  return declaration.declarations.length === 1 &&
    (declaration.kind === 'const' || declaration.kind === 'let') &&
    declaration.parent.type === AST_NODE_TYPES.BlockStatement
    ? { kind: 'declare', statement: declaration, declarator: holder }
    : undefined;
}
