import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../syntax/function-node.js';
import { isLoopStatement } from '../syntax/loop.js';
import { readsOwnThisOrArguments } from '../syntax/own-this.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

/**
 * Rewrites of `xs.forEach(async (x) => { … })`, whose promises nobody waits
 * for, into code that waits: a sequential `for…of` loop, or
 * `await Promise.all(…map(…))`. Each builder gives `undefined` where the
 * rewrite would not be mechanical (a `return value` in the callback, a `this`
 * it reads, a parameter the loop head cannot declare…).
 */

/** What `forEach` is called on: its callback gets `(value, index)`, `(value)` or `(value, key)`. */
export type CollectionKind = 'array' | 'map' | 'set';

export type AsyncCallback = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export interface ForEachCall {
  /** The statement `xs.forEach(cb);` that the rewrite replaces. */
  statement: TSESTree.ExpressionStatement;
  call: TSESTree.CallExpression & { callee: TSESTree.MemberExpression };
  callback: AsyncCallback;
  kind: CollectionKind;
}

/**
 * The `forEach` call as a statement of its own, with one inline callback and
 * a plain (not optional) member access: the only shape either rewrite takes.
 */
export function getForEachStatement(
  call: TSESTree.CallExpression,
  callback: AsyncCallback,
  kind: CollectionKind,
): ForEachCall | undefined {
  const statement = call.parent;
  const callee = call.callee;
  if (
    statement.type !== AST_NODE_TYPES.ExpressionStatement ||
    statement.expression !== call ||
    call.optional ||
    call.arguments.length !== 1 ||
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.optional ||
    callee.computed
  ) {
    return undefined;
  }
  return { statement, call: call as ForEachCall['call'], callback, kind };
}

export interface SequentialLoopOptions {
  /** An expression body's value may be a promise: the loop awaits it. */
  awaitExpressionBody: boolean;
  /** An `await` is valid where the statement stands. */
  canAwait: boolean;
}

/** `for (const x of xs) { … }` in place of the statement, or `undefined` when that is not mechanical. */
export function buildSequentialLoop(
  sourceCode: Readonly<TSESLint.SourceCode>,
  forEach: ForEachCall,
  options: SequentialLoopOptions,
): string | undefined {
  const { callback, statement } = forEach;
  if (hasThisParameter(callback)) return undefined;
  const head = getLoopHead(sourceCode, forEach);
  if (head === undefined) return undefined;
  if (callback.type === AST_NODE_TYPES.FunctionExpression && readsOwnThisOrArguments([callback.body])) return undefined;
  const indent = getIndent(sourceCode, statement);
  let body: string;
  if (callback.body.type === AST_NODE_TYPES.BlockStatement) {
    const block = rewriteReturnsAsContinue(sourceCode, callback.body);
    if (block === undefined || (awaitsAtOwnLevel(callback.body) && !options.canAwait)) return undefined;
    body = block;
  } else {
    const expression = callback.body;
    if ((options.awaitExpressionBody || awaitsAtOwnLevel(expression)) && !options.canAwait) return undefined;
    const text = sourceCode.getText(expression);
    const line = options.awaitExpressionBody
      ? `await ${isUnaryLevel(expression) ? text : `(${text})`};`
      : `${STATEMENT_AMBIGUOUS_START.test(text) ? `(${text})` : text};`;
    body = `{\n${indent}  ${line}\n${indent}}`;
  }
  return `for (${head}) ${body}`;
}

/** A replacement of a range of the source text. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/**
 * The edits that turn `xs.forEach(cb)` into `await Promise.all(xs.map(cb))`
 * (a `Set` through `Array.from(set)`, a `Map` through `Array.from(map)` with
 * `([key, value])` as the parameter, or `Array.from(map.values())`), or
 * `undefined` when not mechanical. Only where an `await` is valid.
 */
export function planConcurrentAll(sourceCode: Readonly<TSESLint.SourceCode>, forEach: ForEachCall): TextEdit[] | undefined {
  const { call, callback, kind } = forEach;
  const scope = sourceCode.getScope(call);
  const isShadowed = (name: string): boolean => (ASTUtils.findVariable(scope, name)?.defs.length ?? 0) > 0;
  if (isShadowed('Promise') || (kind !== 'array' && isShadowed('Array'))) return undefined;
  const property = call.callee.property;
  const dot = sourceCode.getTokenBefore(property, { filter: (token) => token.value === '.' });
  const lastReceiverToken = dot && sourceCode.getTokenBefore(dot);
  if (dot === null || lastReceiverToken === null) return undefined;
  const start = call.range[0];
  const close: TextEdit = { range: [call.range[1], call.range[1]], text: ')' };
  if (kind === 'array') {
    return [{ range: [start, start], text: 'await Promise.all(' }, { range: property.range, text: 'map' }, close];
  }
  const params = callback.params;
  if (params.length === 0 || params.length > (kind === 'map' ? 2 : 1) || hasThisParameter(callback)) return undefined;
  const open: TextEdit = { range: [start, start], text: 'await Promise.all(Array.from(' };
  const receiverRange: [number, number] = [lastReceiverToken.range[1], property.range[1]];
  if (kind === 'set' || params.length === 1) {
    return [open, { range: receiverRange, text: kind === 'map' ? '.values()).map' : ').map' }, close];
  }
  // `(value, key)` of `Map#forEach` becomes the `[key, value]` entry that `Array.from(map)` yields.
  const [valueParam, keyParam] = params;
  const value = valueParam && getBindingText(sourceCode, valueParam);
  const key = keyParam?.type === AST_NODE_TYPES.Identifier ? keyParam.name : undefined;
  const opening = valueParam && sourceCode.getTokenBefore(valueParam);
  if (valueParam === undefined || value === undefined || key === undefined || opening?.value !== '(' || keyParam === undefined) {
    return undefined;
  }
  return [
    open,
    { range: receiverRange, text: ').map' },
    { range: [valueParam.range[0], keyParam.range[1]], text: `[${key}, ${value}]` },
    close,
  ];
}

