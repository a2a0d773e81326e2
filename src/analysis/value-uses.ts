import * as tsutils from 'ts-api-utils';
import * as ts from 'typescript';

/**
 * The places where a function is used as a value rather than called: passed
 * as an argument, stored, returned, or bound with `.bind(…)` first
 * (`app.post('/orders', orders.list)`, `retry(loadDefaults)` in another
 * file, `handler.bind(context)`). Each is the expression whose contextual type
 * tells what the receiving side expects.
 *
 * `declaration` is the function's declaration, the variable it initialises,
 * or the class or object member holding it. Files other than its own are
 * searched only when `searchOtherFiles` (the function or its holder is
 * exported), and only those whose text holds the name.
 */
export function findValueUses(
  program: ts.Program,
  declaration: ts.Declaration,
  searchOtherFiles: boolean,
): ts.Expression[] {
  const name = ts.getNameOfDeclaration(declaration);
  if (name === undefined || !(ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name))) return [];
  const text = name.text;
  const checker = program.getTypeChecker();
  const ownFile = declaration.getSourceFile();
  const files = searchOtherFiles
    ? program
        .getSourceFiles()
        .filter(
          (file) =>
            file === ownFile ||
            (!file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && file.text.includes(text)),
        )
    : [ownFile];

  const uses: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) && node.text === text && node !== name) {
      const use = getValueUse(node);
      if (use !== undefined && refersTo(checker, node, declaration)) uses.push(use);
    }
    ts.forEachChild(node, visit);
  };
  for (const file of files) visit(file);
  return uses;
}

/**
 * The expression that carries the function on, for a name used as a value:
 * `fn`, `obj.fn`, or `fn.bind(x)` / `obj.fn.bind(x)`. `undefined` for a call
 * (`fn()`), a declaration's own name, an import or export specifier, and
 * other non-value positions.
 */
function getValueUse(name: ts.Identifier | ts.PrivateIdentifier): ts.Expression | undefined {
  const parent = name.parent;
  let expression: ts.Expression;
  if (ts.isPropertyAccessExpression(parent) && parent.name === name) expression = parent;
  else if (ts.isIdentifier(name) && isValuePosition(name)) expression = name;
  else return undefined;
  const user = expression.parent;
  if (ts.isCallExpression(user) && user.expression === expression) return undefined;
  if (ts.isPropertyAccessExpression(user) && user.expression === expression) {
    // `fn.bind(x)` hands on the same function; `fn.call(x)` and `fn.length` do not.
    const call = user.parent;
    return user.name.text === 'bind' && ts.isCallExpression(call) && call.expression === user ? call : undefined;
  }
  return expression;
}

/** An identifier that is read as a value (not a declaration name, label, type or property name). */
function isValuePosition(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return true;
  // The name a declaration introduces: a function, variable, parameter, property or member.
  if ((parent as ts.NamedDeclaration).name === identifier) return false;
  if (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent) || ts.isImportClause(parent)) return false;
  if (ts.isTypeReferenceNode(parent) || ts.isTypeQueryNode(parent) || ts.isQualifiedName(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === identifier) return false;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return false;
  return ts.isExpression(identifier);
}

function refersTo(checker: ts.TypeChecker, name: ts.Identifier | ts.PrivateIdentifier, declaration: ts.Declaration): boolean {
  let symbol = ts.isShorthandPropertyAssignment(name.parent)
    ? checker.getShorthandAssignmentValueSymbol(name.parent)
    : checker.getSymbolAtLocation(name);
  if (symbol !== undefined && tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Alias)) symbol = checker.getAliasedSymbol(symbol);
  return symbol?.declarations?.includes(declaration) ?? false;
}

/**
 * Whether code in other files can name the declaration: it (or the class,
 * or the `const` holding the object literal it belongs to) is exported, or it
 * is a global of a script.
 */
export function isReachableFromOtherFiles(checker: ts.TypeChecker, holder: ts.Declaration): boolean {
  const sourceFile = holder.getSourceFile();
  if (!ts.isExternalModule(sourceFile)) return true;
  const holderSymbol = getDeclaredSymbol(checker, holder);
  const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
  if (holderSymbol === undefined || moduleSymbol === undefined) return true;
  return checker.getExportsOfModule(moduleSymbol).some((exported) => {
    const target = tsutils.isSymbolFlagSet(exported, ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(exported) : exported;
    return target === holderSymbol;
  });
}

function getDeclaredSymbol(checker: ts.TypeChecker, declaration: ts.Declaration): ts.Symbol | undefined {
  const name = ts.getNameOfDeclaration(declaration);
  // `export default class {}` / `export default function () {}` have no name, and are exported.
  return name === undefined ? checker.getSymbolAtLocation(declaration) : checker.getSymbolAtLocation(name);
}
