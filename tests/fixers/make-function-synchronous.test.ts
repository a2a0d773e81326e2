import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { canMakeFunctionSynchronous, getAsyncToken, makeFunctionSynchronous } from '../../src/fixers/make-function-synchronous.js';
import { type FunctionNode, isFunctionNode } from '../../src/syntax/function-node.js';
import { findAll } from '../analysis/in-memory-program.js';
import { assertParses, fixWithProbe, lintProbe } from '../lint-probe.js';

/**
 * Makes the first async function of `code` (in source order) synchronous and
 * returns what `canMakeFunctionSynchronous` says and the fixed text (fixed
 * whatever it says), after checking that the text parses.
 */
function makeFirstAsyncSynchronous(code: string, fileName = 'main.ts'): { can: boolean; output: string } {
  let can = false;
  const output = fixWithProbe(
    code,
    (context) => {
      const node = findFirstAsyncFunction(context.sourceCode.ast);
      can = canMakeFunctionSynchronous(context.sourceCode, node);
      return (fixer) => makeFunctionSynchronous(fixer, context.sourceCode, node);
    },
    { fileName },
  );
  assertParses(output, { fileName });
  return { can, output };
}

function findFirstAsyncFunction(ast: TSESTree.Program): FunctionNode {
  const functions = [
    ...findAll(ast, AST_NODE_TYPES.FunctionDeclaration),
    ...findAll(ast, AST_NODE_TYPES.FunctionExpression),
    ...findAll(ast, AST_NODE_TYPES.ArrowFunctionExpression),
  ];
  const [first] = functions.filter((node) => isFunctionNode(node) && node.async).sort((a, b) => a.range[0] - b.range[0]);
  if (first === undefined) throw new Error('no async function in the code');
  return first;
}

