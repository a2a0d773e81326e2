import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getResolvedSymbolAtLocation, resolveAlias } from '../../src/analysis/symbols.js';
import { findAll, parseWithTypes } from './in-memory-program.js';

const { ast, services, checker } = parseWithTypes({
  'main.ts': `
import { helper as renamed } from './reexport';
import * as helpers from './helpers';
import defaultHelper from './helpers';
function local() { return 0; }
export const uses = [renamed(), helpers.helper(), defaultHelper(), local()];
`,
  'reexport.ts': `export { helper } from './helpers';\n`,
  'helpers.ts': `export function helper() { return 1; }\nexport default function fallback() { return 2; }\n`,
});

/** Where the callee of each call of `uses` is declared, as `file:name`. */
function declarationsOfCallees(resolve: (node: ts.Node) => ts.Symbol | undefined): string[] {
  return findAll(ast, AST_NODE_TYPES.CallExpression).map((call) => {
    const callee = services.esTreeNodeToTSNodeMap.get(call).expression;
    const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
    const declaration = resolve(name)?.declarations?.[0];
    if (declaration === undefined) return 'none';
    const file = declaration.getSourceFile().fileName.replace(/^.*\//u, '');
    return `${file}:${ts.getNameOfDeclaration(declaration)?.getText() ?? ts.SyntaxKind[declaration.kind]}`;
  });
}

describe('symbols', () => {
  it('follows imports, renames and re-exports to the declaration', () => {
    expect(declarationsOfCallees((name) => getResolvedSymbolAtLocation(checker, name))).toEqual([
      'helpers.ts:helper',
      'helpers.ts:helper',
      'helpers.ts:fallback',
      'main.ts:local',
    ]);
  });

  it('is needed: the checker alone stops at the import', () => {
    expect(declarationsOfCallees((name) => checker.getSymbolAtLocation(name))).toEqual([
      'main.ts:renamed',
      'helpers.ts:helper',
      'main.ts:defaultHelper',
      'main.ts:local',
    ]);
  });

  it('gives any other symbol as it is, and nothing for nothing', () => {
    const local = findAll(ast, AST_NODE_TYPES.FunctionDeclaration)[0];
    const symbol = local && checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(local).name as ts.Identifier);
    expect(symbol).toBeDefined();
    expect(resolveAlias(checker, symbol)).toBe(symbol);
    expect(resolveAlias(checker, undefined)).toBeUndefined();
  });
});
