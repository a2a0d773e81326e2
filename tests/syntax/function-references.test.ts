import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type FunctionNode, isFunctionNode } from '../../src/syntax/function-node.js';
import {
  areAllCallersUnaffected,
  getReferencesIfAllKnown,
  hasCallerUsingPromise,
  isExported,
} from '../../src/syntax/function-references.js';
import { createInMemoryProgram, findAll } from '../analysis/in-memory-program.js';
import { lintProbe, type ProbeOptions } from '../lint-probe.js';

interface Answers {
  /** Each reference as `line:column text`, or `undefined` when they cannot all be known. */
  references: string[] | undefined;
  unaffected: boolean;
  usingPromise: boolean;
}

/**
 * Asks the reference helpers about every function of `code` marked by a
 * `/* name *\/` comment right before it (or before its method or `const`).
 */
function referencesOf(code: string, options: ProbeOptions = {}): Record<string, Answers> {
  const answers: Record<string, Answers> = {};
  lintProbe(code, (context) => {
    const { sourceCode } = context;
    const services = sourceCode.parserServices as Parameters<typeof getReferencesIfAllKnown>[0];
    const ast = sourceCode.ast;
    const functions: FunctionNode[] = [
      ...findAll(ast, AST_NODE_TYPES.FunctionDeclaration),
      ...findAll(ast, AST_NODE_TYPES.FunctionExpression),
      ...findAll(ast, AST_NODE_TYPES.ArrowFunctionExpression),
    ].filter(isFunctionNode);
    for (const node of functions) {
      const marker = sourceCode.getCommentsBefore(getHolder(node)).at(-1);
      if (marker === undefined) continue;
      answers[marker.value.trim()] = {
        references: getReferencesIfAllKnown(services, sourceCode, node)?.map(
          (reference) => `${reference.loc.start.line}:${reference.loc.start.column} ${sourceCode.getText(reference)}`,
        ),
        unaffected: areAllCallersUnaffected(services, sourceCode, node),
        usingPromise: hasCallerUsingPromise(services, sourceCode, node),
      };
    }
  }, options);
  return answers;
}

/** The node a marker comment precedes: the method, the `const` declaration or the function, or the export of either. */
function getHolder(node: FunctionNode): TSESTree.Node {
  if (node.parent.type === AST_NODE_TYPES.MethodDefinition || node.parent.type === AST_NODE_TYPES.Property) return node.parent;
  const declaration = node.parent.type === AST_NODE_TYPES.VariableDeclarator ? node.parent.parent : node;
  return declaration.parent.type === AST_NODE_TYPES.ExportNamedDeclaration ? declaration.parent : declaration;
}

describe('private method references', () => {
  const answers = referencesOf(`
export class Store {
  /* private */ async #load(key: string) { return key; }
  async read() {
    await this.#load('a');
    this.#load('b');
    return foo(this.#load('c')).#other;
  }
  #other = 1;
  pass() { return [this.#load]; }
}
export class Branded {
  /* brand checked */ async #check() { return 1; }
  static is(value: object) { return #check in value; }
}
export class Outer {
  /* redeclared inside */ async #run() { return 1; }
  go() {
    return class Inner { async #run() { return 2; } };
  }
}
export class Overloaded {
  #parse(text: string): Promise<number>;
  /* overloaded */ async #parse(text: string) { return Number(text); }
  async use() { await this.#parse('1'); }
}
export class Typed {
  /* ts private */ private async load() { return 1; }
  async use() { await this.load(); }
}
declare function foo(value: unknown): Store;
`);

  it('asks about every marked function', () => {
    expect(Object.keys(answers).sort()).toEqual(['brand checked', 'overloaded', 'private', 'redeclared inside', 'ts private']);
  });

  it('finds every this.#name in the class, also inside the object of another member', () => {
    expect(answers.private?.references).toEqual([
      '5:10 this.#load',
      '6:4 this.#load',
      '7:15 this.#load',
      '10:19 this.#load',
    ]);
  });

  it('gives up on a brand check, a nested class redeclaring the name and a TypeScript private', () => {
    expect(answers['brand checked']?.references).toBeUndefined();
    expect(answers['redeclared inside']?.references).toBeUndefined();
    expect(answers['ts private']?.references).toBeUndefined();
  });

  it('does not take an overload signature for a use', () => {
    expect(answers.overloaded?.references).toEqual(['25:22 this.#parse']);
  });

  it('tells callers that notice a synchronous function', () => {
    // `foo(this.#load('c'))` passes the promise on, and `[this.#load]` stores the method.
    expect(answers.private).toMatchObject({ unaffected: false, usingPromise: true });
    expect(answers.overloaded).toMatchObject({ unaffected: true, usingPromise: false });
    // Unknown references: no caller is known to be unaffected, none is known to use the promise.
    expect(answers['ts private']).toMatchObject({ unaffected: false, usingPromise: false });
  });
});

