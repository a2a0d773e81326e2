import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { forEachDescendant } from './walk.js';

/**
 * How a function keeps a second call from starting while the first is still
 * running:
 * - `verified`: it returns early while a flag says a run is in flight, sets
 *   the flag before its first `await`, and clears it later (in a `finally`,
 *   after the work, or in a `.finally`/`.then` callback) —
 *   `if (running) return; running = true; try { await … } finally { running = false; }`,
 *   the same with `this.busy`, an in-flight counter (`inFlight++` / `inFlight--`),
 *   a state string (`state === 'running'`), a pending promise
 *   (`if (this.pending) return; this.pending = work().finally(() => { this.pending = undefined; })`,
 *   `pending ??= …`), or the work wrapped in `if (!running) { running = true; … }`;
 * - `looks-guarded`: it returns early, before its first `await`, on a test
 *   that names an in-flight state it does not write itself
 *   (`if (this.queue.isBusy()) return;`, `if (lock.locked) return;`), or
 *   sets the flag but clears it somewhere else (a completion handler): the
 *   state is kept where we cannot judge it, so we trust it.
 */
export type InFlightGuardKind = 'looks-guarded' | 'verified';

export interface InFlightGuard {
  readonly kind: InFlightGuardKind;
  /** The flag as written, without spaces: `running`, `this.busy`, `this.#pending`, `this.queue.isBusy`. */
  readonly flag: string;
}

/**
 * Finds the in-flight guard at the top of a function's body, or `undefined`.
 * Syntax only: it reads the function's own statements, so it works on a
 * declaration in any file of the program. A flag declared inside the function
 * (a local `let running`) starts fresh on every call and guards nothing.
 */
export function findInFlightGuard(declaration: ts.FunctionLikeDeclaration): InFlightGuard | undefined {
  const body = declaration.body;
  if (body === undefined) return undefined;
  const localNames = getLocalNames(declaration);
  const isOuterFlag = (flag: FlagTest): boolean => !localNames.has(flag.key);

  if (!ts.isBlock(body)) {
    const flag = getPendingPromiseAssignment(body);
    return flag !== undefined && isOuterFlag(flag) && isClearedAfter(body, flag, body) ? verified(flag) : undefined;
  }

  for (const [index, statement] of body.statements.entries()) {
    const early = getEarlyExitFlags(statement);
    if (early !== undefined) {
      // `if (await isLocked()) return;`: the test itself waits, and two runs may both be past it.
      if (containsOwnAwait(statement)) return undefined;
      const flags = early.filter(isOuterFlag);
      const rest = body.statements.slice(index + 1);
      const set = findSetBeforeFirstAwait(rest, flags);
      if (set !== undefined) {
        // Set here but cleared elsewhere (a completion handler, a `stop()`): we cannot see it, so we trust it.
        return isClearedAfter(body, set.flag, set.node) ? verified(set.flag) : { kind: 'looks-guarded', flag: set.flag.key };
      }
      // The test reads a state the function never writes: kept elsewhere, so trusted.
      const unwritten = flags.find((flag) => flag.mentionsInFlight && !isWrittenIn(body, flag));
      if (unwritten !== undefined) return { kind: 'looks-guarded', flag: unwritten.key };
      continue;
    }

    const wrapper = getIdleWrapper(statement);
    if (wrapper !== undefined) {
      const set = findSetBeforeFirstAwait(wrapper.statements, wrapper.flags.filter(isOuterFlag));
      if (set !== undefined && isClearedAfter(body, set.flag, set.node)) return verified(set.flag);
    }

    const pending = getPendingPromiseAssignment(statement);
    if (pending !== undefined && isOuterFlag(pending) && isClearedAfter(body, pending, statement)) return verified(pending);

    // An `await` before any guard: two runs may both be past it.
    if (containsOwnAwait(statement)) return undefined;
  }
  return undefined;
}

/** A flag read by a guard's test: `running`, `this.busy`, or a state compared with a string. */
interface FlagTest {
  readonly key: string;
  /** `state === 'running'`: the value that means "in flight". */
  readonly busyValue?: string;
  /** The name says in flight (`busy`, `running`, `isLocked`…), for state the function does not write. */
  readonly mentionsInFlight: boolean;
}

function verified(flag: FlagTest): InFlightGuard {
  return { kind: 'verified', flag: flag.key };
}

