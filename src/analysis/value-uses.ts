import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker, cachePerSourceFile } from './cache.js';
import { forEachDescendant } from '../syntax/walk.js';

/** A name as it appears in code: an identifier, a `#name`, or the string of `obj['name']`. */
type NameNode = ts.Identifier | ts.PrivateIdentifier | ts.StringLiteral;

interface NameIndex {
  /** Every name of one source file, by its text. */
  byText: Map<string, NameNode[]>;
  /** The local names of default imports (`import listUsers from './users'`). */
  defaultImports: ts.Identifier[];
}

/** The indexes of the program's own source files (not declaration files, not libraries), per checker. */
const programIndexes = cachePerChecker((): { indexes?: NameIndex[] } => ({}));

/**
 * The places where a function is used as a value rather than called, in
 * every source file of the program: passed as an argument, stored,
 * returned, or bound with `.bind(…)` first (`app.post('/orders',
 * orders.list)`, `retry(loadDefaults)` in another file,
 * `handler.bind(context)`, `router.get('/', controller['list'])`). Each is
 * the expression whose contextual type tells what the receiving side
 * expects. Names given by imports and exports (`export { load as
 * loadConfig }`, `import listUsers from './users'`) are followed.
 *
 * `declaration` is the function's declaration, the variable it initialises,
 * or the class or object member holding it. Each file's names are indexed
 * once (per `ts.SourceFile`, so across the programs an editor makes).
 */
export function findValueUses(program: ts.Program, declaration: ts.Declaration): ts.Expression[] {
  return findUses(program, declaration, getValueUse);
}

/**
 * The calls of a function in every source file of the program (`fn()`,
 * `obj.fn()`, `obj['fn']()`), under any name an import or export gives it;
 * `declaration` as for findValueUses.
 */
export function findCalls(program: ts.Program, declaration: ts.Declaration): ts.CallExpression[] {
  return findUses(program, declaration, getCall);
}

function findUses<Use extends ts.Expression>(
  program: ts.Program,
  declaration: ts.Declaration,
  pick: (name: NameNode) => Use | undefined,
): Use[] {
  const checker = program.getTypeChecker();
  const indexes = getNameIndexes(program, checker);
  const named = (name: string): NameNode[] => indexes.flatMap((index) => index.byText.get(name) ?? []);
  const names = new Set<string>();
  const declared = ts.getNameOfDeclaration(declaration);
  if (declared !== undefined && isNameNode(declared)) names.add(declared.text);
  if (isExportedAsDefault(declaration)) addDefaultImports(checker, indexes, declaration, names);

  // Follow renames: `export { load as loadConfig }`, `import { loadConfig as cfg }`, `export default load`.
  const pending = [...names];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    for (const node of named(name)) {
      const alias = getAliasName(node);
      if (alias === undefined || names.has(alias) || !refersTo(checker, node, declaration)) continue;
      names.add(alias);
      pending.push(alias);
      if (alias === 'default') {
        for (const added of addDefaultImports(checker, indexes, declaration, names)) pending.push(added);
      }
    }
  }

  const uses: Use[] = [];
  for (const name of names) {
    for (const node of named(name)) {
      if (node === declared) continue;
      const use = pick(node);
      if (use !== undefined && refersTo(checker, node, declaration)) uses.push(use);
    }
  }
  return uses;
}

function getNameIndexes(program: ts.Program, checker: ts.TypeChecker): NameIndex[] {
  const holder = programIndexes(checker);
  holder.indexes ??= program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file))
    .map(getFileNameIndex);
  return holder.indexes;
}

/**
 * Each file's names, by their text: syntax alone, so indexed once per
 * `ts.SourceFile` and kept across the programs an editor makes after each
 * edit (only the edited file is walked again). What a name refers to is
 * asked of each program's own checker.
 */
