import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';
import { isInheritedMember, isMethodOverriddenInProgram } from './class-hierarchy.js';
import { classifyThenability, classifyValueThenability, combineUnionThenability, type Thenability } from './thenable.js';
import { forEachDescendant } from '../syntax/walk.js';
import { getResolvedSymbolAtLocation } from './symbols.js';

/** A function declaration with a body that the summary can read. */
export type FunctionWithBody = ts.FunctionLikeDeclaration & { body: ts.ConciseBody };

/** What a function's own body does, not counting the functions nested in it. */
export interface FunctionSummary {
  readonly isAsync: boolean;
  readonly isGenerator: boolean;
  /** The body has an `await`, a `for await` or an `await using`. */
  readonly hasAwait: boolean;
  /** The body has a `for await` loop (counted in `hasAwait` too). */
  readonly hasForAwait: boolean;
  /**
   * A `throw` statement, or a call of a function declared to throw (returning
   * `never`, or an `asserts` function), not inside a `try` block that has a
   * `catch` — also inside nested functions, which may run synchronously
   * (`forEach` callbacks); computed on first read. Calls that may throw for
   * other reasons (`JSON.parse`) are not counted.
   */
  readonly hasUncaughtThrow: boolean;
  /** What the `return` statements (or the concise body) give; computed on first read. */
  readonly returnThenability: Thenability;
}

const summaryCache = cachePerChecker(() => new WeakMap<ts.Node, FunctionSummary>());

/** Summarises a function; cached per checker and declaration. */
export function summarizeFunction(program: ts.Program, declaration: FunctionWithBody): FunctionSummary {
  const cache = summaryCache(program.getTypeChecker());
  let summary = cache.get(declaration);
  if (summary === undefined) {
    summary = buildSummary(program, declaration);
    cache.set(declaration, summary);
  }
  return summary;
}

/**
 * Resolves a call through the checker to the function declaration it runs,
 * in any file of the program: function declarations, functions and arrows
 * bound to variables or properties without a type annotation, methods,
 * imported functions, and the implementation behind overload signatures
 * (whichever overload the call matches, the implementation runs).
 * Declarations without a body (ambient, `.d.ts`, interface members) and
 * names with several bodies give `undefined`.
 *
 * Asks for the callee's symbol, not the call's resolved signature: the
 * checker resolved the call already to type the `await` operand, but
 * `getResolvedSignature` resolves it again (overloads, generic inference),
 * which on await-heavy code cost as much as the rest of the rule.
 */
export function resolveCalledFunction(checker: ts.TypeChecker, call: ts.CallExpression): FunctionWithBody | undefined {
  return resolveReferencedFunction(checker, call.expression);
}

/**
 * Resolves a reference to a function (`pruneExpired`, `this.flush`,
 * `jobs.prune`) to the declaration with a body it names, as
 * `resolveCalledFunction` resolves a callee: for a function passed on as a
 * value (`setInterval(pruneExpired, ms)`).
 */
export function resolveReferencedFunction(checker: ts.TypeChecker, reference: ts.Expression): FunctionWithBody | undefined {
  const callee = skipParentheses(reference);
  const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
  if (name === undefined) return undefined;
  const bodies = (getResolvedSymbolAtLocation(checker, name)?.declarations ?? []).flatMap(getFunctionWithBody);
  return bodies.length === 1 ? bodies[0] : undefined;
}

/** The function a declaration runs: itself, or the function initialising an unannotated variable or property. */
function getFunctionWithBody(declaration: ts.Declaration): FunctionWithBody[] {
  if (isFunctionLikeDeclaration(declaration)) return hasBody(declaration) ? [declaration] : [];
  if (
    (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration) || ts.isPropertyAssignment(declaration)) &&
    !('type' in declaration && declaration.type !== undefined)
  ) {
    const initializer = declaration.initializer;
    if (initializer !== undefined && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) {
      return [initializer];
    }
  }
  return [];
}