/** The flags whose "in flight" value makes `statement` return: `if (running) return;`, `if (a || this.busy) { …; return; }`. */
function getEarlyExitFlags(statement: ts.Statement): FlagTest[] | undefined {
  if (!ts.isIfStatement(statement) || statement.elseStatement !== undefined || !endsWithReturn(statement.thenStatement)) {
    return undefined;
  }
  const flags = getInFlightTests(statement.expression);
  return flags.length > 0 ? flags : undefined;
}

function endsWithReturn(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement)) return true;
  return ts.isBlock(statement) && statement.statements.length > 0 && ts.isReturnStatement(statement.statements.at(-1) as ts.Statement);
}

/** `if (!running) { running = true; … }`: the work itself sits under the test. */
function getIdleWrapper(statement: ts.Statement): { flags: FlagTest[]; statements: readonly ts.Statement[] } | undefined {
  if (!ts.isIfStatement(statement) || statement.elseStatement !== undefined) return undefined;
  const flags = getIdleTests(statement.expression);
  if (flags.length === 0) return undefined;
  const then = statement.thenStatement;
  return { flags, statements: ts.isBlock(then) ? then.statements : [then] };
}

/** Tests that hold while a run is in flight: `running`, `!!running`, `this.busy === true`, `inFlight > 0`, `a || b`. */
function getInFlightTests(expression: ts.Expression): FlagTest[] {
  const test = skipParentheses(expression);
  if (ts.isBinaryExpression(test)) {
    const operator = test.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.AmpersandAmpersandToken) {
      return [...getInFlightTests(test.left), ...getInFlightTests(test.right)];
    }
    const comparison = getComparison(test);
    if (comparison === undefined) return [];
    const { flag, value, operator: op } = comparison;
    const key = getFlagKey(flag);
    if (key === undefined) return [];
    const isEquality = op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken;
    const isInequality = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (isEquality && value.kind === ts.SyntaxKind.TrueKeyword) return [flagTest(key)];
    if (isEquality && ts.isStringLiteralLike(value)) return [{ ...flagTest(key), busyValue: value.text }];
    if (isInequality && isFalsyLiteral(value)) return [flagTest(key)];
    if (op === ts.SyntaxKind.GreaterThanToken && isZero(value)) return [flagTest(key)];
    return [];
  }
  if (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) {
    const inner = skipParentheses(test.operand);
    // `!!running`
    if (ts.isPrefixUnaryExpression(inner) && inner.operator === ts.SyntaxKind.ExclamationToken) {
      return getInFlightTests(inner.operand);
    }
    return [];
  }
  // `this.lock.isLocked()`, `queue.isBusy()`: a state kept by another object.
  if (ts.isCallExpression(test) && test.arguments.length === 0) {
    const key = getFlagKey(test.expression);
    return key === undefined ? [] : [flagTest(key)];
  }
  const key = getFlagKey(test);
  return key === undefined ? [] : [flagTest(key)];
}

/** Tests that hold while no run is in flight: `!running`, `busy === false`, `pending == null`, `a && b`. */
function getIdleTests(expression: ts.Expression): FlagTest[] {
  const test = skipParentheses(expression);
  if (ts.isPrefixUnaryExpression(test) && test.operator === ts.SyntaxKind.ExclamationToken) {
    const key = getFlagKey(skipParentheses(test.operand));
    return key === undefined ? [] : [flagTest(key)];
  }
  if (!ts.isBinaryExpression(test)) return [];
  if (test.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return [...getIdleTests(test.left), ...getIdleTests(test.right)];
  }
  const comparison = getComparison(test);
  if (comparison === undefined) return [];
  const { flag, value, operator } = comparison;
  const key = getFlagKey(flag);
  if (key === undefined) return [];
  const isEquality = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
  const isInequality = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
  if (isEquality && isFalsyLiteral(value)) return [flagTest(key)];
  if (isInequality && ts.isStringLiteralLike(value)) return [{ ...flagTest(key), busyValue: value.text }];
  return [];
}

function flagTest(key: string): FlagTest {
  return { key, mentionsInFlight: IN_FLIGHT_WORDS.test(key.replaceAll(/[^a-z]/giu, '')) };
}

/** Names of state that says "a run is going on". */
const IN_FLIGHT_WORDS =
  /busy|running|inflight|inprogress|pending|processing|locked|working|polling|syncing|refreshing|flushing|ticking|executing|fetching|loading|saving|sending|updating/iu;

