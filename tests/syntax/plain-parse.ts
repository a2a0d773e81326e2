import { parse, simpleTraverse, type TSESTree } from '@typescript-eslint/typescript-estree';

/** Parses TypeScript without types or scopes, with `parent` set on every node, for AST-only helpers. */
export function parsePlain(code: string): TSESTree.Program {
  const ast = parse(code, { range: true, loc: true });
  simpleTraverse(ast, { enter() {} }, true);
  return ast;
}
