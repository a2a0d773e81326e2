import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { isInheritedMember, isMethodOverriddenInProgram } from '../../src/analysis/class-hierarchy.js';
import { parseWithTypes } from './in-memory-program.js';

/** Every method declaration of the program's `main.ts`, by `Class.method`. */
function methodsOf(files: Record<string, string>): {
  methods: Map<string, ts.MethodDeclaration>;
  program: ts.Program;
  checker: ts.TypeChecker;
} {
  const { program, checker } = parseWithTypes(files);
  const methods = new Map<string, ts.MethodDeclaration>();
  const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('main.ts'));
  const visit = (node: ts.Node): void => {
    if (ts.isMethodDeclaration(node) && ts.isClassLike(node.parent)) {
      methods.set(`${node.parent.name?.text ?? '(anonymous)'}.${node.name.getText()}`, node);
    }
    ts.forEachChild(node, visit);
  };
  if (sourceFile !== undefined) visit(sourceFile);
  return { methods, program, checker };
}

describe('class hierarchy', () => {
  const { methods, program, checker } = methodsOf({
    'main.ts': `
import { Base } from './base';
interface Named { name(): string }
export class Middle extends Base implements Named {
  name() { return 'middle'; }
  load() { return 1; }
  own() { return 2; }
}
export abstract class Shape { abstract area(): number; describe() { return 'shape'; } }
`,
    'base.ts': `
export class Base { load() { return 0; } }
`,
    'leaf.ts': `
import { Middle } from './main';
export class Leaf extends Middle { override own() { return 3; } }
`,
  });
  const method = (name: string): ts.MethodDeclaration => {
    const found = methods.get(name);
    if (found === undefined) throw new Error(`no method ${name}`);
    return found;
  };

  it('finds overrides in other files of the program, through imports', () => {
    expect(isMethodOverriddenInProgram(program, checker, method('Middle.own'))).toBe(true);
    expect(isMethodOverriddenInProgram(program, checker, method('Middle.load'))).toBe(false);
    expect(isMethodOverriddenInProgram(program, checker, method('Shape.area'))).toBe(true);
    expect(isMethodOverriddenInProgram(program, checker, method('Shape.describe'))).toBe(false);
  });

  it('tells members that implement or override an inherited one', () => {
    expect(isInheritedMember(checker, method('Middle.name'))).toBe(true);
    expect(isInheritedMember(checker, method('Middle.load'))).toBe(true);
    expect(isInheritedMember(checker, method('Middle.own'))).toBe(false);
  });
});
