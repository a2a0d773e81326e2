import path from 'node:path';

import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/typescript-estree';
import { parseAndGenerateServices, simpleTraverse } from '@typescript-eslint/typescript-estree';
import * as ts from 'typescript';

/** The folder the in-memory files live in: `main.ts` is `<VIRTUAL_ROOT>/main.ts`. */
export const VIRTUAL_ROOT = path.resolve('/virtual-project');

export interface ParsedFile {
  ast: TSESTree.Program;
  services: ParserServicesWithTypeInformation;
  checker: ts.TypeChecker;
  program: ts.Program;
}

/**
 * A real TypeScript program of in-memory files (the standard library comes
 * from disk), with `compilerOptions` over the defaults (`lib` with the DOM's
 * `console`, say).
 */
export function createInMemoryProgram(files: Record<string, string>, compilerOptions: ts.CompilerOptions = {}): ts.Program {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
    strict: true,
    noEmit: true,
    types: [],
    ...compilerOptions,
  };
  const absolute = new Map(Object.entries(files).map(([name, text]) => [path.join(VIRTUAL_ROOT, name), text]));
  const host = ts.createCompilerHost(options, true);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (fileName) => absolute.get(fileName) ?? readFile(fileName);
  host.fileExists = (fileName) => absolute.has(fileName) || fileExists(fileName);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    const text = absolute.get(fileName);
    return text === undefined
      ? getSourceFile(fileName, languageVersion, ...rest)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  host.getCurrentDirectory = () => VIRTUAL_ROOT;
  // The virtual folders do not exist on disk, but module resolution asks for them.
  const directoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (directory) =>
    directory === VIRTUAL_ROOT ||
    [...absolute.keys()].some((fileName) => fileName.startsWith(`${directory}/`)) ||
    (directoryExists?.(directory) ?? false);
  // A file under `node_modules/` is a dependency: found by resolving an import, not a root of the program.
  const roots = [...absolute.keys()].filter((fileName) => !fileName.includes('/node_modules/'));
  return ts.createProgram(roots, options, host);
}

/**
 * Builds a real TypeScript program from in-memory files (the standard library
 * comes from disk) and parses `main.ts` with typescript-estree against it, so
 * analysis code gets the same parser services a rule gets.
 */
export function parseWithTypes(files: Record<string, string>, mainFile = 'main.ts'): ParsedFile {
  const program = createInMemoryProgram(files);
  const filePath = path.join(VIRTUAL_ROOT, mainFile);
  const code = files[mainFile] ?? '';
  const { ast, services } = parseAndGenerateServices(code, {
    filePath,
    programs: [program],
    range: true,
    loc: true,
    comment: true,
    tokens: true,
  });
  return { ast, services: services as ParserServicesWithTypeInformation, checker: program.getTypeChecker(), program };
}

/** Every node of the given type, in source order. */
export function findAll<Type extends AST_NODE_TYPES>(
  ast: TSESTree.Program,
  type: Type,
): Extract<TSESTree.Node, { type: Type }>[] {
  const found: Extract<TSESTree.Node, { type: Type }>[] = [];
  simpleTraverse(ast, {
    enter(node) {
      if (node.type === type) found.push(node as Extract<TSESTree.Node, { type: Type }>);
    },
  }, true);
  return found;
}

/** The initializer of `const <name> = …` in the parsed file. */
export function findInitializer(ast: TSESTree.Program, name: string): TSESTree.Expression {
  for (const declarator of findAll(ast, AST_NODE_TYPES.VariableDeclarator)) {
    if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init !== null) {
      return declarator.init;
    }
  }
  throw new Error(`no initialised const named ${name}`);
}