describe('makeFunctionSynchronous', () => {
  it.each([
    ['async function f() { return 1; }', 'function f() { return 1; }'],
    ['export async function f(): Promise<number> { return 1; }', 'export function f(): number { return 1; }'],
    ['export default async function () { return 1; }', 'export default function () { return 1; }'],
    ['async function f(): Promise<number | string> { return 1; }', 'function f(): number | string { return 1; }'],
    ['async /* keep */ function f() {}', '/* keep */ function f() {}'],
    ['const f = async (a: number) => a;', 'const f = (a: number) => a;'],
    ['const f = async a => a;', 'const f = a => a;'],
    ['const f = async (): Promise<number> => 1;', 'const f = (): number => 1;'],
    ['const f = async (): Promise<() => void> => () => {};', 'const f = (): () => void => () => {};'],
    ['const f = async <T,>(x: T): Promise<T> => x;', 'const f = <T,>(x: T): T => x;'],
    ['items.map(async (x) => x);', 'items.map((x) => x);'],
    ['const f = async function (): Promise<void> {};', 'const f = function (): void {};'],
    ['class C { async m(): Promise<string> { return ""; } }', 'class C { m(): string { return ""; } }'],
    ['class C { static async m() {} }', 'class C { static m() {} }'],
    ['class C { @dec async ["m"]() {} }', 'class C { @dec ["m"]() {} }'],
    ['class C { @dec() async ["m"]() {} }', 'class C { @dec() ["m"]() {} }'],
    ['const o = { async m() { return 1; } };', 'const o = { m() { return 1; } };'],
    ['const o = { a, async [k]() { return 1; } };', 'const o = { a, [k]() { return 1; } };'],
  ])('drops `async` and unwraps `Promise<T>`: %s', (code, output) => {
    expect(makeFirstAsyncSynchronous(code)).toEqual({ can: true, output });
  });

  it.each([
    // A field without `;` would go on into `1[k]()`.
    ['class C {\n  x = 1\n  async [k]() {}\n}', 'class C {\n  x = 1\n  ;[k]() {}\n}'],
    ['class C {\n  y: string\n  async ["m"]() {}\n}', 'class C {\n  y: string\n  ;["m"]() {}\n}'],
    ['class C {\n  x = 1\n  async /* c */ [k]() {}\n}', 'class C {\n  x = 1\n  ;/* c */ [k]() {}\n}'],
    ['let a = b\nasync () => 1;', 'let a = b\n;() => 1;'],
    ['f()\nasync () => 1;', 'f()\n;() => 1;'],
    // Nothing to continue: a `;`, a method, a modifier or a name that is no `[`.
    ['class C {\n  x = 1;\n  async [k]() {}\n}', 'class C {\n  x = 1;\n  [k]() {}\n}'],
    ['class C {\n  m() {}\n  async [k]() {}\n}', 'class C {\n  m() {}\n  [k]() {}\n}'],
    ['class C {\n  static x = 1\n  static async [k]() {}\n}', 'class C {\n  static x = 1\n  static [k]() {}\n}'],
    ['class C {\n  x = 1\n  async m() {}\n}', 'class C {\n  x = 1\n  m() {}\n}'],
    ['let a = b;\nasync () => 1;', 'let a = b;\n() => 1;'],
  ])('keeps apart what follows from what came before: %j', (code, output) => {
    expect(makeFirstAsyncSynchronous(code)).toEqual({ can: true, output });
  });

  it.each([
    [
      'function parse(a: string): Promise<number>;\nfunction parse(a: number): Promise<number>;\nasync function parse(a: string | number): Promise<number> { return Number(a); }',
      'function parse(a: string): number;\nfunction parse(a: number): number;\nfunction parse(a: string | number): number { return Number(a); }',
    ],
    [
      'export function parse(a: string): Promise<number>;\nexport async function parse(a: string): Promise<number> { return Number(a); }',
      'export function parse(a: string): number;\nexport function parse(a: string): number { return Number(a); }',
    ],
    [
      // The static `load` is another method: its signature stays.
      'class C {\n  load(a: string): Promise<number>;\n  load(a: number): Promise<number>;\n  async load(a: string | number): Promise<number> { return Number(a); }\n  static load(): Promise<string>;\n  static load() { return Promise.resolve(""); }\n}',
      'class C {\n  load(a: string): number;\n  load(a: number): number;\n  load(a: string | number): number { return Number(a); }\n  static load(): Promise<string>;\n  static load() { return Promise.resolve(""); }\n}',
    ],
  ])('changes the overloads with the implementation: %j', (code, output) => {
    expect(makeFirstAsyncSynchronous(code)).toEqual({ can: true, output });
  });

  it.each([
    // An overload that returns no promise already: the signatures would no longer match.
    ['function parse(a: string): number;\nasync function parse(a: string): Promise<number> { return Number(a); }', 'main.ts'],
    // A `Promise` that is not the global one: its `T` is not what the function returns.
    ['import { Promise } from "bluebird";\nasync function f(): Promise<number> { return 1; }', 'main.ts'],
    ['type Promise<T> = globalThis.Promise<T>;\nasync function f(): Promise<number> { return 1; }', 'main.ts'],
    ['async function f(): globalThis.Promise<number> { return 1; }', 'main.ts'],
    // Checked JavaScript: the JSDoc type is the annotation, and it is not rewritten.
    ['/** @returns {Promise<number>} */\nasync function f() { return 1; }', 'checked.js'],
    ['/** @type {() => Promise<number>} */\nexport const f = async () => 1;', 'checked.js'],
    ['class C {\n  /** @return {Promise<number>} */\n  async m() { return 1; }\n}', 'checked.js'],
  ])('says no where the signatures cannot all follow: %j', (code, fileName) => {
    expect(makeFirstAsyncSynchronous(code, fileName).can).toBe(false);
  });

  it('leaves a non-global Promise annotation as it is', () => {
    expect(makeFirstAsyncSynchronous('type Promise<T> = globalThis.Promise<T>;\nasync function f(): Promise<number> { return 1; }')).toEqual({
      can: false,
      output: 'type Promise<T> = globalThis.Promise<T>;\nfunction f(): Promise<number> { return 1; }',
    });
  });

  it.each([
    // JSDoc without a type, and JSDoc in TypeScript (where it types nothing).
    ['/** Adds one. */\nasync function f(a) { return a + 1; }', 'checked.js', '/** Adds one. */\nfunction f(a) { return a + 1; }'],
    ['async function f() { return 1; }', 'checked.js', 'function f() { return 1; }'],
    ['/** @returns {Promise<number>} */\nasync function f() { return 1; }', 'main.ts', '/** @returns {Promise<number>} */\nfunction f() { return 1; }'],
  ])('reads JSDoc types only in JavaScript: %j in %s', (code, fileName, output) => {
    expect(makeFirstAsyncSynchronous(code, fileName)).toEqual({ can: true, output });
  });
});

describe('getAsyncToken', () => {
  it('finds `async` before a method key, after modifiers and decorators, and nowhere on an overload', () => {
    const code = 'class C {\n  @dec static async [k]() {}\n  m(): Promise<void>;\n  async m() {}\n}';
    const found: (string | undefined)[] = [];
    lintProbe(code, (context) => {
      for (const method of findAll(context.sourceCode.ast, AST_NODE_TYPES.MethodDefinition)) {
        const token = getAsyncToken(context.sourceCode, method.value);
        found.push(token === undefined ? undefined : `${token.value}@${token.loc.start.line}:${token.loc.start.column}`);
      }
    });
    expect(found).toEqual(['async@2:14', undefined, 'async@4:2']);
  });
});
