import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';
import { findUncertainNarrowings } from './narrowing.js';

/**
 * What the checker can promise about a value's `then`:
 * - `thenable`: the type (or some member of a union) has a callable `then`;
 * - `not-thenable`: no member can have one;
 * - `unknown`: `any`, `unknown`, an unconstrained type parameter, an error
 *   type, `object`/`{}`, `never` — a rule that needs certainty stays silent.
 */
export type Thenability = 'not-thenable' | 'thenable' | 'unknown';

const typeCache = cachePerChecker(() => new Map<ts.Type, Thenability>());
const expressionCache = cachePerChecker(() => new WeakMap<ts.Node, Thenability>());

/** Classifies a type; cached per checker, so every rule asking about one type pays once. */
export function classifyThenability(checker: ts.TypeChecker, type: ts.Type): Thenability {
  const cache = typeCache(checker);
  const cached = cache.get(type);
  if (cached !== undefined) return cached;
  // Seed the cache before recursing, so a recursive type cannot loop.
  cache.set(type, 'unknown');
  const result = askChecker<Thenability>('unknown', () => computeThenability(checker, type));
  cache.set(type, result);
  return result;
}

/**
 * Classifies the type of an expression, asked as typescript-eslint's own
 * promise rules ask (`getTypeAtLocation`), so the checker's answer is shared.
 * A call whose every signature is declared to return a thenable is thenable
 * without that: see `isDeclaredToReturnThenable`.
 */
export function classifyExpressionThenability(
  services: ParserServicesWithTypeInformation,
  node: TSESTree.Node,
): Thenability {
  const tsNode = services.esTreeNodeToTSNodeMap.get(node);
  const checker = services.program.getTypeChecker();
  const cache = expressionCache(checker);
  const cached = cache.get(tsNode);
  if (cached !== undefined) return cached;
  const result = askChecker<Thenability>('unknown', () =>
    isDeclaredToReturnThenable(checker, tsNode)
      ? 'thenable'
      : classifyValueThenability(checker, tsNode, services.getTypeAtLocation(node)),
  );
  cache.set(tsNode, result);
  return result;
}

/**
 * A call (not in an optional chain) whose callee's every call signature is
 * declared to return a thenable (`Promise<T>` whatever `T` becomes), so the
 * call returns one whichever signature it resolves to and whatever its type
 * arguments are inferred to be. Asks for the callee's type only: typing the
 * call itself resolves its signature (overloads, generic inference over the
 * arguments and their callbacks), which on await-heavy, generic code cost
 * more than every rule's own work. A signature returning anything else (a
 * type parameter, a conditional type, a union with `undefined`) leaves the
 * question to the call's type.
 */
function isDeclaredToReturnThenable(checker: ts.TypeChecker, node: ts.Node): boolean {
  // The node of an ESTree expression is never a TypeScript `ParenthesizedExpression`.
  const call = node;
  if (!ts.isCallExpression(call) || ts.isOptionalChain(call) || call.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return false;
  }
  if (call.expression.kind === ts.SyntaxKind.SuperKeyword) return false;
  const signatures = checker.getTypeAtLocation(call.expression).getCallSignatures();
  return (
    signatures.length > 0 &&
    signatures.every((signature) => {
      const returned = checker.getReturnTypeOfSignature(signature);
      // `T`, `T | undefined`, `Awaited<T>`: what the call returns depends on what `T` becomes.
      const fixed = tsutils
        .unionConstituents(returned)
        .every((member) => tsutils.intersectionConstituents(member).every((part) => !tsutils.isInstantiableType(part)));
      return fixed && classifyThenability(checker, returned) === 'thenable';
    })
  );
}

/**
 * Classifies the value of `node`, whose type there the checker gives as
 * `type`. A flow-narrowed `not-thenable` counts only where the narrowing is
 * certain: for a variable a nested function writes, or a property, the
 * declared type decides (`let completing;` assigned a promise inside an
 * executor reads as `undefined` at the `await`, but is declared `any`).
 */
export function classifyValueThenability(checker: ts.TypeChecker, node: ts.Node, type: ts.Type): Thenability {
  const thenability = classifyThenability(checker, type);
  if (thenability !== 'not-thenable' || !ts.isExpression(node)) return thenability;
  const isDeclaredNotThenable = findUncertainNarrowings(checker, node).every(
    ({ declaredType }) => declaredType !== undefined && classifyThenability(checker, declaredType) === 'not-thenable',
  );
  return isDeclaredNotThenable ? thenability : 'unknown';
}

/**
 * Whether a value's type leaves room for a promise at run time, as a reason
 * not to trust what is computed from it: the type may be thenable or unknown,
 * or it is a tagged primitive (`string & { isEscaped: true }`), which is how
 * libraries type values that are something else at run time (hono's HTML
 * strings are JSX nodes whose `toString()` may return a promise).
 */