/** Resolves the call and summarises its callee, or `undefined` if it has no readable body. */
export function summarizeCallee(
  program: ts.Program,
  call: ts.CallExpression,
): { declaration: FunctionWithBody; summary: FunctionSummary } | undefined {
  const declaration = resolveCalledFunction(program.getTypeChecker(), call);
  if (declaration === undefined) return undefined;
  return { declaration, summary: summarizeFunction(program, declaration) };
}

/**
 * The call can run nothing but `declaration`: the callee is the function's
 * own name, a `const` bound to it (or an import of either), or a class method
 * nothing in the program overrides (a private one, or one that implements no
 * inherited member and that no subclass redeclares; an object literal's
 * method may be reassigned). An async function is assignable
 * to `() => void`, and a parameter, a reassignable `let` or an overridden
 * method can run other work than the declaration the checker resolved.
 */
export function isCallBoundToDeclaration(program: ts.Program, call: ts.CallExpression, declaration: ts.Node): boolean {
  const checker = program.getTypeChecker();
  const callee = skipParentheses(call.expression);
  if (ts.isIdentifier(callee) || isNamespaceMember(checker, callee)) {
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    return (
      getResolvedSymbolAtLocation(checker, name)?.declarations?.some(
        (candidate) =>
          candidate === declaration ||
          (ts.isVariableDeclaration(candidate) &&
            candidate.initializer === declaration &&
            tsutils.isNodeFlagSet(candidate.parent, ts.NodeFlags.Const)),
      ) ?? false
    );
  }
  const property = ts.isPropertyAccessExpression(callee)
    ? callee.name
    : ts.isElementAccessExpression(callee)
      ? callee.argumentExpression
      : undefined;
  if (property === undefined || !ts.isMethodDeclaration(declaration) || !ts.isClassLike(declaration.parent)) {
    return false;
  }
  // A decorator may replace the method with another function.
  if (ts.canHaveDecorators(declaration) && ts.getDecorators(declaration) !== undefined) return false;
  // `super.read()` runs the base class's method, whatever subclasses declare.
  if ((callee as ts.AccessExpression).expression.kind === ts.SyntaxKind.SuperKeyword) return true;
  // `store.read()` with `store: LocalStore | RemoteStore` runs whichever class the value has.
  const method = checker.getSymbolAtLocation(property);
  if (method?.declarations?.some((candidate) => candidate.parent !== declaration.parent) !== false) return false;
  if (
    ts.isPrivateIdentifier(declaration.name) ||
    tsutils.includesModifier(ts.getModifiers(declaration), ts.SyntaxKind.PrivateKeyword)
  ) {
    return true;
  }
  return !isInheritedMember(checker, declaration) && !isMethodOverriddenInProgram(program, checker, declaration);
}

/** `helpers.format()` where `helpers` is `import * as helpers` or a `namespace`: a fixed binding, not a property. */
function isNamespaceMember(
  checker: ts.TypeChecker,
  callee: ts.Expression,
): callee is ts.PropertyAccessExpression & { name: ts.Identifier } {
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.name) || !ts.isIdentifier(callee.expression)) {
    return false;
  }
  const symbol = getResolvedSymbolAtLocation(checker, callee.expression);
  return symbol !== undefined && tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.ValueModule);
}

/**
 * The declaration of the signature the checker resolves a call to (for a
 * `void` result: where it comes from). Asked once per call, since
 * `getResolvedSignature` resolves the call again.
 */
export function getCalledSignatureDeclaration(
  checker: ts.TypeChecker,
  call: ts.CallLikeExpression,
): ts.SignatureDeclaration | undefined {
  // `getDeclaration()` is typed as always there, but a signature made up by the checker has none.
  const declaration: ts.SignatureDeclaration | ts.JSDocSignature | undefined = checker
    .getResolvedSignature(call)
    ?.getDeclaration();
  return declaration === undefined || ts.isJSDocSignature(declaration) ? undefined : declaration;
}

