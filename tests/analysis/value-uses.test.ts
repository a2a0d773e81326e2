import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';

import { findCalls, findValueUses } from '../../src/analysis/value-uses.js';
import { createEditorSession } from './editor-session.js';
import { parseWithTypes } from './in-memory-program.js';

/** The first declaration in `main.ts` that `matches` (by default: named `name`). */
function declarationIn(program: ts.Program, matches: (node: ts.Node) => boolean): ts.Declaration {
  const file = program.getSourceFiles().find((candidate) => candidate.fileName.endsWith('/main.ts'));
  let found: ts.Declaration | undefined;
  const visit = (node: ts.Node): void => {
    if (found === undefined && matches(node)) found = node as ts.Declaration;
    ts.forEachChild(node, visit);
  };
  if (file !== undefined) visit(file);
  if (found === undefined) throw new Error('no such declaration in main.ts');
  return found;
}

function named(name: string): (node: ts.Node) => boolean {
  return (node) => {
    const declared = ts.getNameOfDeclaration(node as ts.Declaration);
    return declared !== undefined && ts.isIdentifier(declared) && declared.text === name;
  };
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
    expect(describeUses(findValueUses(program, declarationIn(program, named('load'))))).toEqual([
      'main.ts: load',
      'main.ts: load.bind(null)',
      'main.ts: load',
      'other.ts: load',
    ]);
  });

  it('follows renamed exports and imports, and default imports', () => {
    const { program } = parseWithTypes({
      'main.ts': `
        async function readSettings() { return {}; }
        export { readSettings as loadConfig };
        export default async function () { return 2; }
      `,
      'other.ts': `
        import seed, { loadConfig as config } from './main';
        declare function retry(task: () => Promise<unknown>): void;
        retry(config);
        retry(seed);
      `,
    });
    expect(describeUses(findValueUses(program, declarationIn(program, named('readSettings'))))).toEqual([
      'other.ts: config',
    ]);
    const anonymous = declarationIn(program, (node) => ts.isFunctionDeclaration(node) && node.name === undefined);
    expect(describeUses(findValueUses(program, anonymous))).toEqual(['other.ts: seed']);
  });

  it('finds members through property and element access, and only members of that declaration', () => {
    const { program } = parseWithTypes({
      'main.ts': `
        const controller = { async list() { return []; } };
        const other = { async list() { return []; } };
        declare function route(handler: unknown): void;
        route(controller.list);
        route(controller['list']);
        route(other.list);
        controller.list();
      `,
    });
    expect(describeUses(findValueUses(program, declarationIn(program, named('list'))))).toEqual([
      'main.ts: controller.list',
      "main.ts: controller['list']",
    ]);
  });

  it('sees each edit of another file across the programs an editor makes, and only that file is new', () => {
    const session = createEditorSession({
      'main.ts': 'export async function load() { return 1; }\n',
      'other.ts': "import { load } from './main';\ndeclare function later(task: () => unknown): void;\nlater(load);\n",
      'third.ts': "import { load } from './main';\nvoid load();\n",
    });
    const usesNow = (): string[] => {
      const program = session.program();
      return describeUses(findValueUses(program, declarationIn(program, named('load'))));
    };
    expect(usesNow()).toEqual(['other.ts: load']);
    const otherBefore = session.sourceFile('other.ts');

    // A use added in a third file is found, and the untouched file is the same SourceFile.
    session.edit('third.ts', "import { load as cached } from './main';\nconst tasks = [cached];\n");
    expect(usesNow()).toEqual(['other.ts: load', 'third.ts: cached']);
    expect(session.sourceFile('other.ts')).toBe(otherBefore);

    // A use removed is gone, a call written instead is no use.
    session.edit('other.ts', "import { load } from './main';\nawait load();\n");
    expect(usesNow()).toEqual(['third.ts: cached']);

    // The declaring file edited: the new declaration's uses, under its new name.
    session.edit('main.ts', 'export async function fetchAll() { return 1; }\nexport const load = fetchAll;\n');
    const program = session.program();
    expect(describeUses(findValueUses(program, declarationIn(program, named('fetchAll'))))).toEqual(['main.ts: fetchAll']);
    expect(usesNow()).toEqual(['third.ts: cached']);
  });
});

describe('findCalls', () => {
  it('finds the calls of a function and of a member, under imported names, but not its value uses', () => {
    const { program } = parseWithTypes({
      'main.ts': `
        export async function load() { return 1; }
        export class Runner {
          async release() {}
          end() { return this.release(); }
          drop() { this['release'](); }
        }
        await load();
        const bound = load.bind(null);
        load.call(null);
      `,
      'other.ts': `
        import { load as fetchAll, Runner } from './main';
        void fetchAll();
        new Runner().release();
      `,
    });
    expect(describeUses(findCalls(program, declarationIn(program, named('load'))))).toEqual([
      'main.ts: load()',
      'other.ts: fetchAll()',
    ]);
    expect(describeUses(findCalls(program, declarationIn(program, named('release'))))).toEqual([
      'main.ts: this.release()',
      "main.ts: this['release']()",
      'other.ts: new Runner().release()',
    ]);
  });
});