/** `flag OP value` or `value OP flag`, with the literal on either side. */
function getComparison(
  test: ts.BinaryExpression,
): { flag: ts.Expression; value: ts.Expression; operator: ts.SyntaxKind } | undefined {
  const left = skipParentheses(test.left);
  const right = skipParentheses(test.right);
  const operator = test.operatorToken.kind;
  if (isLiteralValue(right)) return { flag: left, value: right, operator };
  if (isLiteralValue(left)) {
    // `0 < inFlight` reads as `inFlight > 0`.
    const mirrored = operator === ts.SyntaxKind.LessThanToken ? ts.SyntaxKind.GreaterThanToken : operator;
    return { flag: right, value: left, operator: mirrored };
  }
  return undefined;
}

function isLiteralValue(node: ts.Expression): boolean {
  return (
    node.kind === ts.SyntaxKind.TrueKeyword ||
    node.kind === ts.SyntaxKind.FalseKeyword ||
    ts.isStringLiteralLike(node) ||
    isFalsyLiteral(node)
  );
}

/** `false`, `0`, `null`, `undefined`, `void 0`, `''`. */
function isFalsyLiteral(node: ts.Expression): boolean {
  const value = skipParentheses(node);
  return (
    value.kind === ts.SyntaxKind.FalseKeyword ||
    value.kind === ts.SyntaxKind.NullKeyword ||
    isZero(value) ||
    (ts.isIdentifier(value) && value.text === 'undefined') ||
    ts.isVoidExpression(value) ||
    (ts.isStringLiteralLike(value) && value.text === '')
  );
}

function isZero(node: ts.Expression): boolean {
  return ts.isNumericLiteral(node) && Number(node.text) === 0;
}

/**
 * The first write that marks a run in flight in `statements`, before the
 * first `await`: `running = true`, `this.pending = work()`, `inFlight++`,
 * also as the first statements of a `try` block.
 */
function findSetBeforeFirstAwait(
  statements: readonly ts.Statement[],
  flags: readonly FlagTest[],
): { flag: FlagTest; node: ts.Node } | undefined {
  if (flags.length === 0) return undefined;
  for (const statement of statements) {
    const write = getStatementWrite(statement);
    if (write !== undefined) {
      const flag = flags.find((candidate) => candidate.key === write.key && isSetValue(candidate, write));
      if (flag !== undefined) return { flag, node: statement };
    }
    if (ts.isTryStatement(statement)) {
      const inTry = findSetBeforeFirstAwait(statement.tryBlock.statements, flags);
      if (inTry !== undefined) return inTry;
    }
    if (containsOwnAwait(statement)) return undefined;
  }
  return undefined;
}

interface FlagWrite {
  readonly key: string;
  /** The assigned value; `undefined` for `++`, `--`, `+=`, `-=` and `delete`. */
  readonly value?: ts.Expression;
  readonly kind: 'assign' | 'decrement' | 'delete' | 'increment';
}

/** The write a statement makes as a whole: `x = v;`, `return (this.p = v);`, `void (x = v);`, `await (this.p = v);`. */
function getStatementWrite(statement: ts.Statement): FlagWrite | undefined {
  let expression: ts.Expression | undefined;
  if (ts.isExpressionStatement(statement)) expression = statement.expression;
  else if (ts.isReturnStatement(statement)) expression = statement.expression;
  if (expression === undefined) return undefined;
  let inner = skipParentheses(expression);
  while (ts.isVoidExpression(inner) || ts.isAwaitExpression(inner)) inner = skipParentheses(inner.expression);
  return getWrite(inner);
}

