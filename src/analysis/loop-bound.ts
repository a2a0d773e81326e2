import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getKnownLength } from './known-length.js';
import { getEnclosingFunction, isFunctionNode } from '../syntax/function-node.js';
import { isLoopStatement } from '../syntax/loop.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

/** The loops whose iteration count can be bounded. */
export type BoundableLoop =
  | TSESTree.DoWhileStatement
  | TSESTree.ForOfStatement
  | TSESTree.ForStatement
  | TSESTree.WhileStatement;

const boundCache = new WeakMap<TSESTree.Node, number | null>();

/**
 * The most times a loop's body can run, when the program shows it:
 * - `for (const x of xs)` over an array of known length (`getKnownLength`);
 * - `for (let i = a; i < b; i++)` (or `<=`, `i += k`, and counting down with
 *   `>`/`>=` and `i--`) where `a` and `b` are integer literals, `const`s
 *   bound to them, or `xs.length` of a known-length array, and nothing but
 *   the update writes `i`;
 * - `while (i < b)` and `do … while (i < b)` where `i` is a `let` of the
 *   same function initialised the same way before the loop, and its only
 *   writes are steps that are statements of the loop body itself (not
 *   inside an `if`), with no `continue` in the body that could skip them.
 * `undefined` for everything else: `for await`, `for…in`, a condition
 * other than one comparison, a step inside a branch, a counter written by a
 * callback. An unknown bound means "not small".
 */
export function getLoopIterationBound(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop: BoundableLoop,
): number | undefined {
  const cached = boundCache.get(loop);
  if (cached !== undefined) return cached ?? undefined;
  const bound = computeBound({ services, sourceCode }, loop);
  boundCache.set(loop, bound ?? null);
  return bound;
}

interface Context {
  services: ParserServicesWithTypeInformation;
  sourceCode: Readonly<TSESLint.SourceCode>;
}

function computeBound(context: Context, loop: BoundableLoop): number | undefined {
  switch (loop.type) {
    case AST_NODE_TYPES.ForOfStatement:
      return loop.await ? undefined : getKnownLength(context.services, context.sourceCode, loop.right);
    case AST_NODE_TYPES.ForStatement:
      return getForLoopBound(context, loop);
    case AST_NODE_TYPES.WhileStatement:
      return getWhileLoopBound(context, loop);
    case AST_NODE_TYPES.DoWhileStatement: {
      const bound = getWhileLoopBound(context, loop);
      // The body runs once before the condition is first read.
      return bound === undefined ? undefined : Math.max(1, bound);
    }
  }
}

function getForLoopBound(context: Context, loop: TSESTree.ForStatement): number | undefined {
  const init = loop.init;
  if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.kind === 'const' || init.declarations.length !== 1) return undefined;
  const [declarator] = init.declarations;
  if (declarator?.id.type !== AST_NODE_TYPES.Identifier || declarator.init === null || loop.test === null || loop.update === null) {
    return undefined;
  }
  const counter = context.sourceCode.getDeclaredVariables(declarator)[0];
  const step = getStep(loop.update, declarator.id.name);
  if (counter === undefined || step === undefined) return undefined;
  const update = loop.update;
  const writesOnlyInUpdate = counter.references.every(
    (reference) => !reference.isWrite() || reference.init === true || reference.identifier.parent === update,
  );
  if (!writesOnlyInUpdate) return undefined;
  return countIterations(context, declarator.init, step, loop.test, declarator.id.name);
}

