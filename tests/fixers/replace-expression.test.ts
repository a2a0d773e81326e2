import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { replaceExpression, type UnwrapOptions } from '../../src/fixers/replace-expression.js';
import { findAll } from '../analysis/in-memory-program.js';
import { assertParses, fixWithProbe } from '../lint-probe.js';

/**
 * Replaces the first `await` of `code` by what it awaits, as no-trivial-await
 * does: the `v` of `Promise.resolve(v)`, else the operand itself. Returns the
 * fixed text, after checking that it parses.
 */
function unwrapFirstAwait(code: string, options?: UnwrapOptions): string {
  const output = fixWithProbe(code, (context) => {
    const [target] = findAll(context.sourceCode.ast, AST_NODE_TYPES.AwaitExpression);
    if (target === undefined) throw new Error('no await in the code');
    const replacement = getResolvedValue(target.argument) ?? target.argument;
    return (fixer) => replaceExpression(fixer, context.sourceCode, target, replacement, options);
  });
  assertParses(output);
  return output;
}

/** `v` of `Promise.resolve(v)` (any `a.b(v)`: the probe's code says which). */
function getResolvedValue(node: TSESTree.Expression): TSESTree.Expression | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const [argument] = node.arguments;
  return argument?.type === AST_NODE_TYPES.SpreadElement ? undefined : argument;
}