const getFileNameIndex = cachePerSourceFile((file): NameIndex => {
  const index: NameIndex = { byText: new Map(), defaultImports: [] };
  const visit = (node: ts.Node): boolean => {
    if (
      ts.isIdentifier(node) ||
      ts.isPrivateIdentifier(node) ||
      (ts.isStringLiteral(node) && ts.isElementAccessExpression(node.parent) && node.parent.argumentExpression === node)
    ) {
      const list = index.byText.get(node.text);
      if (list === undefined) index.byText.set(node.text, [node]);
      else list.push(node);
      if (ts.isIdentifier(node) && ts.isImportClause(node.parent) && node.parent.name === node) index.defaultImports.push(node);
    }
    return true;
  };
  forEachDescendant(file, visit);
  return index;
});

function isNameNode(node: ts.Node): node is NameNode {
  return ts.isIdentifier(node) || ts.isPrivateIdentifier(node) || ts.isStringLiteral(node);
}

/** `export default function () {}`, `export default class {}`. */
function isExportedAsDefault(declaration: ts.Declaration): boolean {
  const modifiers = ts.canHaveModifiers(declaration) ? ts.getModifiers(declaration) : undefined;
  return (
    tsutils.includesModifier(modifiers, ts.SyntaxKind.ExportKeyword) &&
    tsutils.includesModifier(modifiers, ts.SyntaxKind.DefaultKeyword)
  );
}

/** Adds the local names of default imports of the declaration; returns the new ones. */
function addDefaultImports(checker: ts.TypeChecker, indexes: NameIndex[], declaration: ts.Declaration, names: Set<string>): string[] {
  const added: string[] = [];
  for (const local of indexes.flatMap((index) => index.defaultImports)) {
    if (names.has(local.text) || !refersTo(checker, local, declaration)) continue;
    names.add(local.text);
    added.push(local.text);
  }
  return added;
}

/** The other name an import or export gives this one: `a` in `export { x as a }`, `default` in `export default x`. */
function getAliasName(node: NameNode): string | undefined {
  const parent = node.parent;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) {
    return parent.name.text;
  }
  if (ts.isExportAssignment(parent) && parent.expression === node && parent.isExportEquals !== true) return 'default';
  return undefined;
}

/**
 * The expression that carries the function on, for a name used as a value:
 * `fn`, `obj.fn`, `obj['fn']`, or any of them with `.bind(x)`. `undefined`
 * for a call (`fn()`), a declaration's own name, an import or export
 * specifier, and other non-value positions.
 */
function getValueUse(name: NameNode): ts.Expression | undefined {
  const expression = getNamingExpression(name);
  if (expression === undefined) return undefined;
  const user = expression.parent;
  if (ts.isCallExpression(user) && user.expression === expression) return undefined;
  if (ts.isPropertyAccessExpression(user) && user.expression === expression) {
    // `fn.bind(x)` hands on the same function; `fn.call(x)` and `fn.length` do not.
    const call = user.parent;
    return user.name.text === 'bind' && ts.isCallExpression(call) && call.expression === user ? call : undefined;
  }
  return expression;
}

/** The call a name is the callee of: `fn()`, `obj.fn()`, `obj['fn']()`. */
function getCall(name: NameNode): ts.CallExpression | undefined {
  const expression = getNamingExpression(name);
  const call = expression?.parent;
  return call !== undefined && ts.isCallExpression(call) && call.expression === expression ? call : undefined;
}

/** The expression a name reads: `fn`, `obj.fn`, `obj['fn']`; `undefined` where the name is no value. */
function getNamingExpression(name: NameNode): ts.Expression | undefined {
  const parent = name.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === name) return parent;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === name) return parent;
  if (ts.isIdentifier(name) && isValuePosition(name)) return name;
  return undefined;
}

/** An identifier that is read as a value (not a declaration name, label, type or property name). */
function isValuePosition(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  // The name a declaration introduces: a function, variable, parameter, property or member.
  if ((parent as ts.NamedDeclaration).name === identifier) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return false;
  if (ts.isExportAssignment(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent)) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return true;
}

function refersTo(checker: ts.TypeChecker, name: NameNode, declaration: ts.Declaration): boolean {
  let symbol = ts.isShorthandPropertyAssignment(name.parent)
    ? checker.getShorthandAssignmentValueSymbol(name.parent)
    : checker.getSymbolAtLocation(name);
  if (symbol !== undefined && tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Alias)) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.includes(declaration) ?? false;
}