function getWhileLoopBound(
  context: Context,
  loop: TSESTree.DoWhileStatement | TSESTree.WhileStatement,
): number | undefined {
  const comparison = loop.test;
  if (comparison.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const counterName =
    comparison.left.type === AST_NODE_TYPES.Identifier
      ? comparison.left
      : comparison.right.type === AST_NODE_TYPES.Identifier
        ? comparison.right
        : undefined;
  if (counterName === undefined || loop.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const body = loop.body;
  const counter = ASTUtils.findVariable(context.sourceCode.getScope(counterName), counterName);
  const definition = counter?.defs.length === 1 ? counter.defs[0] : undefined;
  if (counter === null || definition?.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  const declarator = definition.node;
  if (
    declarator.parent.kind === 'const' ||
    declarator.init === null ||
    declarator.range[1] > loop.range[0] ||
    getEnclosingFunction(declarator) !== getEnclosingFunction(loop)
  ) {
    return undefined;
  }
  // Every write other than the declaration is a step that the body runs on each pass.
  let step: number | undefined;
  for (const reference of counter.references) {
    if (!reference.isWrite() || reference.init === true) continue;
    const expression = reference.identifier.parent;
    const statement = expression.parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.parent !== body) {
      return undefined;
    }
    const thisStep = getStep(expression, counterName.name);
    if (thisStep === undefined || (step !== undefined && Math.sign(thisStep) !== Math.sign(step))) return undefined;
    // Several steps on one pass only shorten the loop: the smallest one bounds it.
    step = step === undefined || Math.abs(thisStep) < Math.abs(step) ? thisStep : step;
  }
  if (step === undefined || hasContinue(body)) return undefined;
  return countIterations(context, declarator.init, step, comparison, counterName.name);
}

/** `i++`, `++i`, `i += 2` → the signed step; `undefined` for any other change of `name`. */
function getStep(update: TSESTree.Node, name: string): number | undefined {
  if (update.type === AST_NODE_TYPES.UpdateExpression) {
    if (update.argument.type !== AST_NODE_TYPES.Identifier || update.argument.name !== name) return undefined;
    return update.operator === '++' ? 1 : -1;
  }
  if (
    update.type === AST_NODE_TYPES.AssignmentExpression &&
    (update.operator === '+=' || update.operator === '-=') &&
    update.left.type === AST_NODE_TYPES.Identifier &&
    update.left.name === name &&
    update.right.type === AST_NODE_TYPES.Literal &&
    typeof update.right.value === 'number' &&
    Number.isInteger(update.right.value) &&
    update.right.value > 0
  ) {
    return update.operator === '+=' ? update.right.value : -update.right.value;
  }
  return undefined;
}

/**
 * How many passes a counter starting at `start` and moving by `step` makes
 * while `test` holds. The side that could only make the count too small is
 * evaluated from literals alone: `xs.length` is an upper bound (a tuple's
 * optional elements may be missing), fine for the end of an upward loop or
 * the start of a downward one.
 */
function countIterations(
  context: Context,
  start: TSESTree.Expression,
  step: number,
  test: TSESTree.Expression,
  counterName: string,
): number | undefined {
  if (test.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  let operator = test.operator;
  let limit: TSESTree.Node = test.right;
  if (test.left.type !== AST_NODE_TYPES.Identifier || test.left.name !== counterName) {
    if (test.right.type !== AST_NODE_TYPES.Identifier || test.right.name !== counterName) return undefined;
    limit = test.left;
    operator = FLIPPED[operator] ?? operator;
  }
  const upward = step > 0;
  const from = evaluateInteger(context, start, !upward);
  const to = evaluateInteger(context, limit, upward);
  if (from === undefined || to === undefined) return undefined;
  let distance: number;
  if (upward && operator === '<') distance = to - from;
  else if (upward && operator === '<=') distance = to - from + 1;
  else if (!upward && operator === '>') distance = from - to;
  else if (!upward && operator === '>=') distance = from - to + 1;
  else return undefined;
  return Math.max(0, Math.ceil(distance / Math.abs(step)));
}

const FLIPPED: Partial<Record<string, TSESTree.BinaryExpression['operator']>> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** An integer from literals, `const`s bound to literals, `+`/`-`, and (where allowed) `xs.length` of a known-length array. */
function evaluateInteger(context: Context, node: TSESTree.Node, allowLength: boolean, depth = 0): number | undefined {
  if (depth > 8) return undefined;
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'number' && Number.isInteger(node.value) ? node.value : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      if (node.operator !== '-') return undefined;
      // `-xs.length` turns an upper bound into a lower one.
      const value = evaluateInteger(context, node.argument, false, depth + 1);
      return value === undefined ? undefined : -value;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+' && node.operator !== '-') return undefined;
      const left = evaluateInteger(context, node.left, allowLength, depth + 1);
      const right = evaluateInteger(context, node.right, allowLength && node.operator === '+', depth + 1);
      if (left === undefined || right === undefined) return undefined;
      return node.operator === '+' ? left + right : left - right;
    }
    case AST_NODE_TYPES.MemberExpression:
      if (!allowLength || node.computed || node.property.type !== AST_NODE_TYPES.Identifier || node.property.name !== 'length') {
        return undefined;
      }
      return getKnownLength(context.services, context.sourceCode, node.object);
    case AST_NODE_TYPES.Identifier: {
      const variable = ASTUtils.findVariable(context.sourceCode.getScope(node), node);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.parent.kind !== 'const') return undefined;
      const init = definition.node.init;
      return init?.type === AST_NODE_TYPES.Literal ? evaluateInteger(context, init, allowLength, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** A `continue` in the body that could skip the step: any, except inside nested loops and functions. */
function hasContinue(body: TSESTree.BlockStatement): boolean {
  let found = false;
  forEachESTreeDescendant(body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.ContinueStatement) {
      // A labelled `continue` may target this loop from inside a nested one.
      found = true;
      return false;
    }
    if (isFunctionNode(node)) return false;
    // An unlabelled `continue` inside a nested loop continues that loop; a labelled one may not.
    if (isLoopStatement(node)) {
      found = containsLabelledContinue(node);
      return false;
    }
    return true;
  });
  return found;
}

function containsLabelledContinue(root: TSESTree.Node): boolean {
  let found = false;
  forEachESTreeDescendant(root, (node) => {
    if (found || isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.ContinueStatement && node.label !== null) found = true;
    return !found;
  });
  return found;
}