export function mayHideThenable(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (classifyThenability(checker, type) !== 'not-thenable') return true;
  return tsutils.unionConstituents(type).some(
    (member) =>
      member.isIntersection() &&
      member.types.some((part) => PRIMITIVE_FLAGS.some((flag) => tsutils.isTypeFlagSet(part, flag))) &&
      member.types.some((part) => tsutils.isObjectType(part)),
  );
}

const PRIMITIVE_FLAGS = [
  ts.TypeFlags.StringLike,
  ts.TypeFlags.NumberLike,
  ts.TypeFlags.BigIntLike,
  ts.TypeFlags.BooleanLike,
  ts.TypeFlags.ESSymbolLike,
];

/** Types that cannot hold a function: primitives, and the `never` left of `then?: undefined`. */
const NOT_CALLABLE_FLAGS = [...PRIMITIVE_FLAGS, ts.TypeFlags.Never, ts.TypeFlags.Void, ts.TypeFlags.Undefined, ts.TypeFlags.Null];

/** Combines the classes of a union's members: thenable if any member may be. */
export function combineUnionThenability(classes: Iterable<Thenability>): Thenability {
  let sawUnknown = false;
  for (const thenability of classes) {
    if (thenability === 'thenable') return 'thenable';
    if (thenability === 'unknown') sawUnknown = true;
  }
  return sawUnknown ? 'unknown' : 'not-thenable';
}

/**
 * For an array or tuple type, whether its elements may be thenable (so that
 * awaiting the array waits for none of them); `undefined` for other types.
 */
export function classifyArrayElementThenability(checker: ts.TypeChecker, type: ts.Type): Thenability | undefined {
  return askChecker<Thenability | undefined>('unknown', () => {
    if (!checker.isArrayType(type) && !checker.isTupleType(type)) return undefined;
    return combineUnionThenability(
      checker.getTypeArguments(type as ts.TypeReference).map((element) => classifyThenability(checker, element)),
    );
  });
}

function computeThenability(checker: ts.TypeChecker, type: ts.Type): Thenability {
  if (
    tsutils.isIntrinsicAnyType(type) ||
    tsutils.isIntrinsicUnknownType(type) ||
    tsutils.isIntrinsicErrorType(type) ||
    tsutils.isIntrinsicNeverType(type) ||
    tsutils.isIntrinsicNonPrimitiveType(type)
  ) {
    return 'unknown';
  }
  if (type.isUnion() || type.isIntersection()) {
    // An intersection has every member's properties: one thenable member makes it thenable.
    return combineUnionThenability(type.types.map((member) => classifyThenability(checker, member)));
  }
  if (tsutils.isInstantiableType(type)) {
    // Type parameters, conditional and indexed-access types are judged by their constraint.
    const constraint = checker.getBaseConstraintOfType(type);
    if (constraint === undefined || constraint === type) return 'unknown';
    return classifyThenability(checker, constraint);
  }
  if (isEmptyObjectType(checker, type)) {
    // `{}` admits every non-nullish value, promises included.
    return 'unknown';
  }
  const apparentType = checker.getApparentType(type);
  const thenProperty = checker.getPropertyOfType(apparentType, 'then');
  if (thenProperty === undefined) {
    // `Record<string, () => void>` may hold a callable `then` under its index signature.
    const indexType = checker.getIndexInfosOfType(apparentType).find((info) =>
      // `string`, and patterns such as `t${string}` that a key named `then` may match.
      tsutils.isTypeFlagSet(info.keyType, ts.TypeFlags.StringLike),
    )?.type;
    return indexType === undefined || isCertainlyNotCallable(checker, indexType) ? 'not-thenable' : 'unknown';
  }
  const thenType = checker.getNonNullableType(checker.getTypeOfSymbol(thenProperty));
  const members = tsutils.unionConstituents(thenType);
  if (members.some((member) => checker.getApparentType(member).getCallSignatures().length > 0)) return 'thenable';
  // `then: Function`, `then: object`, `then: {}`, `then: T` may all hold a function at run time.
  return members.every((member) => NOT_CALLABLE_FLAGS.some((flag) => tsutils.isTypeFlagSet(member, flag)))
    ? 'not-thenable'
    : 'unknown';
}

function isCertainlyNotCallable(checker: ts.TypeChecker, type: ts.Type): boolean {
  return tsutils.unionConstituents(type).every(
    (member) =>
      !tsutils.isIntrinsicAnyType(member) &&
      !tsutils.isIntrinsicUnknownType(member) &&
      !tsutils.isTypeFlagSet(member, ts.TypeFlags.NonPrimitive) &&
      checker.getApparentType(member).getCallSignatures().length === 0 &&
      !isEmptyObjectType(checker, member),
  );
}

function isEmptyObjectType(checker: ts.TypeChecker, type: ts.Type): boolean {
  return (
    tsutils.isObjectType(type) &&
    tsutils.isObjectFlagSet(type, ts.ObjectFlags.Anonymous) &&
    checker.getPropertiesOfType(type).length === 0 &&
    type.getCallSignatures().length === 0 &&
    type.getConstructSignatures().length === 0 &&
    checker.getIndexInfosOfType(type).length === 0
  );
}