describe('replaceExpression', () => {
  it.each([
    // An operand below unary precedence, put where only a unary expression stood.
    ['x + await Promise.resolve(a || b);', 'x + (a || b);'],
    ['!await Promise.resolve(a ?? b);', '!(a ?? b);'],
    ['typeof await Promise.resolve(a ? b : c);', 'typeof (a ? b : c);'],
    ['x || await Promise.resolve(() => 1);', 'x || (() => 1);'],
    ['x + await Promise.resolve(a as number);', 'x + (a as number);'],
    ['await Promise.resolve(a || b) ? c : d;', '(a || b) ? c : d;'],
    // Unary level already: no parentheses.
    ['x + await Promise.resolve(a);', 'x + a;'],
    ['x + await Promise.resolve(f(a));', 'x + f(a);'],
    ['x + await Promise.resolve(-a);', 'x + -a;'],
    // Positions that take any assignment expression.
    ['const v = await Promise.resolve(a || b);', 'const v = a || b;'],
    ['return await Promise.resolve(a ? b : c);', 'return a ? b : c;'],
    ['f(await Promise.resolve(a || b));', 'f(a || b);'],
    ['x = { k: await Promise.resolve(a || b) };', 'x = { k: a || b };'],
    ['x = [await Promise.resolve(a || b)];', 'x = [a || b];'],
    ['x = `${await Promise.resolve(a || b)}`;', 'x = `${a || b}`;'],
    ['x = await Promise.resolve(y = 1);', 'x = y = 1;'],
    ['const f = async () => await Promise.resolve(a || b);', 'const f = async () => a || b;'],
    // The target's own parentheses stay and hold anything.
    ['(await Promise.resolve(a || b))();', '(a || b)();'],
    ['(await Promise.resolve(a || b)).c;', '(a || b).c;'],
    ['new (await Promise.resolve(make()))();', 'new (make())();'],
  ])('keeps precedence: %s', (code, output) => {
    expect(unwrapFirstAwait(code)).toBe(output);
  });

  it.each([
    ['x + await (a || b);', 'x + (a || b);'],
    ['f(await (a, b));', 'f((a, b));'],
    ['await (a, b);', '(a, b);'],
    ['x = await (a);', 'x = (a);'],
  ])('keeps the parentheses the replacement had: %s', (code, output) => {
    expect(unwrapFirstAwait(code)).toBe(output);
  });

  it.each([
    ['x + await Promise.resolve<number>(a || b);', 'x + ((a || b) as number);'],
    ['x + await Promise.resolve<number>(a);', 'x + (a as number);'],
    ['x + await Promise.resolve<number>((a));', 'x + ((a) as number);'],
    ['x -await Promise.resolve<number>(-y);', 'x -(-y as number);'],
    ['const v = await Promise.resolve<{ a: number }>({ a: 1 });', 'const v = ({ a: 1 } as { a: number });'],
    ['await Promise.resolve<{ a: number }>({ a: 1 });', '({ a: 1 } as { a: number });'],
    ['x = await /* c */ Promise.resolve<number>(a);', 'x = /* c */ (a as number);'],
    ['let a = b\nawait Promise.resolve<number>(c);', 'let a = b\n;(c as number);'],
  ])('wraps in `as T` with parentheses of its own: %j', (code, output) => {
    const typeText = /<(.+)>\(/u.exec(code)?.[1] ?? '';
    expect(unwrapFirstAwait(code, { asType: typeText })).toBe(output);
  });

  it.each([
    ['await Promise.resolve({ a: 1 });', '({ a: 1 });'],
    ['await Promise.resolve({ a: 1 }) + 1;', '({ a: 1 }) + 1;'],
    ['await Promise.resolve({ a: 1 }), x;', '({ a: 1 }), x;'],
    ['await Promise.resolve(function () {});', '(function () {});'],
    ['await Promise.resolve(async function () {});', '(async function () {});'],
    ['await Promise.resolve(class {});', '(class {});'],
    ['await Promise.resolve(let[0]);', '(let[0]);'],
    ['export default await Promise.resolve(function () {});', 'export default (function () {});'],
    ['const f = async () => await Promise.resolve({ a: 1 });', 'const f = async () => ({ a: 1 });'],
    ['const f = async () => await Promise.resolve({ a: 1 }) + 1;', 'const f = async () => ({ a: 1 }) + 1;'],
    // Not at the start: an object literal is an expression there.
    ['x, await Promise.resolve({ a: 1 });', 'x, { a: 1 };'],
    ['(await Promise.resolve({ a: 1 })).a;', '({ a: 1 }).a;'],
    ['const f = async () => x + await Promise.resolve({ a: 1 });', 'const f = async () => x + { a: 1 };'],
  ])('keeps a statement start or an arrow body an expression: %s', (code, output) => {
    expect(unwrapFirstAwait(code)).toBe(output);
  });

  it.each([
    ['let a = b\nawait Promise.resolve([1, 2]);', 'let a = b\n;[1, 2];'],
    ['let a = b\nawait (c || d);', 'let a = b\n;(c || d);'],
    ['let a = b\nawait Promise.resolve(`t`);', 'let a = b\n;`t`;'],
    ['let a = b\nawait Promise.resolve(-c);', 'let a = b\n;-c;'],
    ['let a = b\nawait Promise.resolve(<number>c);', 'let a = b\n;<number>c;'],
    ['let a = b\nawait Promise.resolve({ a: 1 });', 'let a = b\n;({ a: 1 });'],
    ['let a = b\nawait Promise.resolve([1, 2]) + 1;', 'let a = b\n;[1, 2] + 1;'],
    ['a++\nawait Promise.resolve([1, 2]);', 'a++\n;[1, 2];'],
    ['const o = {}\nawait Promise.resolve([1, 2]);', 'const o = {}\n;[1, 2];'],
    ['const o = function () {}\nawait Promise.resolve([1, 2]);', 'const o = function () {}\n;[1, 2];'],
    ['const g = () => {}\nawait Promise.resolve([1, 2]);', 'const g = () => {}\n;[1, 2];'],
    ['const K = class {}\nawait Promise.resolve([1, 2]);', 'const K = class {}\n;[1, 2];'],
    ['let a = b\nawait /* c */ [1, 2];', 'let a = b\n/* c */ ;[1, 2];'],
    // Nothing to continue: a `;`, a block, a declaration, a fresh body, a case label.
    ['let a = b;\nawait Promise.resolve([1, 2]);', 'let a = b;\n[1, 2];'],
    ['function g() {}\nawait Promise.resolve([1, 2]);', 'function g() {}\n[1, 2];'],
    ['export function g() {}\nawait Promise.resolve([1, 2]);', 'export function g() {}\n[1, 2];'],
    ['class K {}\nawait Promise.resolve([1, 2]);', 'class K {}\n[1, 2];'],
    ['if (a) {}\nawait Promise.resolve([1, 2]);', 'if (a) {}\n[1, 2];'],
    ['for (;;) {}\nawait Promise.resolve([1, 2]);', 'for (;;) {}\n[1, 2];'],
    ['try {} catch {}\nawait Promise.resolve([1, 2]);', 'try {} catch {}\n[1, 2];'],
    ['{\n  await Promise.resolve([1, 2]);\n}', '{\n  [1, 2];\n}'],
    ['switch (a) {\n  case 1:\n    await Promise.resolve([1, 2]);\n}', 'switch (a) {\n  case 1:\n    [1, 2];\n}'],
    // A `;` here would become the body of the `if` or the label.
    ['let a = b\nif (a) await Promise.resolve([1, 2]);', 'let a = b\nif (a) [1, 2];'],
    ['label: await Promise.resolve([1, 2]);', 'label: [1, 2];'],
    // Not at a statement start.
    ['let a = b\nconst c = await Promise.resolve([1, 2]);', 'let a = b\nconst c = [1, 2];'],
    ['let a = b\nexport default await Promise.resolve([1, 2]);', 'let a = b\nexport default [1, 2];'],
  ])('keeps apart a statement that would continue the one before: %j', (code, output) => {
    expect(unwrapFirstAwait(code)).toBe(output);
  });

  it.each([
    ['x = await /* cached */ n;', 'x = /* cached */ n;'],
    ['x = await Promise.resolve(/* cached */ n);', 'x = /* cached */ n;'],
    ['x = await Promise.resolve(n /* after */);', 'x = n /* after */;'],
    ['x = await Promise.resolve(n /* one */ /* two */);', 'x = n /* one */ /* two */;'],
    ['x = await // why\n  n;', 'x = // why\nn;'],
    ['x = await Promise.resolve(\n  n, // after\n);', 'x = n // after\n;'],
    ['x = await Promise.resolve(n // after\n) + 1;', 'x = n // after\n + 1;'],
    ['await /* c */ Promise.resolve({ a: 1 });', '/* c */ ({ a: 1 });'],
    [
      'const v = await Promise.resolve(\n  // @ts-expect-error untyped\n  untyped.value,\n);',
      'const v = // @ts-expect-error untyped\nuntyped.value;',
    ],
    [
      'const v = await Promise.resolve(\n  /* @ts-expect-error untyped */ untyped.value,\n);',
      'const v = /* @ts-expect-error untyped */ untyped.value;',
    ],
    // Comments outside the target are not the fix's business.
    ['x = /* before */ await n /* after */;', 'x = /* before */ n /* after */;'],
  ])('keeps comments in their place: %j', (code, output) => {
    expect(unwrapFirstAwait(code)).toBe(output);
  });

  it.each([
    ['x = a -await Promise.resolve(-y);', 'x = a - -y;'],
    ['x = a +await Promise.resolve(+y);', 'x = a + +y;'],
    ['x = a -await Promise.resolve(--y);', 'x = a - --y;'],
    ['x = a - await Promise.resolve(-y);', 'x = a - -y;'],
    ['x = a /await /re/u;', 'x = a / /re/u;'],
    ['x = a /await Promise.resolve(/re/u);', 'x = a / /re/u;'],
    ['x = a /await /* c */ b;', 'x = a / /* c */ b;'],
    ['x = a -await Promise.resolve(y);', 'x = a -y;'],
  ])('keeps signs and slashes from merging: %s', (code, output) => {
    expect(unwrapFirstAwait(code)).toBe(output);
  });
});
