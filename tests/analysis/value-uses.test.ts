import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findValueUses, isReachableFromOtherFiles } from '../../src/analysis/value-uses.js';
import { parseWithTypes } from './inMemoryProgram.js';

/** The declaration named `name` in the program's `main.ts` (a function, a variable, a class or a member). */
function declarationNamed(program: ts.Program, name: string): ts.Declaration {
  const file = program.getSourceFiles().find((candidate) => candidate.fileName.endsWith('/main.ts'));
  let found: ts.Declaration | undefined;
  const visit = (node: ts.Node): void => {
    const declared = ts.getNameOfDeclaration(node as ts.Declaration);
    if (found === undefined && declared !== undefined && ts.isIdentifier(declared) && declared.text === name) {
      found = node as ts.Declaration;
    }
    ts.forEachChild(node, visit);
  };
  if (file !== undefined) visit(file);
  if (found === undefined) throw new Error(`no declaration named ${name}`);
  return found;
}

/** Each use as `file: text`, in the order found. */
function describeUses(uses: ts.Expression[]): string[] {
  return uses.map((use) => `${use.getSourceFile().fileName.replace('/virtual-project/', '')}: ${use.getText()}`);
}

describe('findValueUses', () => {
  it('finds a function passed on, bound, stored and imported elsewhere, but not its calls', () => {
    const { program } = parseWithTypes({
      'main.ts': `
        export async function load() { return 1; }
        declare function retry(task: () => Promise<number>): void;
        retry(load);
        const bound = load.bind(null);
        const table = { load };
        await load();
        load.call(null);
      `,
      'other.ts': `
        import { load } from './main';
        declare function later(task: () => unknown): void;
        later(load);
        void load();
      `,
    });
    const declaration = declarationNamed(program, 'load');
    expect(describeUses(findValueUses(program, declaration, true))).toEqual([
      'main.ts: load',
      'main.ts: load.bind(null)',
      'main.ts: load',
      'other.ts: load',
    ]);
    expect(describeUses(findValueUses(program, declaration, false))).toHaveLength(3);
  });

  it('finds members through property access, and only members of that declaration', () => {
    const { program } = parseWithTypes({
      'main.ts': `
        const controller = { async list() { return []; } };
        const other = { async list() { return []; } };
        declare function route(handler: unknown): void;
        route(controller.list);
        route(other.list);
        controller.list();
      `,
    });
    const member = declarationNamed(program, 'list');
    expect(describeUses(findValueUses(program, member, false))).toEqual(['main.ts: controller.list']);
  });
});

describe('isReachableFromOtherFiles', () => {
  it('says whether the module exports the declaration (also by `export { … }`)', () => {
    const { program } = parseWithTypes({
      'main.ts': `
        export function shown() {}
        function listed() {}
        function hidden() {}
        export { listed };
      `,
    });
    const checker = program.getTypeChecker();
    expect(
      ['shown', 'listed', 'hidden'].map((name) => isReachableFromOtherFiles(checker, declarationNamed(program, name))),
    ).toEqual([true, true, false]);
  });

  it('treats a global of a script as reachable from every file', () => {
    const { program } = parseWithTypes({ 'main.ts': 'function helper() {}\n' });
    expect(isReachableFromOtherFiles(program.getTypeChecker(), declarationNamed(program, 'helper'))).toBe(true);
  });
});