describe('module-private function references', () => {
  const answers = referencesOf(`
import { use } from './use';
/* helper */ async function helper() { return 1; }
/* arrow */ const arrow = async () => 2;
/* recursive */ const walk = async function self(n: number): Promise<number> { return n > 0 ? self(n - 1) : 0; };
/* chained */ async function chained() { return 3; }
/* exported */ export async function exported() { return 4; }
/* exported const */ export const exportedArrow = async () => 5;
/* exported by name */ async function byName() { return 6; }
export { byName };
export async function run() {
  await helper();
  helper();
  void helper();
  await arrow();
  await walk(2);
  chained().then(use);
  exported().then(use);
  await byName();
}
`);

  it('asks about every marked function', () => {
    expect(Object.keys(answers).sort()).toEqual(['arrow', 'chained', 'exported', 'exported by name', 'exported const', 'helper', 'recursive']);
  });

  it('lists the references of a function nothing outside the module can reach', () => {
    expect(answers.helper?.references).toEqual(['12:8 helper', '13:2 helper', '14:7 helper']);
    expect(answers.arrow?.references).toEqual(['15:8 arrow']);
    // The function's own name reaches it too.
    expect(answers.recursive?.references).toEqual(['16:8 walk', '5:94 self']);
  });

  it('gives up on exported functions, and reads an export by name as a use', () => {
    expect(answers.exported?.references).toBeUndefined();
    expect(answers['exported const']?.references).toBeUndefined();
    expect(answers['exported by name']?.references).toEqual(['10:9 byName', '19:8 byName']);
    expect(answers['exported by name']).toMatchObject({ unaffected: false, usingPromise: true });
  });

  it('tells callers that await or discard the result from those that use the promise', () => {
    expect(answers.helper).toMatchObject({ unaffected: true, usingPromise: false });
    // `self(n - 1)` is returned: its promise is used.
    expect(answers.recursive).toMatchObject({ unaffected: false, usingPromise: true });
    expect(answers.chained).toMatchObject({ unaffected: false, usingPromise: true });
  });

  // Bug: the doc says "where the references cannot all be known, only those this file shows are
  // read", but for an exported function no reference is read, so `exported().then(use)` above goes
  // unseen. no-trivial-await then offers `makeCalleeSynchronous` for `await exported()`, and taking
  // the suggestion breaks `exported().then(use)` in the same file.
  it.fails('reads the references this file shows when they cannot all be known', () => {
    expect(answers.exported?.usingPromise).toBe(true);
  });

  it('tells exported functions', () => {
    lintProbe('export function a() {}\nexport default function () {}\nexport const b = () => 1;\nfunction c() {}\nconst d = () => 1;\nexport { c, d };', (context) => {
      const functions = [
        ...findAll(context.sourceCode.ast, AST_NODE_TYPES.FunctionDeclaration),
        ...findAll(context.sourceCode.ast, AST_NODE_TYPES.ArrowFunctionExpression),
      ].sort((x, y) => x.range[0] - y.range[0]);
      expect(functions.map(isExported)).toEqual([true, true, true, false, false]);
    });
  });
});

describe('script globals', () => {
  // Whether a file is a script is the program's to say: ESLint parses every file as a module.
  it('gives up on a top-level function of a script, which other scripts may call', () => {
    const script = `
/* global */ async function shared() { return 1; }
/* global const */ const sharedArrow = async () => 2;
function main() {
  /* nested */ async function inner() { return 3; }
  return inner();
}
shared();
sharedArrow();
`;
    const answers = referencesOf(script, { program: createInMemoryProgram({ 'main.ts': script }) });
    expect(Object.keys(answers).sort()).toEqual(['global', 'global const', 'nested']);
    expect(answers.global?.references).toBeUndefined();
    expect(answers['global const']?.references).toBeUndefined();
    expect(answers.nested?.references).toEqual(['6:9 inner']);
    // The same text in a module: its top-level functions are its own.
    const module = `${script}export {};\n`;
    const inModule = referencesOf(module, { program: createInMemoryProgram({ 'main.ts': module }) });
    expect(inModule.global?.references).toEqual(['8:0 shared']);
  });
});
