import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import type { CallbackNode } from '../../src/syntax/callback-nesting.js';
import { getFinalResult, getMovableNames, getThenLevel, getThenPyramid, readsBindingsOf } from '../../src/syntax/then-chain.js';
import { findAll } from '../analysis/in-memory-program.js';
import { withSourceCode } from '../lint-probe.js';
import { parsePlain } from './plain-parse.js';

/** Every arrow and function expression of an AST, in source order. */
function functionsOf(ast: TSESTree.Program): CallbackNode[] {
  return [...findAll(ast, AST_NODE_TYPES.ArrowFunctionExpression), ...findAll(ast, AST_NODE_TYPES.FunctionExpression)].sort(
    (a, b) => a.range[0] - b.range[0],
  );
}

describe('getThenLevel', () => {
  it('accepts `x.then(h)` and `x.then(h, r)`, nothing optional, computed or spread', () => {
    const found = functionsOf(
      parsePlain(`
        x.then(() => 1);
        x.then(() => 2, onError);
        x?.then(() => 3);
        x['then'](() => 4);
        x.then(onValue, () => 5);
        a?.b.then(() => 6);
        x.catch(() => 7);
      `),
    ).map((fn) => {
      const level = getThenLevel(fn);
      return level === undefined ? '-' : level.rejectionHandler === undefined ? 'then' : 'then+rejection';
    });
    expect(found).toEqual(['then', 'then+rejection', '-', '-', '-', '-', '-']);
  });
});

describe('getFinalResult', () => {
  it('gives a concise body, or the last `return value;`, and says whether the function returns earlier', () => {
    const [concise, block, early, nested, none] = functionsOf(
      parsePlain(`
        f((a) => a + 1);
        f((a) => { log(a); return a; });
        f((a) => { if (a) return 0; return a; });
        f((a) => { g(() => { return 1; }); return a; });
        f((a) => { log(a); });
      `),
    ).filter((fn) => fn.parent.type === AST_NODE_TYPES.CallExpression && fn.parent.callee.type === AST_NODE_TYPES.Identifier && fn.parent.callee.name === 'f');
    expect(concise && getFinalResult(concise)?.expression.type).toBe(AST_NODE_TYPES.BinaryExpression);
    expect(block && getFinalResult(block)).toMatchObject({ hasEarlyReturn: false, before: [{ type: AST_NODE_TYPES.ExpressionStatement }] });
    expect(early && getFinalResult(early)?.hasEarlyReturn).toBe(true);
    expect(nested && getFinalResult(nested)?.hasEarlyReturn).toBe(false);
    expect(none && getFinalResult(none)).toBeUndefined();
  });
});

describe('getThenPyramid', () => {
  it('walks up and down from any handler to the returned or awaited root', () => {
    const ast = parsePlain(`
      async function f() {
        return a().then((x) => b(x).then((y) => { log(y); return c(y).then((z) => z); }));
      }
      async function g() {
        const v = await a().then((x) => b(x).then((y) => y));
        await a().then((x) => x);
        void a().then((x) => b(x).then((y) => y));
      }
    `);
    const [x, y, z, gx, gy, sx, vx] = functionsOf(ast);
    const fromMiddle = y && getThenPyramid(y);
    expect(fromMiddle?.root.kind).toBe('return');
    expect(fromMiddle?.levels.map((level) => level.handler)).toEqual([x, y, z]);
    expect(gy && getThenPyramid(gy)?.root.kind).toBe('declare');
    expect(gx && getThenPyramid(gx)?.levels.length).toBe(2);
    expect(sx && getThenPyramid(sx)?.root.kind).toBe('await');
    // `void` is neither returned nor awaited.
    expect(vx && getThenPyramid(vx)).toBeUndefined();
  });
});

describe('readsBindingsOf and getMovableNames', () => {
  const code = `
    const shared = 1;
    async function f(input: number) {
      return a().then((x) => {
        const local = x;
        return b(local).then((y) => y + shared).then((w) => w + local);
      });
    }
    async function g() {
      return a().then((x) => b(x).then((x2) => x2));
    }
    async function h(x: number) {
      return a().then((x) => x);
    }
  `;

  it('tells whether an inner handler reads what the outer one declares', () => {
    withSourceCode(code, ({ sourceCode }) => {
      const [outer, y, w] = functionsOf(sourceCode.ast);
      expect(outer && y && readsBindingsOf(sourceCode, y, outer)).toBe(false);
      expect(outer && w && readsBindingsOf(sourceCode, w, outer)).toBe(true);
    });
  });

  it('gives the names handlers declare where none clashes, `undefined` where one would redeclare or shadow', () => {
    withSourceCode(code, ({ sourceCode }) => {
      const functions = functionsOf(sourceCode.ast);
      const returns = findAll(sourceCode.ast, AST_NODE_TYPES.ReturnStatement).filter(
        (statement) => statement.argument?.type === AST_NODE_TYPES.CallExpression && statement.parent.parent?.type === AST_NODE_TYPES.FunctionDeclaration,
      );
      const [fReturn, gReturn, hReturn] = returns;
      const [fx, , , gx, gx2, hx] = functions;
      expect(fx && fReturn && getMovableNames(sourceCode, [fx], fReturn)).toEqual(new Set(['x', 'local']));
      expect(gx && gx2 && gReturn && getMovableNames(sourceCode, [gx, gx2], gReturn)).toEqual(new Set(['x', 'x2']));
      // `h`'s own parameter `x` would be redeclared.
      expect(hx && hReturn && getMovableNames(sourceCode, [hx], hReturn)).toBeUndefined();
      // Two handlers that both declare `x`.
      expect(fx && gx && gReturn && getMovableNames(sourceCode, [fx, gx], gReturn)).toBeUndefined();
    });
  });
});
