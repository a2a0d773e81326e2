import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { forEachDescendant } from '../syntax/walk.js';
import { cachePerChecker } from './cache.js';

/**
 * A flow-narrowed type is an inference, not a fact. The checker narrows a
 * reference by the assignments and guards it sees in the function at hand,
 * and keeps the narrowing where code it does not follow may write:
 * - a variable that a nested function writes: in `let completing; new
 *   Promise(() => { completing = new Promise(…); }); await completing`, the
 *   executor ran and `completing` holds a promise, but the checker reads
 *   `undefined` (a job-queue library's tests did this); also a global of a
 *   script, which functions of other files may write;
 * - a property: after `this.pending = undefined; this.kick();` the checker
 *   still reads `undefined`, though `kick` may have assigned a promise.
 * Only the declared type of such a reference is certain.
 */

/** A reference (or the branch of `a ?? b`, `c ? a : b`) whose narrowed type is no certainty, and its declared type. */
export interface UncertainNarrowing {
  readonly reference: ts.Expression;
  /** `undefined` when unknown too: a property read through an uncertain reference. */
  readonly declaredType: ts.Type | undefined;
}

/**
 * The references that make up the value of `expression` (itself, the
 * operands of `a ?? b`, `a || b`, `c ? a : b`, `(a, b)`, `a!`) whose
 * flow-narrowed type is no certainty. Empty: the checker's type of
 * `expression` can be trusted as it is.
 */
export function findUncertainNarrowings(checker: ts.TypeChecker, expression: ts.Expression): UncertainNarrowing[] {
  const found: UncertainNarrowing[] = [];
  const pending = [expression];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node)) {
      pending.push(node.expression);
    } else if (ts.isConditionalExpression(node)) {
      pending.push(node.whenTrue, node.whenFalse);
    } else if (ts.isBinaryExpression(node) && VALUE_OPERATORS.has(node.operatorToken.kind)) {
      pending.push(node.right);
      if (node.operatorToken.kind !== ts.SyntaxKind.CommaToken) pending.push(node.left);
    } else if (isReference(node)) {
      const declaredType = getDeclaredType(checker, node);
      // Not narrowed at all (the checker's type is the declared one), or narrowed with certainty.
      if (declaredType !== checker.getTypeAtLocation(node) && !isNarrowedTypeCertain(checker, node)) {
        found.push({ reference: node, declaredType });
      }
    }
  }
  return found;
}

const VALUE_OPERATORS = new Set([
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.CommaToken,
]);

/**
 * Whether the checker's type of `node` holds whatever code ran before:
 * true for anything but a reference whose writes the checker may not see
 * (a variable a nested function writes, a script's global, a property).
 */
export function isNarrowedTypeCertain(checker: ts.TypeChecker, node: ts.Expression): boolean {
  if (!isReference(node)) return true;
  if (!ts.isIdentifier(node)) return false;
  const symbol = checker.getSymbolAtLocation(node);
  return symbol === undefined || !isWrittenOutOfFlow(checker, symbol);
}

/** What the checker narrows: a name, `a.b`, `a['b']`. */
function isReference(node: ts.Expression): node is ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression {
  return (
    ts.isIdentifier(node) ||
    ts.isPropertyAccessExpression(node) ||
    (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))
  );
}

/** The type a reference is declared with, whatever its narrowing. */
function getDeclaredType(
  checker: ts.TypeChecker,
  reference: ts.Identifier | ts.PropertyAccessExpression | ts.ElementAccessExpression,
): ts.Type | undefined {
  // `state.current` where `state` is itself uncertain: a member of a type we do not know.
  if (!ts.isIdentifier(reference) && findUncertainNarrowings(checker, reference.expression).length > 0) return undefined;
  const name = ts.isIdentifier(reference)
    ? reference
    : ts.isPropertyAccessExpression(reference)
      ? reference.name
      : reference.argumentExpression;
  const symbol = checker.getSymbolAtLocation(name);
  return symbol === undefined ? undefined : checker.getTypeOfSymbol(symbol);
}

const writtenOutOfFlowCache = cachePerChecker(() => new WeakMap<ts.Symbol, boolean>());

/** A variable that code outside its own function's flow may write: a nested function, or (for a script's global) another file. */
function isWrittenOutOfFlow(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  const cache = writtenOutOfFlowCache(checker);
  let written = cache.get(symbol);
  if (written === undefined) {
    written = computeIsWrittenOutOfFlow(checker, symbol);
    cache.set(symbol, written);
  }
  return written;
}

function computeIsWrittenOutOfFlow(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  const declaration = symbol.valueDeclaration;
  // Imports cannot be written here; functions, classes, enums and constants not at all.
  if (declaration === undefined || !isWritableVariable(declaration)) return false;
  const scope = getFlowContainer(declaration);
  if (ts.isSourceFile(scope) && (scope.isDeclarationFile || !ts.isExternalModule(scope))) return true;
  const name = symbol.getName();
  // An object, so the type checker sees the write made inside the callback.
  const found = { write: false };
  forEachDescendant(scope, (node) => {
    if (found.write) return false;
    if (
      ts.isIdentifier(node) &&
      node.text === name &&
      (tsutils.getAccessKind(node) & tsutils.AccessKind.Write) !== 0 &&
      getFlowContainer(node) !== scope
    ) {
      const target =
        ts.isShorthandPropertyAssignment(node.parent) && node.parent.name === node
          ? checker.getShorthandAssignmentValueSymbol(node.parent)
          : checker.getSymbolAtLocation(node);
      found.write = target === undefined || target === symbol;
    }
    return !found.write;
  });
  return found.write;
}

function isWritableVariable(declaration: ts.Declaration): boolean {
  if (ts.isParameter(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration) && !ts.isBindingElement(declaration)) return false;
  return (ts.getCombinedNodeFlags(declaration) & (ts.NodeFlags.Const | ts.NodeFlags.Using)) === 0;
}

/**
 * The function (or file) whose control flow the checker follows at `node`:
 * a nested function, a class field's initializer or a static block runs at
 * another time.
 */
function getFlowContainer(node: ts.Node): ts.Node {
  let current = node.parent;
  while (
    !ts.isSourceFile(current) &&
    !(ts.isFunctionLike(current) && 'body' in current && current.body !== undefined) &&
    !ts.isClassStaticBlockDeclaration(current) &&
    !(ts.isPropertyDeclaration(current) && current.initializer !== undefined)
  ) {
    current = current.parent;
  }
  return current;
}
