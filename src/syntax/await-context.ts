import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

/**
 * Whether an `await` written at `node` would be valid: inside an `async`
 * function, or at the top level of a module whose compiler options allow
 * top-level await. Not in a class field initializer, a static block or a
 * namespace body, where `await` is never allowed, whatever surrounds them.
 */
export function canAwaitAt(program: ts.Program, sourceFile: ts.SourceFile, node: TSESTree.Node): boolean {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current != null; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        return current.async;
      case AST_NODE_TYPES.StaticBlock:
      case AST_NODE_TYPES.TSModuleBlock:
      case AST_NODE_TYPES.Decorator:
        return false;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
        if (current.value === child) return false;
        break;
      default:
        break;
    }
  }
  return allowsTopLevelAwait(program, sourceFile);
}

/**
 * Top-level `await` compiles: the file is a module, the target is ES2017 or
 * later, and it is emitted as an ES module (`module` es2022, esnext or
 * preserve, or node16…nodenext for a file Node treats as ESM). Anything the
 * options leave open means no.
 */
export function allowsTopLevelAwait(program: ts.Program, sourceFile: ts.SourceFile): boolean {
  if (!ts.isExternalModule(sourceFile)) return false;
  const options = program.getCompilerOptions();
  if (options.target !== undefined && options.target < ts.ScriptTarget.ES2017) return false;
  switch (options.module) {
    case ts.ModuleKind.ES2022:
    case ts.ModuleKind.ESNext:
      return true;
    case ts.ModuleKind.Preserve:
      return !/\.c[jt]sx?$/u.test(sourceFile.fileName);
    case ts.ModuleKind.Node16:
    case ts.ModuleKind.Node18:
    case ts.ModuleKind.Node20:
    case ts.ModuleKind.NodeNext:
      return sourceFile.impliedNodeFormat === ts.ModuleKind.ESNext;
    default:
      return false;
  }
}
