import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';
import { resolveAlias } from './symbols.js';
import { classifyThenability } from './thenable.js';

const answers = cachePerChecker(() => new WeakMap<ts.Node, boolean>());

/**
 * The function's promise is its public API's: an exported function, or a
 * public method of an exported class, whose declaration (or an overload
 * signature of it) states a promise return type in writing (`async close():
 * Promise<void>`), not one the checker inferred; an empty protected method
 * counts too, a hook for subclasses. Callers rightly await what
 * an API promises, and its next version may really wait; whether the
 * declaration needs `async` is judged once, at the declaration
 * (no-needless-async). A job-queue library's tests awaited such a `close()`
 * twelve times.
 */
export function isPromiseOfPublicApi(checker: ts.TypeChecker, declaration: ts.FunctionLikeDeclaration): boolean {
  const cache = answers(checker);
  let answer = cache.get(declaration);
  if (answer === undefined) {
    // Unknown counts as the API's: its callers are then left alone.
    answer = askChecker(true, () => isPublicApi(checker, declaration) && statesPromiseInWriting(checker, declaration));
    cache.set(declaration, answer);
  }
  return answer;
}

function statesPromiseInWriting(checker: ts.TypeChecker, declaration: ts.FunctionLikeDeclaration): boolean {
  const name = declaration.name;
  const symbol = name === undefined ? undefined : checker.getSymbolAtLocation(name);
  // The overload signatures are what callers see: `parse(text: string): Promise<number>;`.
  const signatures = [declaration, ...(symbol?.declarations ?? []).filter(ts.isFunctionLike)];
  return signatures.some(
    (signature) =>
      signature.type !== undefined &&
      classifyThenability(checker, checker.getTypeFromTypeNode(signature.type)) === 'thenable',
  );
}

function isPublicApi(checker: ts.TypeChecker, declaration: ts.FunctionLikeDeclaration): boolean {
  if (ts.isMethodDeclaration(declaration)) {
    const owner = declaration.parent;
    return (
      ts.isClassLike(owner) &&
      (isPublicMember(declaration) || isEmptyProtectedHook(declaration)) &&
      isExportedFromModule(checker, owner)
    );
  }
  if (ts.isFunctionDeclaration(declaration)) return isExportedFromModule(checker, declaration);
  // `export const stop = async (): Promise<void> => { … }`
  const holder = declaration.parent;
  return ts.isVariableDeclaration(holder) && holder.initializer === declaration && isExportedFromModule(checker, holder);
}

function isPublicMember(member: ts.MethodDeclaration): boolean {
  return (
    !ts.isPrivateIdentifier(member.name) &&
    !tsutils.includesModifier(ts.getModifiers(member), ts.SyntaxKind.PrivateKeyword, ts.SyntaxKind.ProtectedKeyword)
  );
}

/**
 * `protected async prepareRequest(request: RequestInit): Promise<void> {}`:
 * an empty protected method is a hook for subclasses to fill, and a subclass
 * outside the program may well wait in it (the openai client's request hook).
 * A protected method with a body is judged as written.
 */
function isEmptyProtectedHook(member: ts.MethodDeclaration): boolean {
  return (
    tsutils.includesModifier(ts.getModifiers(member), ts.SyntaxKind.ProtectedKeyword) &&
    member.body !== undefined &&
    member.body.statements.length === 0
  );
}

/**
 * Exported from its module: `export` written on it (`export default`
 * included), or named in the module's exports (`export { flushQueue as
 * flush }`, `export default shutdown`). A re-export elsewhere names one of
 * these. A class expression is exported as the variable it initialises.
 */
function isExportedFromModule(
  checker: ts.TypeChecker,
  declaration: ts.ClassLikeDeclaration | ts.FunctionDeclaration | ts.VariableDeclaration,
): boolean {
  if (ts.isClassExpression(declaration)) {
    return ts.isVariableDeclaration(declaration.parent) && isExportedFromModule(checker, declaration.parent);
  }
  const statement = ts.isVariableDeclaration(declaration) ? declaration.parent.parent : declaration;
  const modifiers = ts.canHaveModifiers(statement) ? ts.getModifiers(statement) : undefined;
  if (tsutils.includesModifier(modifiers, ts.SyntaxKind.ExportKeyword)) return true;
  const name = declaration.name;
  const symbol = name !== undefined && ts.isIdentifier(name) ? checker.getSymbolAtLocation(name) : undefined;
  const moduleSymbol = checker.getSymbolAtLocation(declaration.getSourceFile());
  if (symbol === undefined || moduleSymbol === undefined) return false;
  return checker.getExportsOfModule(moduleSymbol).some((exported) => resolveAlias(checker, exported) === symbol);
}
