import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  findAwaitPoints,
  getCommonAncestor,
  isReadBeforeWaitIntoValue,
  isUnconditionallyEvaluated,
  waitsBetween,
} from '../../src/syntax/await-points.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

function firstOf<Type extends AST_NODE_TYPES>(ast: TSESTree.Program, type: Type): Extract<TSESTree.Node, { type: Type }> {
  const [node] = findAll(ast, type);
  if (node === undefined) throw new Error(`no ${type}`);
  return node;
}

/** The right side of the first assignment, the first member expression in it (the read) and its first await. */
function partsOf(code: string): { right: TSESTree.Expression; read: TSESTree.Node | undefined; point: TSESTree.AwaitExpression } {
  const ast = parsePlain(code);
  const assignment = firstOf(ast, AST_NODE_TYPES.AssignmentExpression);
  const read = findAll(ast, AST_NODE_TYPES.MemberExpression).find((member) => member.range[0] >= assignment.right.range[0]);
  const point = firstOf(ast, AST_NODE_TYPES.AwaitExpression);
  return { right: assignment.right, read, point };
}

describe('findAwaitPoints', () => {
  it('finds await, for await and yield of the function, not of nested functions', () => {
    const ast = parsePlain(`
async function* f(xs: AsyncIterable<number>) {
  await a();
  for await (const x of xs) yield x;
  const later = async () => { await b(); };
  class C { async m() { await c(); } }
}
`);
    const fn = firstOf(ast, AST_NODE_TYPES.FunctionDeclaration);
    expect(findAwaitPoints(fn.body).map((point) => point.type)).toEqual([
      AST_NODE_TYPES.AwaitExpression,
      AST_NODE_TYPES.ForOfStatement,
      AST_NODE_TYPES.YieldExpression,
    ]);
  });
});

describe('isReadBeforeWaitIntoValue', () => {
  it.each([
    ['x.n = x.n + await f()', true],
    ['x.n = g(x.n, await f())', true],
    ['x.n = `${x.n}${await f()}`', true],
    ['x.n = (await f()) + x.n', false],
    ['x.n = x.n || await f()', false],
    ['x.n = x.n ? await f() : 0', false],
    ['x.n = (x.n, await f())', false],
    ['x.n = await f(x.n)', false],
  ])('%s: %s', (statement, expected) => {
    const { right, read, point } = partsOf(`async function h() { ${statement}; }`);
    if (read === undefined) throw new Error('no read');
    expect(isReadBeforeWaitIntoValue(read, point, right)).toBe(expected);
  });
});

describe('isUnconditionallyEvaluated', () => {
  it.each([
    ['x.n += await f()', true],
    ['x.n += 2 * g(await f())', true],
    ['x.n += c ? await f() : 0', false],
    ['x.n += c && await f()', false],
    ['x.n += c?.m(await f())', false],
  ])('%s: %s', (statement, expected) => {
    const { right, point } = partsOf(`async function h() { ${statement}; }`);
    expect(isUnconditionallyEvaluated(point, right)).toBe(expected);
  });
});

describe('waitsBetween', () => {
  function answer(body: string): boolean {
    const ast = parsePlain(`async function h(xs: AsyncIterable<number>, ok: boolean) { ${body} }`);
    const declarator = firstOf(ast, AST_NODE_TYPES.VariableDeclarator);
    const write = firstOf(ast, AST_NODE_TYPES.AssignmentExpression);
    const fn = firstOf(ast, AST_NODE_TYPES.FunctionDeclaration);
    return findAwaitPoints(fn.body).some((point) => waitsBetween(point, declarator, write));
  }

  it('sees an await between the read and the write', () => {
    expect(answer('const n = s.n; await save(); s.n = n + 1;')).toBe(true);
  });

  it('sees an await in the block that holds both, when that block returns after the write', () => {
    expect(answer('const n = s.n; const v = await load(); s.n = n + 1; return v;')).toBe(true);
  });

  it('sees the wait of a for await loop the write is in', () => {
    expect(answer('const n = s.n; for await (const x of xs) { s.n = n + x; }')).toBe(true);
  });

  it('sees the wait of a for await loop between the read and the write', () => {
    expect(answer('const n = s.n; for await (const x of xs) void x; s.n = n + 1;')).toBe(true);
    expect(answer('const n = s.n; if (ok) { for await (const x of xs) void x; return; } s.n = n + 1;')).toBe(false);
    expect(answer('const n = s.n; s.n = n + 1; for await (const x of xs) void x;')).toBe(false);
  });

  it('sees an await in a branch that goes on to the write', () => {
    expect(answer('const n = s.n; if (ok) { await save(); } s.n = n + 1;')).toBe(true);
  });

  it('leaves out an await in the other arm of an if', () => {
    expect(answer('const n = s.n; if (ok) { await save(); } else { s.n = n + 1; }')).toBe(false);
  });

  it('sees an await in the test of the if whose arm writes', () => {
    expect(answer('const n = s.n; if (await check()) { s.n = n + 1; }')).toBe(true);
  });

  it('leaves out an await in a branch that returns first', () => {
    expect(answer('const n = s.n; if (!ok) { await log(); return; } s.n = n + 1;')).toBe(false);
  });

  it('leaves out an await after the write or before the read', () => {
    expect(answer('await before(); const n = s.n; s.n = n + 1; await after();')).toBe(false);
  });
});

describe('getCommonAncestor', () => {
  it('gives the nearest node holding both', () => {
    const ast = parsePlain('const total = a + b * c;');
    const [a, , c] = findAll(ast, AST_NODE_TYPES.Identifier).filter((identifier) => identifier.name.length === 1);
    if (a === undefined || c === undefined) throw new Error('no identifiers');
    expect(getCommonAncestor(a, c)?.type).toBe(AST_NODE_TYPES.BinaryExpression);
  });
});