/**
 * A call whose `void` really is nothing: a synchronous function of the
 * program that nothing else can stand in for (whose own returns are
 * certain), or a function or method declared by the standard library or a
 * dependency (`console.log`). Not a value typed as a function
 * (`hook: () => void` may hold an async function), not a `void` inferred for
 * a type parameter from a callback (`storage.run(ctx, handler)`).
 */
export function isCertainlyVoidCall(program: ts.Program, call: ts.CallExpression): boolean {
  const checker = program.getTypeChecker();
  const signature = getCalledSignatureDeclaration(checker, call);
  if (signature === undefined || returnsTypeParameter(checker, signature)) return false;
  const summarized = summarizeCallee(program, call);
  if (summarized === undefined) return isLibraryFunction(program, signature);
  // `function run(fn: () => void): void { return fn(); }` hands back whatever the callback returns.
  return (
    !summarized.summary.isAsync &&
    summarized.summary.returnThenability === 'not-thenable' &&
    isCallBoundToDeclaration(program, call, summarized.declaration)
  );
}

/**
 * The declared return type is a type parameter, or a type computed from one
 * (`run<R>(fn: () => R): R`, `ReturnType<F>`): its `void` was inferred
 * from a callback, which may be async.
 */
export function returnsTypeParameter(checker: ts.TypeChecker, declaration: ts.SignatureDeclaration): boolean {
  const declared = checker.getSignatureFromDeclaration(declaration)?.getReturnType();
  return (
    declared === undefined ||
    tsutils.unionConstituents(declared).some((member) => tsutils.isTypeFlagSet(member, ts.TypeFlags.Instantiable))
  );
}

/**
 * The signature belongs to a function or method that the standard library
 * or a dependency declares (`console.log`, `map.set`): not a value typed
 * as a function (`() => void`), which an async function may stand behind,
 * and not the program's own interfaces, which the program may implement with
 * async methods.
 */
export function isLibraryFunction(program: ts.Program, declaration: ts.SignatureDeclaration): boolean {
  if (!(ts.isMethodSignature(declaration) || ts.isMethodDeclaration(declaration) || ts.isFunctionDeclaration(declaration))) {
    return false;
  }
  const sourceFile = declaration.getSourceFile();
  return (
    sourceFile.isDeclarationFile &&
    (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile)) &&
    !hasThenableOverload(program.getTypeChecker(), declaration)
  );
}

/**
 * A sometimes-async API: another overload of the same function returns a
 * thenable (React's `act(() => void): void` beside
 * `act(() => Promise<T>): Promise<T>`, whose result is awaitable whatever
 * the callback). Its `void` is not certain.
 */
function hasThenableOverload(checker: ts.TypeChecker, declaration: ts.Declaration): boolean {
  const name = ts.getNameOfDeclaration(declaration);
  const symbol = name === undefined ? undefined : checker.getSymbolAtLocation(name);
  const overloads = symbol?.declarations ?? [];
  if (overloads.length < 2) return false;
  return overloads.some((overload) => {
    if (overload === declaration || !ts.isFunctionLike(overload)) return false;
    const signature = checker.getSignatureFromDeclaration(overload);
    return signature !== undefined && classifyThenability(checker, signature.getReturnType()) !== 'not-thenable';
  });
}

/**
 * True when the summary describes an `async` function doing only synchronous
 * work: no await of any kind and only non-thenable return values.
 */
export function isAsyncWithOnlySyncWork(summary: FunctionSummary): boolean {
  return (
    summary.isAsync &&
    !summary.isGenerator &&
    !summary.hasAwait &&
    summary.returnThenability === 'not-thenable'
  );
}

function isFunctionLikeDeclaration(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isAccessor(node)
  );
}

function hasBody(declaration: ts.FunctionLikeDeclaration): declaration is FunctionWithBody {
  return declaration.body !== undefined;
}