/** `const x of xs`, `const [i, x] of xs.entries()`, `const [key, value] of map`… */
function getLoopHead(sourceCode: Readonly<TSESLint.SourceCode>, forEach: ForEachCall): string | undefined {
  const { call, callback, kind } = forEach;
  const member = call.callee;
  const dot = sourceCode.getTokenBefore(member.property, { filter: (token) => token.value === '.' });
  if (dot === null) return undefined;
  // The receiver with its own parentheses, as it was written before `.forEach`.
  const receiver = sourceCode.text.slice(member.range[0], dot.range[0]).trimEnd();
  const [first, second] = callback.params;
  const value = first && getBindingText(sourceCode, first);
  const index = second?.type === AST_NODE_TYPES.Identifier ? second.name : undefined;
  if (value === undefined || (second !== undefined && index === undefined) || callback.params.length > 2) return undefined;
  let target: string;
  let iterable: string;
  if (second === undefined || index === undefined) {
    target = value;
    iterable = kind === 'map' ? `${receiver}.values()` : receiver;
  } else if (kind === 'array') {
    target = `[${index}, ${value}]`;
    iterable = `${receiver}.entries()`;
  } else if (kind === 'map') {
    target = `[${index}, ${value}]`;
    iterable = receiver;
  } else {
    return undefined;
  }
  const parameters = sourceCode
    .getDeclaredVariables(callback)
    .filter((variable) => variable.defs.some((definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter));
  // `for (const x of x.items)` reads `x` before the loop declares it.
  const parameterNames = new Set(parameters.map((variable) => variable.name));
  if (readsAnyName(member.object, parameterNames)) return undefined;
  const isWritten = parameters.some((variable) => variable.references.some((reference) => reference.isWrite() && reference.init !== true));
  return `${isWritten ? 'let' : 'const'} ${target} of ${iterable}`;
}

/** A parameter as a loop binding: its name or pattern without a type annotation; no defaults or rest. */
function getBindingText(sourceCode: Readonly<TSESLint.SourceCode>, parameter: TSESTree.Parameter): string | undefined {
  if (parameter.type === AST_NODE_TYPES.Identifier) return parameter.name;
  if (parameter.type !== AST_NODE_TYPES.ObjectPattern && parameter.type !== AST_NODE_TYPES.ArrayPattern) return undefined;
  const end = parameter.typeAnnotation?.range[0] ?? parameter.range[1];
  return sourceCode.text.slice(parameter.range[0], end).trimEnd();
}

function readsAnyName(root: TSESTree.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  forEachESTreeDescendant(root, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) found = true;
    return !found;
  });
  return found;
}

/**
 * The block's text with each `return;` of the callback itself turned into
 * `continue;`; `undefined` if a `return` carries a value (the loop has no
 * place for it), sits in a nested loop (`continue` would continue that one),
 * or a `var` would move from the callback into the enclosing function.
 */
function rewriteReturnsAsContinue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  block: TSESTree.BlockStatement,
): string | undefined {
  const returns: TSESTree.ReturnStatement[] = [];
  // An object, so the type checker sees the writes made inside `visit`.
  const state = { mechanical: true };
  const visit = (node: TSESTree.Node, insideLoop: boolean): void => {
    forEachESTreeDescendant(node, (inner) => {
      if (!state.mechanical) return false;
      if (inner !== node && isFunctionNode(inner)) return false;
      if (inner.type === AST_NODE_TYPES.VariableDeclaration && inner.kind === 'var') state.mechanical = false;
      if (inner.type === AST_NODE_TYPES.ReturnStatement) {
        if (inner.argument !== null || insideLoop) state.mechanical = false;
        returns.push(inner);
      }
      if (inner !== node && isLoopStatement(inner)) {
        visit(inner, true);
        return false;
      }
      return true;
    });
  };
  visit(block, false);
  if (!state.mechanical) return undefined;
  let text = '';
  let position = block.range[0];
  for (const statement of returns.sort((a, b) => a.range[0] - b.range[0])) {
    text += `${sourceCode.text.slice(position, statement.range[0])}continue;`;
    position = statement.range[1];
  }
  return text + sourceCode.text.slice(position, block.range[1]);
}

/** An `await` (or `for await`) that belongs to this body, not to a function nested in it. */
export function awaitsAtOwnLevel(root: TSESTree.Node): boolean {
  let found = false;
  forEachESTreeDescendant(root, (node) => {
    if (found || (node !== root && isFunctionNode(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) {
      found = true;
    }
    return !found;
  });
  return found;
}


/** `function (this: Owner, item) {}`: TypeScript's `this` parameter is listed among the parameters. */
function hasThisParameter(callback: AsyncCallback): boolean {
  const [first] = callback.params;
  return first?.type === AST_NODE_TYPES.Identifier && first.name === 'this';
}

function getIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return /^\s*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
}

const STATEMENT_AMBIGUOUS_START = /^(?:\{|function\b|async\s+function\b|class\b|let\s*\[)/u;

/** Expressions an `await` can take without parentheses. */
function isUnaryLevel(node: TSESTree.Expression): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return true;
    default:
      return false;
  }
}
