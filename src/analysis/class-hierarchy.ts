import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker, cachePerSourceFile } from './cache.js';
import { askChecker } from './checker-guard.js';
import { getDeclaredMemberName } from '../syntax/member-name.js';
import { forEachDescendant } from '../syntax/walk.js';
import { resolveAlias } from './symbols.js';

/** Direct subclasses of each class symbol, over every source file of the program. */
interface SubclassIndex {
  built: boolean;
  subclasses: Map<ts.Symbol, ts.ClassLikeDeclaration[]>;
  /**
   * Member names of classes whose base we cannot name: mixins
   * (`class extends Base` of a parameter), `extends mixin(A)`, `extends Alias`.
   * Such a member may override a method of any class.
   */
  membersOverUnknownBases: Set<string>;
  /** One of them has a computed name, which could be any name. */
  computedMemberOverUnknownBase: boolean;
}

const subclassIndex = cachePerChecker(
  (): SubclassIndex => ({
    built: false,
    subclasses: new Map(),
    membersOverUnknownBases: new Set(),
    computedMemberOverUnknownBase: false,
  }),
);

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
  const name = getDeclaredMemberName(method);
  const ownerSymbol = getClassSymbol(checker, owner);
  if (ownerSymbol === undefined || name === undefined) return true;

  const index = buildSubclassIndex(program, checker);
  if (isDeclaredOverUnknownBase(index, name)) return true;
  // A computed member name could be any name.
  return someSubclassDeclares(checker, index, ownerSymbol, (memberName) => memberName === name || memberName === undefined);
}

/**
 * Whether a value of this type may still be a thenable at run time because a
 * class of the program that extends its class declares `then` (a query
 * builder whose `where(): this` returns the thenable subclass, or `await
 * this` in a base class), or a mixin declares one. Asked only before a report.
 */
export function mayBeMadeThenableBySubclass(program: ts.Program, checker: ts.TypeChecker, type: ts.Type): boolean {
  const index = buildSubclassIndex(program, checker);
  if (isDeclaredOverUnknownBase(index, 'then')) return true;
  return tsutils.unionConstituents(type).some((member) => {
    const classType = tsutils.isTypeParameter(member) ? (checker.getBaseConstraintOfType(member) ?? member) : member;
    const symbol = classType.getSymbol();
    return (
      symbol !== undefined &&
      tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Class) &&
      someSubclassDeclares(checker, index, symbol, (memberName) => memberName === 'then')
    );
  });
}

/** A mixin or a class over a base we cannot name declares this name (or a computed one). */
function isDeclaredOverUnknownBase(index: SubclassIndex, name: string): boolean {
  return index.computedMemberOverUnknownBase || index.membersOverUnknownBases.has(name);
}

/**
 * Whether some class of the program that extends `classSymbol` (directly or
 * not) declares a member whose name (`undefined` when computed) matches.
 */