function buildSummary(program: ts.Program, declaration: FunctionWithBody): FunctionSummary {
  const checker = program.getTypeChecker();
  const body = declaration.body;
  const returnExpressions: ts.Expression[] = [];
  let hasAwait = false;
  let hasForAwait = false;
  let hasThrowStatement = false;
  const uncaughtCalls: ts.CallExpression[] = [];

  /**
   * Inside a nested function only throws count: a callback may run right
   * away (`rows.forEach((row) => { throw … })`), and its throw then leaves
   * this body. Its awaits and returns are its own.
   */
  const visitNested = (root: ts.Node): void => {
    forEachDescendant(root, (node) => {
      if (ts.isThrowStatement(node)) hasThrowStatement = true;
      else if (ts.isCallExpression(node)) uncaughtCalls.push(node);
      return true;
    });
  };

  // A work list, not recursion: generated code nests deeper than the call stack allows.
  const pending: { node: ts.Node; insideCatchingTry: boolean }[] = [];
  const visit = (node: ts.Node, insideCatchingTry: boolean): void => {
    if (ts.isFunctionLike(node)) {
      // A computed name (`[await key]() {}`) and decorators run here, not in the nested function.
      const name = (node as ts.NamedDeclaration).name;
      if (name !== undefined && ts.isComputedPropertyName(name)) pending.push({ node: name, insideCatchingTry });
      for (const decorator of ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []) {
        pending.push({ node: decorator, insideCatchingTry });
      }
      if (!insideCatchingTry) ts.forEachChild(node, visitNested);
      return;
    }
    if (ts.isAwaitExpression(node)) hasAwait = true;
    else if (ts.isForOfStatement(node) && node.awaitModifier !== undefined) hasAwait = hasForAwait = true;
    else if (ts.isVariableDeclarationList(node) && isAwaitUsing(node)) hasAwait = true;
    else if (ts.isReturnStatement(node) && node.expression !== undefined) returnExpressions.push(node.expression);
    else if (ts.isThrowStatement(node) && !insideCatchingTry) hasThrowStatement = true;
    else if (ts.isCallExpression(node) && !insideCatchingTry) uncaughtCalls.push(node);

    if (ts.isTryStatement(node)) {
      pending.push({ node: node.tryBlock, insideCatchingTry: insideCatchingTry || node.catchClause !== undefined });
      if (node.catchClause !== undefined) pending.push({ node: node.catchClause, insideCatchingTry });
      if (node.finallyBlock !== undefined) pending.push({ node: node.finallyBlock, insideCatchingTry });
      return;
    }
    ts.forEachChild(node, (child) => {
      pending.push({ node: child, insideCatchingTry });
    });
  };

  if (ts.isBlock(body)) {
    for (const statement of body.statements) pending.push({ node: statement, insideCatchingTry: false });
  } else {
    returnExpressions.push(body);
    pending.push({ node: body, insideCatchingTry: false });
  }
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) visit(item.node, item.insideCatchingTry);

  let returnThenability: Thenability | undefined;
  let hasUncaughtThrow: boolean | undefined;
  const modifiers = ts.canHaveModifiers(declaration) ? ts.getModifiers(declaration) : undefined;
  return {
    isAsync: modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ?? false,
    isGenerator: declaration.asteriskToken !== undefined,
    hasAwait,
    hasForAwait,
    get hasUncaughtThrow() {
      // A call the checker fails to resolve may throw, for all we know.
      hasUncaughtThrow ??=
        hasThrowStatement || uncaughtCalls.some((call) => askChecker(true, () => isDeclaredToThrow(checker, call)));
      return hasUncaughtThrow;
    },
    get returnThenability() {
      if (returnThenability !== undefined) return returnThenability;
      // A recursive function asks about itself: until known, it is unknown.
      returnThenability = 'unknown';
      // A generator, so that the first thenable return stops the type queries.
      returnThenability = combineUnionThenability(
        (function* () {
          for (const expression of returnExpressions) {
            yield askChecker<Thenability>('unknown', () => classifyReturnedValue(program, expression));
          }
        })(),
      );
      return returnThenability;
    },
  };
}

