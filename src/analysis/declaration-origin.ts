import ts from 'typescript';

/**
 * Where a declaration comes from: a `declare module "…"` block of a
 * declaration file (`@types/node` declares `fs`, `http`… this way), or the
 * standard library and the dependencies rather than the program itself.
 */

/** The name of the `declare module "…"` a declaration sits in. */
export function getAmbientModuleName(declaration: ts.Node): string | undefined {
  const module = ts.findAncestor(declaration.parent, (node) => ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name));
  return module !== undefined && ts.isModuleDeclaration(module) && ts.isStringLiteral(module.name) ? module.name.text : undefined;
}

/** Every declaration of the symbol is in a declaration file of the standard library or a dependency. */
export function isDeclaredInLibrary(program: ts.Program, symbol: ts.Symbol): boolean {
  const declarations = symbol.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const sourceFile = declaration.getSourceFile();
      return (
        sourceFile.isDeclarationFile &&
        (program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile))
      );
    })
  );
}
