import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';

import { skipChainExpression } from '../syntax/chain-expression.js';
import { getConstInitializer } from '../syntax/const-initializer.js';
import { containsTypeAssertion } from '../syntax/type-assertion.js';
import { askChecker } from './checker-guard.js';
import { mayBeMadeThenableBySubclass } from './class-hierarchy.js';
import { isCertainlyVoidCall } from './function-summary.js';
import { classifyExpressionThenability, mayHideThenable } from './thenable.js';

/**
 * The checker says no member of the expression's type has a callable
 * `then`. A `void` counts only for a call whose `void` is certain: a
 * `() => void` property or parameter may well hold an async function.
 */
export function isCertainlyNotThenable(services: ParserServicesWithTypeInformation, node: TSESTree.Expression): boolean {
  if (classifyExpressionThenability(services, node) !== 'not-thenable') return false;
  return askChecker(false, () => {
    const type = services.getTypeAtLocation(node);
    const mayBeVoid = tsutils.unionConstituents(type).some((member) => tsutils.isIntrinsicVoidType(member));
    return !mayBeVoid || isCertainlyVoidValue(services, node);
  });
}

/** `console.log()`, `a?.log()`, `flag ? logA() : logB()`: a `void` whose every source is a certain call. */
function isCertainlyVoidValue(services: ParserServicesWithTypeInformation, node: TSESTree.Expression): boolean {
  const inner = skipChainExpression(node);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) {
    return isCertainlyNotThenable(services, inner.consequent) && isCertainlyNotThenable(services, inner.alternate);
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  return isCertainlyVoidCall(services.program, services.esTreeNodeToTSNodeMap.get(inner));
}

/**
 * An awaited operand that is certainly a plain value at run time, not only
 * by its type: the type says no thenable; no assertion in it overrules the
 * checker; it is not a method's result on a receiver that may itself be a
 * promise; and no subclass in the program makes its class thenable.
 */
export function isCertainlyPlainValue(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  operand: TSESTree.Expression,
): boolean {
  return (
    !containsTypeAssertion(operand) &&
    isCertainlyNotThenable(services, operand) &&
    askChecker(
      false,
      () =>
        !isCalledOnMaybeThenable(services, sourceCode, operand) &&
        !mayBeMadeThenableBySubclass(services.program, services.program.getTypeChecker(), services.getTypeAtLocation(operand)),
    )
  );
}

/**
 * `await element.toString()` where `element` may itself be a promise (or
 * is a tagged primitive): the author expects something asynchronous that
 * the types do not show (hono types JSX elements as `string |
 * Promise<string>` and tagged strings, and their `toString()` may return a
 * promise at run time). Not certain enough to report or fix.
 */
function isCalledOnMaybeThenable(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  operand: TSESTree.Expression,
  depth = 0,
): boolean {
  // `const html = element.toString(); … await html`: the same doubt, one step removed.
  const initializer = operand.type === AST_NODE_TYPES.Identifier ? getConstInitializer(sourceCode, operand) : undefined;
  // A few steps at most: `const a = b; const b = a;` (a type error, but typed while editing) loops.
  if (initializer !== undefined) return depth < 8 && isCalledOnMaybeThenable(services, sourceCode, initializer, depth + 1);
  const call = skipChainExpression(operand);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    mayHideThenable(services.program.getTypeChecker(), services.getTypeAtLocation(call.callee.object))
  );
}