/**
 * `fail(message): never`, `assert(condition): asserts condition`: calls whose
 * purpose is to throw. The callee's declared signatures first: when none of
 * them returns `never` (or something its type arguments could make `never`)
 * or asserts, no call of it can, and the call need not be resolved
 * (overloads, inference over its arguments) for every call of every body.
 */
function isDeclaredToThrow(checker: ts.TypeChecker, call: ts.CallExpression): boolean {
  if (call.expression.kind !== ts.SyntaxKind.SuperKeyword && call.expression.kind !== ts.SyntaxKind.ImportKeyword) {
    const declared = checker.getTypeAtLocation(call.expression).getCallSignatures();
    if (declared.length > 0 && declared.every((signature) => !mayBeDeclaredToThrow(checker, signature))) return false;
  }
  const signature = checker.getResolvedSignature(call);
  if (signature === undefined) return false;
  if (tsutils.isTypeFlagSet(signature.getReturnType(), ts.TypeFlags.Never)) return true;
  const predicate = checker.getTypePredicateOfSignature(signature);
  return (
    predicate !== undefined &&
    (predicate.kind === ts.TypePredicateKind.AssertsIdentifier || predicate.kind === ts.TypePredicateKind.AssertsThis)
  );
}

function mayBeDeclaredToThrow(checker: ts.TypeChecker, signature: ts.Signature): boolean {
  const returned = checker.getReturnTypeOfSignature(signature);
  if (tsutils.isTypeFlagSet(returned, ts.TypeFlags.Never) || tsutils.isInstantiableType(returned)) return true;
  const predicate = checker.getTypePredicateOfSignature(signature);
  return predicate !== undefined && predicate.kind !== ts.TypePredicateKind.This && predicate.kind !== ts.TypePredicateKind.Identifier;
}

/**
 * A returned `void` is only certainly empty when it comes from a call whose
 * `void` is certain: `return hook()` with `hook: () => void` may hand back
 * the promise of an async function assigned to it, and `return invoke(cb)`
 * where `invoke` returns its callback's result has the same doubt, one call
 * further.
 */
function classifyReturnedValue(program: ts.Program, expression: ts.Expression): Thenability {
  const checker = program.getTypeChecker();
  const type = checker.getTypeAtLocation(expression);
  // `return response` where a callback assigned `response`: its narrowed `undefined` is no certainty.
  const thenability = classifyValueThenability(checker, expression, type);
  if (thenability !== 'not-thenable' || !tsutils.unionConstituents(type).some(tsutils.isIntrinsicVoidType)) {
    return thenability;
  }
  const call = skipParentheses(expression);
  if (!ts.isCallExpression(call)) return thenability;
  return isCertainlyVoidCall(program, call) ? thenability : 'unknown';
}

function isAwaitUsing(list: ts.VariableDeclarationList): boolean {
  // `AwaitUsing` is the `Using` and `Const` bits together: a plain `using` or `const` has only one.
  return tsutils.isNodeFlagSet(list, ts.NodeFlags.Using) && tsutils.isNodeFlagSet(list, ts.NodeFlags.Const);
}

/**
 * A React server action (`'use server'` at the top of its file or its
 * body): every call from the client is a network round trip, and the
 * framework requires it to be async, whatever its body does.
 */
export function isServerAction(declaration: FunctionWithBody): boolean {
  const hasDirective = (statements: readonly ts.Statement[]): boolean => {
    for (const statement of statements) {
      if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) return false;
      if (statement.expression.text === 'use server') return true;
    }
    return false;
  };
  return (
    hasDirective(declaration.getSourceFile().statements) ||
    (ts.isBlock(declaration.body) && hasDirective(declaration.body.statements))
  );
}

function skipParentheses(expression: ts.Expression): ts.Expression {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  return inner;
}
