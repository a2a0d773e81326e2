import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { forEachDescendant, forEachESTreeDescendant, someESTreeDescendant } from '../../src/syntax/walk.js';
import { parsePlain } from './plain-parse.js';

describe('forEachDescendant (TypeScript)', () => {
  const sourceFile = ts.createSourceFile('main.ts', 'function f() { return g(1); }\nconst x = 2;', ts.ScriptTarget.Latest, true);

  it('visits in source order and leaves out the children of a node when told', () => {
    const all: string[] = [];
    forEachDescendant(sourceFile, (node) => {
      if (ts.isIdentifier(node) || ts.isNumericLiteral(node)) all.push(node.text);
      return true;
    });
    expect(all).toEqual(['f', 'g', '1', 'x', '2']);

    const outsideFunctions: string[] = [];
    forEachDescendant(sourceFile, (node) => {
      if (ts.isIdentifier(node) || ts.isNumericLiteral(node)) outsideFunctions.push(node.text);
      return !ts.isFunctionDeclaration(node);
    });
    expect(outsideFunctions).toEqual(['x', '2']);
  });

  it('walks nesting deeper than the call stack allows a recursive walk', () => {
    const deep = ts.createSourceFile('deep.ts', `const s = ${Array.from({ length: 20_000 }, () => "'a'").join(' + ')};`, ts.ScriptTarget.Latest);
    let strings = 0;
    forEachDescendant(deep, (node) => {
      if (ts.isStringLiteral(node)) strings++;
      return true;
    });
    expect(strings).toBe(20_000);
  });
});

describe('forEachESTreeDescendant', () => {
  // Children come in the order of the node's keys, not always the source's (a function's body before its name).
  it('visits every node once, without going back up through `parent`, and leaves out the children of a node when told', () => {
    const ast = parsePlain('function f() { return g(1); }\nconst x = 2;');
    const names = (enter: (node: TSESTree.Node) => boolean): string[] => {
      const seen: string[] = [];
      forEachESTreeDescendant(ast, (node) => {
        if (node.type === AST_NODE_TYPES.Identifier) seen.push(node.name);
        if (node.type === AST_NODE_TYPES.Literal) seen.push(String(node.value));
        return enter(node);
      });
      return seen.sort();
    };
    expect(names(() => true)).toEqual(['1', '2', 'f', 'g', 'x']);
    expect(names((node) => node.type !== AST_NODE_TYPES.ReturnStatement)).toEqual(['2', 'f', 'x']);
  });
});

describe('someESTreeDescendant', () => {
  const ast = parsePlain('const a = 1;\nfunction f() { const b = 2; }\nconst c = 3;');
  const isNamed = (name: string) => (node: TSESTree.Node) => node.type === AST_NODE_TYPES.Identifier && node.name === name;

  it('finds a node, and stops walking at the first one found', () => {
    const visited: string[] = [];
    const found = someESTreeDescendant(ast, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) visited.push(node.name);
      return isNamed('b')(node) ? 'found' : 'descend';
    });
    expect(found).toBe(true);
    expect(visited.at(-1)).toBe('b');
    expect(visited).not.toContain('c');
  });

  it('leaves out a skipped subtree, and says when nothing was found', () => {
    const skipFunctions = (name: string) => (node: TSESTree.Node) =>
      node.type === AST_NODE_TYPES.FunctionDeclaration ? 'skip' : isNamed(name)(node) ? 'found' : 'descend';
    expect(someESTreeDescendant(ast, skipFunctions('b'))).toBe(false);
    expect(someESTreeDescendant(ast, skipFunctions('c'))).toBe(true);
    expect(someESTreeDescendant(ast, (node) => (isNamed('missing')(node) ? 'found' : 'descend'))).toBe(false);
  });

  it('can find the root itself', () => {
    expect(someESTreeDescendant(ast, (node) => (node === ast ? 'found' : 'descend'))).toBe(true);
  });
});
