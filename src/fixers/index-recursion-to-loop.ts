import { AST_NODE_TYPES, AST_TOKEN_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getEnclosingFunction, isFunctionNode } from '../syntax/function-node.js';
import { readsOwnThisOrArguments } from '../syntax/own-this.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';
import { getParameterName, type IndexRecursion } from '../syntax/index-recursion.js';

/**
 * The loop that replaces an index recursion, as the text of the function
 * body's statements from its guard to its self-call, when the rewrite is
 * mechanical. The function must have exactly this shape:
 *
 *     if (i >= items.length) return;   // first statement (or `items.length <= i`)
 *     …work…                           // no `return value`, no `var`, no `this`/`arguments`
 *     await next(…, i + 1, …);         // last statement, every other argument passed on unchanged
 *
 * and neither `i` nor any other parameter is written, nor `i` captured by a
 * nested function (each recursive call had its own `i`; the loop has one).
 * Where `i` is only read as `items[i]` and `items` is a name the work does
 * not otherwise touch, the loop is `for (const item of items.slice(i))`;
 * otherwise it counts: `for (; i < items.length; i++)`. `undefined` when the
 * function has any other shape.
 */
export function buildLoopFromIndexRecursion(
  sourceCode: Readonly<TSESLint.SourceCode>,
  recursion: IndexRecursion,
): { range: [number, number]; text: string } | undefined {
  const { fn, call, statement, index } = recursion;
  const body = fn.body as TSESTree.BlockStatement;
  const statements = body.body;
  const guard = statements[0];
  const work = statements.slice(1, -1);
  if (statements.at(-1) !== statement || guard === undefined || work.length === 0) return undefined;
  const array = getGuardedArray(guard, index.name);
  if (array === undefined || !passesParametersOn(fn, call, index.name)) return undefined;
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && readsOwnThisOrArguments(work)) return undefined;
  if (!work.every((node) => isMechanicalWork(node))) return undefined;
  const parameters = sourceCode
    .getDeclaredVariables(fn)
    .filter((variable) => variable.defs.some((definition) => definition.type === TSESLint.Scope.DefinitionType.Parameter));
  const written = parameters.some((variable) => variable.references.some((reference) => reference.isWrite() && reference.init !== true));
  const indexVariable = parameters.find((variable) => variable.name === index.name);
  if (written || indexVariable === undefined) return undefined;
  const capturedByClosure = indexVariable.references.some((reference) => getEnclosingFunction(reference.identifier) !== fn);
  if (capturedByClosure) return undefined;

  const indent = /^\s*/u.exec(sourceCode.lines[guard.loc.start.line - 1] ?? '')?.[0] ?? '';
  const workStart = guard.range[1];
  const workEnd = statement.range[0];
  const arrayText = sourceCode.getText(array);
  const elementName = array.type === AST_NODE_TYPES.Identifier ? getFreshName(sourceCode, fn) : undefined;
  const indexUses = indexVariable.references.filter(
    (reference) => reference.identifier.range[0] >= workStart && reference.identifier.range[1] <= workEnd,
  );
  const onlyIndexesArray =
    elementName !== undefined &&
    array.type === AST_NODE_TYPES.Identifier &&
    indexUses.every((reference) => isElementReadOf(reference.identifier, array.name)) &&
    !mentionsOtherwise(sourceCode, work, array.name, indexUses.length);
  let workText = sourceCode.text.slice(workStart, workEnd).trim();
  let head: string;
  if (onlyIndexesArray) {
    const offset = workStart + (sourceCode.text.slice(workStart, workEnd).length - sourceCode.text.slice(workStart, workEnd).trimStart().length);
    let replaced = '';
    let position = 0;
    for (const reference of [...indexUses].sort((a, b) => a.identifier.range[0] - b.identifier.range[0])) {
      const member = reference.identifier.parent as TSESTree.MemberExpression;
      replaced += `${workText.slice(position, member.range[0] - offset)}${elementName}`;
      position = member.range[1] - offset;
    }
    workText = replaced + workText.slice(position);
    head = `const ${elementName} of ${arrayText}.slice(${index.name})`;
  } else {
    head = `; ${index.name} < ${arrayText}.length; ${index.name}++`;
  }
  const lines = hasMultilineTemplate(sourceCode, workStart, workEnd)
    ? workText
    : workText.split('\n').map((line, position) => (position === 0 || line === '' ? line : `  ${line}`)).join('\n');
  return { range: [guard.range[0], statement.range[1]], text: `for (${head}) {\n${indent}  ${lines}\n${indent}}` };
}

