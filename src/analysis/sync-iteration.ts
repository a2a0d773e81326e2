import * as tsutils from 'ts-api-utils';
import type * as ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { mayBeMadeThenableBySubclass } from './class-hierarchy.js';
import { classifyThenability, combineUnionThenability, mayHideThenable, type Thenability } from './thenable.js';

/**
 * What `for await (… of value)` reads from a value that has no
 * `[Symbol.asyncIterator]`: the types of the elements its synchronous
 * iterator yields (`for await` awaits each of them). `undefined` when the
 * value is, or may be, an async iterable, or when the checker cannot say
 * what it yields: `any`, `unknown`, an unconstrained type parameter, a type
 * without `[Symbol.iterator]`.
 */
export function getSyncIteratedTypes(checker: ts.TypeChecker, type: ts.Type): readonly ts.Type[] | undefined {
  const cache = iteratedCache(checker);
  const cached = cache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  // Seeded before computing, so a recursive type cannot loop.
  cache.set(type, null);
  const result = computeIteratedTypes(checker, type, 0);
  cache.set(type, result ?? null);
  return result;
}

const iteratedCache = cachePerChecker(() => new Map<ts.Type, readonly ts.Type[] | null>());

/**
 * Whether `for await` over a value of this type could wait for anything:
 * `not-thenable` when it is a synchronous iterable whose elements are
 * certainly plain values; `thenable` when some element may be a promise
 * (`for await` waits for each, on purpose); `unknown` otherwise — an async
 * iterable, a type the checker cannot iterate, and elements that only look
 * plain: `void` (a `() => void` callback's result may be a promise), tagged
 * primitives, and classes a subclass of the program makes thenable.
 */
export function classifySyncIteratedElements(program: ts.Program, checker: ts.TypeChecker, type: ts.Type): Thenability {
  const elements = getSyncIteratedTypes(checker, type);
  if (elements === undefined) return 'unknown';
  return combineUnionThenability(
    elements.map((element) => {
      const thenability = classifyThenability(checker, element);
      if (thenability !== 'not-thenable') return thenability;
      const uncertain =
        tsutils.unionConstituents(element).some((member) => tsutils.isIntrinsicVoidType(member)) ||
        mayHideThenable(checker, element) ||
        mayBeMadeThenableBySubclass(program, checker, element);
      return uncertain ? 'unknown' : 'not-thenable';
    }),
  );
}

const MAX_DEPTH = 8;

function computeIteratedTypes(checker: ts.TypeChecker, type: ts.Type, depth: number): readonly ts.Type[] | undefined {
  if (
    depth > MAX_DEPTH ||
    tsutils.isIntrinsicAnyType(type) ||
    tsutils.isIntrinsicUnknownType(type) ||
    tsutils.isIntrinsicErrorType(type) ||
    tsutils.isIntrinsicNeverType(type) ||
    tsutils.isIntrinsicNonPrimitiveType(type)
  ) {
    return undefined;
  }
  if (type.isUnion()) {
    const all: ts.Type[] = [];
    for (const member of type.types) {
      const elements = computeIteratedTypes(checker, member, depth + 1);
      if (elements === undefined) return undefined;
      all.push(...elements);
    }
    return all;
  }
  if (tsutils.isInstantiableType(type)) {
    const constraint = checker.getBaseConstraintOfType(type);
    return constraint === undefined || constraint === type ? undefined : computeIteratedTypes(checker, constraint, depth + 1);
  }
  const apparent = checker.getApparentType(type);
  if (tsutils.getWellKnownSymbolPropertyOfType(apparent, 'asyncIterator', checker) !== undefined) return undefined;
  if (checker.isArrayType(type) || checker.isTupleType(type)) return checker.getTypeArguments(type);
  const iterator = tsutils.getWellKnownSymbolPropertyOfType(apparent, 'iterator', checker);
  if (iterator === undefined) return undefined;
  const elements: ts.Type[] = [];
  for (const iteratorSignature of checker.getTypeOfSymbol(iterator).getCallSignatures()) {
    const next = checker.getPropertyOfType(checker.getApparentType(iteratorSignature.getReturnType()), 'next');
    if (next === undefined) return undefined;
    const nextSignatures = checker.getTypeOfSymbol(next).getCallSignatures();
    if (nextSignatures.length === 0) return undefined;
    for (const nextSignature of nextSignatures) {
      for (const result of tsutils.unionConstituents(nextSignature.getReturnType())) {
        // `{ done: true, value: TReturn }` ends the loop: its value is never read.
        if (isDoneResult(checker, result)) continue;
        const value = checker.getPropertyOfType(result, 'value');
        if (value === undefined) return undefined;
        elements.push(checker.getTypeOfSymbol(value));
      }
    }
  }
  return elements.length === 0 ? undefined : elements;
}

function isDoneResult(checker: ts.TypeChecker, result: ts.Type): boolean {
  const done = checker.getPropertyOfType(result, 'done');
  return done !== undefined && tsutils.isTrueLiteralType(checker.getTypeOfSymbol(done));
}
