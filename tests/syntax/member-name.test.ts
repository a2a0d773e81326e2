import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getDeclaredMemberName, getStaticMemberName } from '../../src/syntax/member-name.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

const classCode = `
abstract class C {
  name() {}
  'quoted name'() {}
  ['computed']() {}
  [\`template\`]() {}
  1() {}
  0x10() {}
  [2]() {}
  #secret() {}
  [key]() {}
  [Symbol.iterator]() {}
  field = 1;
  abstract shape(): void;
}
`;

describe('getStaticMemberName', () => {
  it('gives the runtime name of class members, with `#` for a private one', () => {
    const ast = parsePlain(classCode);
    const members = [
      ...findAll(ast, AST_NODE_TYPES.MethodDefinition),
      ...findAll(ast, AST_NODE_TYPES.PropertyDefinition),
      ...findAll(ast, AST_NODE_TYPES.TSAbstractMethodDefinition),
    ].sort((a, b) => a.range[0] - b.range[0]);
    expect(members.map(getStaticMemberName)).toEqual([
      'name',
      'quoted name',
      'computed',
      // A template key is left unknown here (TypeScript's side reads it: see below).
      undefined,
      '1',
      '16',
      '2',
      '#secret',
      undefined,
      undefined,
      'field',
      'shape',
    ]);
  });

  it('reads object members the same way', () => {
    const ast = parsePlain('const o = { a: 1, "b"() {}, [c]: 2, 3: 4, ["d"]: 5 };');
    expect(findAll(ast, AST_NODE_TYPES.Property).map(getStaticMemberName)).toEqual(['a', 'b', undefined, '3', 'd']);
  });
});

describe('getDeclaredMemberName', () => {
  it('gives the same names for TypeScript class members', () => {
    const sourceFile = ts.createSourceFile('main.ts', classCode, ts.ScriptTarget.Latest, true);
    const classDeclaration = sourceFile.statements.find(ts.isClassDeclaration);
    expect(classDeclaration?.members.map(getDeclaredMemberName)).toEqual([
      'name',
      'quoted name',
      'computed',
      'template',
      '1',
      '16',
      '2',
      '#secret',
      undefined,
      undefined,
      'field',
      'shape',
    ]);
  });

  it('reads type members, and has no name for index signatures, call signatures and constructors', () => {
    const sourceFile = ts.createSourceFile(
      'main.ts',
      'interface I { a: number; "b"(): void; [key: string]: unknown; (): void; new (): I; 5?: string }\nclass K { constructor() {} }',
      ts.ScriptTarget.Latest,
      true,
    );
    const [typeDeclaration, classDeclaration] = sourceFile.statements as unknown as [ts.InterfaceDeclaration, ts.ClassDeclaration];
    expect(typeDeclaration.members.map(getDeclaredMemberName)).toEqual(['a', 'b', undefined, undefined, undefined, '5']);
    expect(classDeclaration.members.map(getDeclaredMemberName)).toEqual([undefined]);
  });
});