/** `if (i >= items.length) return;` (or `items.length <= i`, braces allowed): gives `items`. */
function getGuardedArray(guard: TSESTree.Statement, index: string): TSESTree.Expression | undefined {
  if (guard.type !== AST_NODE_TYPES.IfStatement || guard.alternate !== null) return undefined;
  const consequent =
    guard.consequent.type === AST_NODE_TYPES.BlockStatement && guard.consequent.body.length === 1
      ? guard.consequent.body[0]
      : guard.consequent;
  if (consequent?.type !== AST_NODE_TYPES.ReturnStatement || consequent.argument !== null) return undefined;
  const test = guard.test;
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const isIndex = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === index;
  const length = test.operator === '>=' && isIndex(test.left) ? test.right : test.operator === '<=' && isIndex(test.right) ? test.left : undefined;
  if (
    length?.type !== AST_NODE_TYPES.MemberExpression ||
    length.computed ||
    length.property.type !== AST_NODE_TYPES.Identifier ||
    length.property.name !== 'length' ||
    length.optional
  ) {
    return undefined;
  }
  const array = length.object;
  // The loop reads it on every pass, as the guard did: only names and property paths, no calls.
  return isStablePath(array) ? array : undefined;
}

function isStablePath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && !node.optional && isStablePath(node.object);
}

/** The self-call passes every parameter on as it came, except the index, which it passes as `index + 1`. */
function passesParametersOn(fn: IndexRecursion['fn'], call: IndexRecursion['call'], index: string): boolean {
  if (call.arguments.length !== fn.params.length) return false;
  return fn.params.every((parameter, position) => {
    const name = getParameterName(parameter);
    const argument = call.arguments[position];
    if (name === undefined || argument === undefined) return false;
    if (name.name === index) return argument.type === AST_NODE_TYPES.BinaryExpression;
    return argument.type === AST_NODE_TYPES.Identifier && argument.name === name.name;
  });
}

/** No `return value` (a loop has nowhere to send it) and no `var` (it would be shared by all passes). */
function isMechanicalWork(root: TSESTree.Node): boolean {
  let mechanical = true;
  forEachESTreeDescendant(root, (node) => {
    if (!mechanical || isFunctionNode(node)) return false;
    if ((node.type === AST_NODE_TYPES.ReturnStatement && node.argument !== null) || (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'var')) {
      mechanical = false;
    }
    return mechanical;
  });
  return mechanical;
}


/** `items[i]` as a value read (not a target). */
function isElementReadOf(identifier: TSESTree.Node, arrayName: string): boolean {
  const member = identifier.parent;
  if (
    member?.type !== AST_NODE_TYPES.MemberExpression ||
    !member.computed ||
    member.property !== identifier ||
    member.object.type !== AST_NODE_TYPES.Identifier ||
    member.object.name !== arrayName
  ) {
    return false;
  }
  const parent = member.parent;
  return !(
    (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) ||
    parent.type === AST_NODE_TYPES.UpdateExpression ||
    (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete')
  );
}

/** The work names the array anywhere besides its `items[i]` reads (it might change it). */
function mentionsOtherwise(
  sourceCode: Readonly<TSESLint.SourceCode>,
  work: readonly TSESTree.Node[],
  arrayName: string,
  elementReads: number,
): boolean {
  let mentions = 0;
  for (const root of work) {
    for (const token of sourceCode.getTokens(root)) {
      if (token.type === AST_TOKEN_TYPES.Identifier && token.value === arrayName) mentions += 1;
    }
  }
  return mentions !== elementReads;
}

/** A name for the element that nothing in the function uses. */
function getFreshName(sourceCode: Readonly<TSESLint.SourceCode>, fn: IndexRecursion['fn']): string | undefined {
  const used = new Set(
    sourceCode.getTokens(fn).flatMap((token) => (token.type === AST_TOKEN_TYPES.Identifier ? [token.value] : [])),
  );
  return ['item', 'element', 'entry', 'current'].find((name) => !used.has(name));
}

/** Re-indenting would change the text of a template that spans lines. */
function hasMultilineTemplate(sourceCode: Readonly<TSESLint.SourceCode>, start: number, end: number): boolean {
  return sourceCode.ast.tokens.some(
    (token) => token.type === AST_TOKEN_TYPES.Template && token.range[0] >= start && token.range[1] <= end && token.loc.start.line !== token.loc.end.line,
  );
}
