import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { getInheritedMemberTypes, isInheritedMember, isMethodOverriddenInProgram } from '../../src/analysis/class-hierarchy.js';
import { createEditorSession } from './editor-session.js';
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

describe('getInheritedMemberTypes', () => {
  const { program, checker } = parseWithTypes({
    'main.ts': `
import { Base } from './base';
interface Loader { load(): Promise<number>; size: number; describe(): string }
declare const key: string;
export class Child extends Base implements Loader {
  load() { return Promise.resolve(1); }
  size = 2;
  static create() { return new Child(); }
  static version = 2;
  static describe() { return 'child'; }
  describe() { return 'a child'; }
  fresh() { return 3; }
  [key]() { return 4; }
  ['run']() { return 5; }
}
// @ts-expect-error: the base does not exist
export class Orphan extends Missing { load() { return 6; } }
export class Loose extends (Base as any) { load() { return 7; } }
`,
    'base.ts': `
export class Base {
  load(): Promise<number> { return Promise.resolve(0); }
  run(): void {}
  static create(): Base { return new Base(); }
}
`,
  });
  const classes = new Map<string, ts.ClassDeclaration>();
  const sourceFile = program.getSourceFiles().find((file) => file.fileName.endsWith('/main.ts'));
  for (const statement of sourceFile?.statements ?? []) {
    if (ts.isClassDeclaration(statement) && statement.name !== undefined) classes.set(statement.name.text, statement);
  }
  /** The inherited types of `Class.member` (the member's text starts with `member`), as the checker prints them. */
  const inherited = (className: string, memberStart: string): string[] | undefined => {
    const member = classes.get(className)?.members.find((candidate) => candidate.getText().startsWith(memberStart));
    if (member === undefined) throw new Error(`no member ${memberStart} in ${className}`);
    return getInheritedMemberTypes(checker, member)?.map((type) => checker.typeToString(type));
  };

  it('finds the members of the base class and the implemented interfaces of the same name', () => {
    expect(inherited('Child', 'load')).toEqual(['() => Promise<number>', '() => Promise<number>']);
    expect(inherited('Child', 'size')).toEqual(['number']);
    expect(inherited('Child', 'fresh')).toEqual([]);
    // A computed name that is a literal is still that name.
    expect(inherited('Child', "['run']")).toEqual(['() => void']);
  });

  it('looks up a static member on the base constructor, and not in the interfaces', () => {
    expect(inherited('Child', 'static create')).toEqual(['() => Base']);
    expect(inherited('Child', 'static version')).toEqual([]);
    // An interface types instances: the static `describe` implements nothing, the instance one does.
    expect(inherited('Child', 'static describe')).toEqual([]);
    expect(inherited('Child', 'describe')).toEqual(['() => string']);
  });

  it('cannot tell for a computed name or a base the checker cannot resolve', () => {
    expect(inherited('Child', '[key]')).toBeUndefined();
    expect(inherited('Orphan', 'load')).toBeUndefined();
    expect(inherited('Loose', 'load')).toBeUndefined();
  });
});

describe('class hierarchy across the programs an editor makes', () => {
  it('sees an override added, removed and moved in other files, each edit a new program', () => {
    const session = createEditorSession({
      'main.ts': 'export class Base {\n  async run() {}\n  stop() {}\n}\n',
      'sub.ts': "import { Base } from './main';\nexport class Sub extends Base {}\n",
      'plain.ts': 'export const answer = 42;\n',
    });
    const overridden = (name: string): boolean => {
      const program = session.program();
      const base = session.sourceFile('main.ts').statements[0];
      if (base === undefined || !ts.isClassDeclaration(base)) throw new Error('no Base');
      const method = base.members.find((member) => member.name?.getText() === name);
      if (method === undefined || !ts.isMethodDeclaration(method)) throw new Error(`no ${name}`);
      return isMethodOverriddenInProgram(program, program.getTypeChecker(), method);
    };
    expect(overridden('run')).toBe(false);

    session.edit('sub.ts', "import { Base } from './main';\nexport class Sub extends Base {\n  async run() {}\n}\n");
    expect(overridden('run')).toBe(true);
    expect(overridden('stop')).toBe(false);

    // A subclass of the subclass, written in a file that had no class.
    session.edit('sub.ts', "import { Base } from './main';\nexport class Sub extends Base {}\n");
    session.edit('plain.ts', "import { Sub } from './sub';\nexport class Leaf extends Sub {\n  stop() {}\n}\n");
    expect(overridden('run')).toBe(false);
    expect(overridden('stop')).toBe(true);

    session.edit('plain.ts', 'export const answer = 42;\n');
    expect(overridden('stop')).toBe(false);
  });
});