function someSubclassDeclares(
  checker: ts.TypeChecker,
  index: SubclassIndex,
  classSymbol: ts.Symbol,
  matches: (memberName: string | undefined) => boolean,
): boolean {
  const seen = new Set<ts.Symbol>();
  const pending = [classSymbol];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (seen.has(current)) continue;
    seen.add(current);
    for (const subclass of index.subclasses.get(current) ?? []) {
      if (subclass.members.some((member) => member.name !== undefined && matches(getDeclaredMemberName(member)))) return true;
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
  const inherited = getInheritedMemberTypes(checker, method);
  return inherited === undefined || inherited.length > 0;
}

/**
 * The types of the members a class member implements or overrides: the
 * members of the same name in the base class (its instance type, or for a
 * static member its constructor) and in the implemented interfaces.
 * `undefined` when that cannot be told: a computed name, or a base the
 * checker cannot resolve.
 */
export function getInheritedMemberTypes(checker: ts.TypeChecker, member: ts.ClassElement): ts.Type[] | undefined {
  const owner = member.parent;
  if (!ts.isClassLike(owner)) return [];
  const name = getDeclaredMemberName(member);
  if (name === undefined) return undefined;
  const isStatic = ts.canHaveModifiers(member) && tsutils.includesModifier(ts.getModifiers(member), ts.SyntaxKind.StaticKeyword);
  const types: ts.Type[] = [];
  for (const clause of owner.heritageClauses ?? []) {
    if (isStatic && clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const heritage of clause.types) {
      const type = checker.getTypeAtLocation(isStatic ? heritage.expression : heritage);
      if (tsutils.isIntrinsicAnyType(type) || tsutils.isIntrinsicErrorType(type)) return undefined;
      const inherited = checker.getPropertyOfType(type, name);
      if (inherited !== undefined) types.push(checker.getTypeOfSymbol(inherited));
    }
  }
  return types;
}

function buildSubclassIndex(program: ts.Program, checker: ts.TypeChecker): SubclassIndex {
  const index = subclassIndex(checker);
  if (index.built) return index;
  index.built = true;
  const addSubclass = (baseSymbol: ts.Symbol, subclass: ts.ClassLikeDeclaration): void => {
    const list = index.subclasses.get(baseSymbol) ?? [];
    list.push(subclass);
    index.subclasses.set(baseSymbol, list);
  };
  for (const sourceFile of program.getSourceFiles()) {
    // Declaration files hold no bodies to run, and library classes are not ours to judge.
    if (sourceFile.isDeclarationFile || program.isSourceFileFromExternalLibrary(sourceFile)) continue;
    for (const node of getClassesWithHeritage(sourceFile)) {
      for (const clause of node.heritageClauses ?? []) {
        for (const heritage of clause.types) {
          // A base the checker fails on is one it cannot name.
          const bases = askChecker<ts.Symbol[] | 'unnamed' | undefined>('unnamed', () =>
            getBaseClassSymbols(checker, heritage.expression) ??
            (clause.token === ts.SyntaxKind.ExtendsKeyword &&
            !isDeclaredOnlyInLibraries(program, checker.getSymbolAtLocation(heritage.expression))
              ? 'unnamed'
              : undefined),
          );
          if (Array.isArray(bases)) {
            for (const baseSymbol of bases) addSubclass(baseSymbol, node);
          } else if (bases === 'unnamed') {
            // A base we cannot name (a mixin's parameter typed `new (...args: any[]) => {}`): it may be any class.
            for (const member of node.members) {
              if (member.name === undefined) continue;
              const memberName = getDeclaredMemberName(member);
              if (memberName === undefined) index.computedMemberOverUnknownBase = true;
              else index.membersOverUnknownBases.add(memberName);
            }
          }
        }
      }
    }
  }
  return index;
}

/**
 * The classes of a file with an `extends` or `implements` clause: syntax
 * alone, so found once per `ts.SourceFile` and kept across the programs an
 * editor makes after each edit (only the edited file is walked again). Which
 * classes the clauses name is asked of each program's own checker.
 */
const getClassesWithHeritage = cachePerSourceFile((sourceFile): ts.ClassLikeDeclaration[] => {
  const found: ts.ClassLikeDeclaration[] = [];
  // A file without either word has no heritage clause to find.
  if (!sourceFile.text.includes('extends') && !sourceFile.text.includes('implements')) return found;
  forEachDescendant(sourceFile, (node) => {
    if (ts.isClassLike(node) && node.heritageClauses !== undefined) found.push(node);
    return true;
  });
  return found;
});

function isDeclaredOnlyInLibraries(program: ts.Program, symbol: ts.Symbol | undefined): boolean {
  const declarations = symbol?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const file = declaration.getSourceFile();
      return file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file);
    })
  );
}

/**
 * The classes a heritage expression names: `extends Base`, `extends Alias`
 * (`const Alias = Base`), a mixin's `extends B` where `B: T` and
 * `T extends Constructor<Base>` (by the instance type its construct
 * signatures return), and `implements SomeClass` (a class used as an
 * interface). `undefined` when no class of the program can be named.
 */
function getBaseClassSymbols(checker: ts.TypeChecker, expression: ts.Expression): ts.Symbol[] | undefined {
  const direct = resolveAlias(checker, checker.getSymbolAtLocation(expression));
  if (direct !== undefined && isClassSymbol(direct)) return [direct];
  const type = checker.getTypeAtLocation(expression);
  const constructorType = tsutils.isTypeParameter(type) ? checker.getBaseConstraintOfType(type) : type;
  const instanceTypes = (constructorType ?? type)
    .getConstructSignatures()
    .map((signature) => checker.getReturnTypeOfSignature(signature));
  const symbols = instanceTypes.flatMap((instanceType) => {
    const symbol = instanceType.getSymbol();
    return symbol !== undefined && isClassSymbol(symbol) ? [symbol] : [];
  });
  return symbols.length > 0 ? symbols : undefined;
}

/** A class declaration, or a `const` holding a class expression (`getClassSymbol` keys both). */
function isClassSymbol(symbol: ts.Symbol): boolean {
  if (tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Class)) return true;
  return (
    symbol.declarations?.some(
      (declaration) =>
        ts.isVariableDeclaration(declaration) &&
        declaration.initializer !== undefined &&
        ts.isClassExpression(declaration.initializer),
    ) ?? false
  );
}

function getClassSymbol(checker: ts.TypeChecker, node: ts.ClassLikeDeclaration): ts.Symbol | undefined {
  if (node.name !== undefined) return resolveAlias(checker, checker.getSymbolAtLocation(node.name));
  // `const Named = class {…}`: the class is reached through the variable.
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent)) return resolveAlias(checker, checker.getSymbolAtLocation(parent.name));
  return undefined;
}