function getWrite(node: ts.Node): FlagWrite | undefined {
  if (ts.isBinaryExpression(node)) {
    const key = getFlagKey(node.left);
    if (key === undefined) return undefined;
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.EqualsToken:
        return { key, value: node.right, kind: 'assign' };
      case ts.SyntaxKind.PlusEqualsToken:
        return { key, kind: 'increment' };
      case ts.SyntaxKind.MinusEqualsToken:
        return { key, kind: 'decrement' };
      default:
        return undefined;
    }
  }
  if (
    (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
    (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
  ) {
    const key = getFlagKey(node.operand);
    if (key === undefined) return undefined;
    return { key, kind: node.operator === ts.SyntaxKind.PlusPlusToken ? 'increment' : 'decrement' };
  }
  if (ts.isDeleteExpression(node)) {
    const key = getFlagKey(node.expression);
    return key === undefined ? undefined : { key, kind: 'delete' };
  }
  return undefined;
}

function isSetValue(flag: FlagTest, write: FlagWrite): boolean {
  if (write.kind === 'increment') return true;
  if (write.kind !== 'assign' || write.value === undefined) return false;
  const value = skipParentheses(write.value);
  if (flag.busyValue !== undefined) return ts.isStringLiteralLike(value) && value.text === flag.busyValue;
  return !isFalsyLiteral(value);
}

function isClearValue(flag: FlagTest, write: FlagWrite): boolean {
  if (write.kind === 'decrement' || write.kind === 'delete') return true;
  if (write.kind !== 'assign' || write.value === undefined) return false;
  const value = skipParentheses(write.value);
  if (flag.busyValue !== undefined) return !(ts.isStringLiteralLike(value) && value.text === flag.busyValue);
  return isFalsyLiteral(value);
}

/** A write after `after` (in a `finally`, after the work, or in a callback such as `.finally(() => …)`) clears the flag. */
function isClearedAfter(body: ts.Node, flag: FlagTest, after: ts.Node): boolean {
  let cleared = false;
  forEachDescendant(body, (node) => {
    if (cleared) return false;
    if (node.pos > after.pos) {
      const write = getWrite(node);
      if (write !== undefined && write.key === flag.key && isClearValue(flag, write)) cleared = true;
    }
    return true;
  });
  return cleared;
}

function isWrittenIn(body: ts.Node, flag: FlagTest): boolean {
  let written = false;
  forEachDescendant(body, (node) => {
    if (written) return false;
    if (getWrite(node)?.key === flag.key) written = true;
    return true;
  });
  return written;
}

/**
 * `pending ??= work().finally(…)` (or `||=`), as a statement, returned, or
 * as a concise body: the test and the set in one, later calls get the same run.
 */
function getPendingPromiseAssignment(node: ts.Node): FlagTest | undefined {
  let expression: ts.Node | undefined = node;
  if (ts.isExpressionStatement(node) || ts.isReturnStatement(node)) expression = node.expression;
  if (expression === undefined || !ts.isExpression(expression)) return undefined;
  let inner = skipParentheses(expression);
  while (ts.isAwaitExpression(inner) || ts.isVoidExpression(inner)) inner = skipParentheses(inner.expression);
  if (
    !ts.isBinaryExpression(inner) ||
    (inner.operatorToken.kind !== ts.SyntaxKind.QuestionQuestionEqualsToken && inner.operatorToken.kind !== ts.SyntaxKind.BarBarEqualsToken)
  ) {
    return undefined;
  }
  const key = getFlagKey(inner.left);
  return key === undefined ? undefined : flagTest(key);
}

/**
 * A stable text for a flag: an identifier, or a property path from `this` or
 * an identifier (`this.busy`, `state.running`, `this.#pending`, `this['busy']`).
 */
function getFlagKey(node: ts.Node): string | undefined {
  const expression = ts.isExpression(node) ? skipParentheses(node) : node;
  if (ts.isIdentifier(expression)) return expression.text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isNonNullExpression(expression)) return getFlagKey(expression.expression);
  if (ts.isPropertyAccessExpression(expression)) {
    const object = getFlagKey(expression.expression);
    return object === undefined ? undefined : `${object}.${expression.name.text}`;
  }
  if (ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression)) {
    const object = getFlagKey(expression.expression);
    return object === undefined ? undefined : `${object}.${expression.argumentExpression.text}`;
  }
  return undefined;
}

/** Parameters and variables the function declares itself (not in nested functions). */
function getLocalNames(declaration: ts.FunctionLikeDeclaration): Set<string> {
  const names = new Set<string>();
  const addBinding = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) {
      names.add(name.text);
      return;
    }
    for (const element of name.elements) if (!ts.isOmittedExpression(element)) addBinding(element.name);
  };
  for (const parameter of declaration.parameters) addBinding(parameter.name);
  if (declaration.body !== undefined) {
    forEachDescendant(declaration.body, (node) => {
      if (ts.isFunctionLike(node)) return false;
      if (ts.isVariableDeclaration(node)) addBinding(node.name);
      return true;
    });
  }
  return names;
}

/** An `await`, `for await` or `await using` of this function (not of a function nested in it). */
function containsOwnAwait(root: ts.Node): boolean {
  let found = false;
  forEachDescendant(root, (node) => {
    if (found || ts.isFunctionLike(node)) return false;
    if (
      ts.isAwaitExpression(node) ||
      (ts.isForOfStatement(node) && node.awaitModifier !== undefined) ||
      (ts.isVariableDeclarationList(node) && isAwaitUsing(node))
    ) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

function isAwaitUsing(list: ts.VariableDeclarationList): boolean {
  // `AwaitUsing` is the `Using` and `Const` bits together: a plain `using` or `const` has only one.
  return tsutils.isNodeFlagSet(list, ts.NodeFlags.Using) && tsutils.isNodeFlagSet(list, ts.NodeFlags.Const);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}
