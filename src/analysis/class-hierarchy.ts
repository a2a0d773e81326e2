import * as tsutils from 'ts-api-utils';
import * as ts from 'typescript';

import { cachePerChecker } from './cache.js';

/** Direct subclasses of each class symbol, over every source file of the program. */
const subclassIndex = cachePerChecker(() => ({ built: false, subclasses: new Map<ts.Symbol, ts.ClassLikeDeclaration[]>() }));

/**
 * Whether some class of the program that extends the method's class (directly
 * or not) declares a member of the same name, so a call through the base type
 * may run the override instead. Abstract methods count as overridden. Code
 * outside the program (another package extending an exported class) is not
 * seen.
 */
export function isMethodOverriddenInProgram(
  program: ts.Program,
  checker: ts.TypeChecker,
  method: ts.MethodDeclaration,
): boolean {
  if (tsutils.includesModifier(ts.getModifiers(method), ts.SyntaxKind.AbstractKeyword)) return true;
  const owner = method.parent;
  if (!ts.isClassLike(owner)) return false;
  const name = method.name.getText();
  const ownerSymbol = getClassSymbol(checker, owner);
  if (ownerSymbol === undefined) return true;

  const index = buildSubclassIndex(program, checker);
  const seen = new Set<ts.Symbol>();
  const pending = [ownerSymbol];
  while (pending.length > 0) {
    const current = pending.pop();
    if (current === undefined || seen.has(current)) continue;
    seen.add(current);
    for (const subclass of index.get(current) ?? []) {
      if (subclass.members.some((member) => member.name?.getText() === name)) return true;
      const subclassSymbol = getClassSymbol(checker, subclass);
      if (subclassSymbol !== undefined) pending.push(subclassSymbol);
    }
  }
  return false;
}

/**
 * Whether the method implements or overrides a member its class inherits
 * (from `extends` or `implements`): then its signature is a contract, and
 * making it synchronous is not the caller's call.
 */
export function isInheritedMember(checker: ts.TypeChecker, method: ts.MethodDeclaration): boolean {
  const owner = method.parent;
  if (!ts.isClassLike(owner)) return false;
  const name = method.name.getText();
  return (owner.heritageClauses ?? []).some((clause) =>
    clause.types.some((heritage) => {
      const type = checker.getTypeAtLocation(heritage);
      return (
        tsutils.isIntrinsicAnyType(type) ||
        tsutils.isIntrinsicErrorType(type) ||
        checker.getPropertyOfType(type, name) !== undefined
      );
    }),
  );
}

function buildSubclassIndex(program: ts.Program, checker: ts.TypeChecker): Map<ts.Symbol, ts.ClassLikeDeclaration[]> {
  const index = subclassIndex(checker);
  if (index.built) return index.subclasses;
  index.built = true;
  const visit = (node: ts.Node): void => {
    if (ts.isClassLike(node)) {
      const base = node.heritageClauses
        ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
        ?.types[0]?.expression;
      const baseSymbol = base === undefined ? undefined : resolveAlias(checker, checker.getSymbolAtLocation(base));
      if (baseSymbol !== undefined) {
        const list = index.subclasses.get(baseSymbol) ?? [];
        list.push(node);
        index.subclasses.set(baseSymbol, list);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const sourceFile of program.getSourceFiles()) {
    // Declaration files hold no bodies to run, and library classes are not ours to judge.
    if (!sourceFile.isDeclarationFile && !program.isSourceFileFromExternalLibrary(sourceFile)) visit(sourceFile);
  }
  return index.subclasses;
}

function getClassSymbol(checker: ts.TypeChecker, node: ts.ClassLikeDeclaration): ts.Symbol | undefined {
  if (node.name !== undefined) return resolveAlias(checker, checker.getSymbolAtLocation(node.name));
  // `const Named = class {…}`: the class is reached through the variable.
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return resolveAlias(checker, checker.getSymbolAtLocation(parent.name));
  return undefined;
}

function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol !== undefined && tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(symbol) : symbol;
}
