import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { skipChainExpression } from '../syntax/chain-expression.js';
import { getAsyncWrapperCallee } from './async-wrapper.js';
import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';
import { isDeclaredInLibrary } from './declaration-origin.js';
import { resolveCalledFunction, type FunctionWithBody } from './function-summary.js';
import { getResolvedSymbolAtLocation } from './symbols.js';
import { classifyExpressionThenability, classifyValueThenability } from './thenable.js';
import { forEachDescendant } from '../syntax/walk.js';

/**
 * Real I/O is where running work at the same time pays: an awaited call
 * whose promise is certain (the checker says thenable) and whose work is
 * outside this thread. We know that of two kinds of callee:
 * - a function or method the standard library or a dependency declares
 *   (`fetch`, `fs.readFile`, `client.query`, `redis.get`);
 * - a function of the program that itself awaits (or returns) such a call,
 *   directly or through other program functions (`loadUser` awaiting
 *   `db.users.findOne`).
 * `no-trivial-await`'s cases (an async wrapper around synchronous work) are
 * never real I/O. Anything else — a parameter typed `() => Promise<T>`, an
 * interface of the program with no body to read, `any` — is "don't know",
 * and a rule that needs certainty stays silent on it.
 */
export function isRealIoAwait(services: ParserServicesWithTypeInformation, operand: TSESTree.Expression): boolean {
  const call = skipChainExpression(operand);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  // The question no-trivial-await asks of the same operand: the answer is cached.
  if (classifyExpressionThenability(services, operand) !== 'thenable') return false;
  if (getAsyncWrapperCallee(services, call) !== undefined) return false;
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  return askChecker(false, () => isRealIoCall(services.program, tsCall, 0));
}

/** How many program functions deep the judgement follows calls; past it, "don't know". */
const MAX_DEPTH = 4;

const functionCache = cachePerChecker(() => new WeakMap<ts.Node, boolean>());

/** A call of a library function, or of a program function that does real I/O. */
function isRealIoCall(program: ts.Program, call: ts.CallExpression, depth: number): boolean {
  const checker = program.getTypeChecker();
  if (isLibraryCallee(program, call)) return true;
  if (depth >= MAX_DEPTH) return false;
  const declaration = resolveCalledFunction(checker, call);
  return declaration !== undefined && doesRealIo(program, declaration, depth + 1);
}

/** The callee's name resolves only to declarations of the standard library or a dependency. */
function isLibraryCallee(program: ts.Program, call: ts.CallExpression): boolean {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  const name = ts.isIdentifier(callee) ? callee : ts.isPropertyAccessExpression(callee) ? callee.name : undefined;
  if (name === undefined) return false;
  // `Promise.all(…)`, `Promise.race(…)`: combinators of other work, which is what to judge.
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'Promise') return false;
  const symbol = getResolvedSymbolAtLocation(program.getTypeChecker(), name);
  return symbol !== undefined && isDeclaredInLibrary(program, symbol);
}

/**
 * A program function awaits, or returns, a thenable call that is real I/O
 * (its own body only, not the functions nested in it). Cached per checker;
 * a recursive function asks about itself and meets "no" until known.
 */
function doesRealIo(program: ts.Program, declaration: FunctionWithBody, depth: number): boolean {
  const cache = functionCache(program.getTypeChecker());
  const cached = cache.get(declaration);
  if (cached !== undefined) return cached;
  cache.set(declaration, false);
  const answer = computeDoesRealIo(program, declaration, depth);
  cache.set(declaration, answer);
  return answer;
}

function computeDoesRealIo(program: ts.Program, declaration: FunctionWithBody, depth: number): boolean {
  const checker = program.getTypeChecker();
  const candidates: ts.Expression[] = [];
  const body = declaration.body;
  if (!ts.isBlock(body)) candidates.push(body);
  forEachDescendant(body, (node) => {
    if (node !== body && ts.isFunctionLike(node)) return false;
    if (ts.isAwaitExpression(node)) candidates.push(node.expression);
    else if (ts.isReturnStatement(node) && node.expression !== undefined) candidates.push(node.expression);
    return true;
  });
  return candidates.some((candidate) => {
    let expression = candidate;
    while (ts.isParenthesizedExpression(expression) || ts.isAwaitExpression(expression)) expression = expression.expression;
    if (!ts.isCallExpression(expression)) return false;
    if (classifyValueThenability(checker, expression, checker.getTypeAtLocation(expression)) !== 'thenable') return false;
    return isRealIoCall(program, expression, depth);
  });
}
