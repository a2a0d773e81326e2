import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getLoopIterationBound, type BoundableLoop } from '../../src/analysis/loop-bound.js';
import { probeTyped } from './typed-probe.js';

/** The bound of every loop labelled `probe:` in `code`, in order. */
async function boundsOfProbes(code: string): Promise<(number | undefined)[]> {
  const bounds: (number | undefined)[] = [];
  await probeTyped(code, ({ services, sourceCode }) => ({
    LabeledStatement(node: TSESTree.LabeledStatement) {
      const loop = node.body;
      if (
        node.label.name === 'probe' &&
        (loop.type === AST_NODE_TYPES.ForOfStatement ||
          loop.type === AST_NODE_TYPES.ForStatement ||
          loop.type === AST_NODE_TYPES.WhileStatement ||
          loop.type === AST_NODE_TYPES.DoWhileStatement)
      ) {
        bounds.push(getLoopIterationBound(services, sourceCode, loop satisfies BoundableLoop));
      }
    },
  }));
  return bounds;
}

describe('getLoopIterationBound', () => {
  it('bounds for…of by the known length of what it iterates', async () => {
    expect(
      await boundsOfProbes(`
export async function f(list: string[]) {
  probe: for (const x of ['a', 'b']) console.log(x);
  probe: for (const x of list) console.log(x);
  probe: for await (const x of ['a', 'b']) console.log(x);
}`),
    ).toEqual([2, undefined, undefined]);
  });

  it('counts for loops up and down, with literal, const and length bounds', async () => {
    expect(
      await boundsOfProbes(`
const LIMIT = 5;
const stages = ['a', 'b', 'c'];
export function f(pair: [number, number]) {
  probe: for (let i = 0; i < 3; i++) console.log(i);
  probe: for (let i = 1; i <= 3; i++) console.log(i);
  probe: for (let i = 0; i < LIMIT; i += 2) console.log(i);
  probe: for (let i = 0; stages.length > i; ++i) console.log(i);
  probe: for (let i = pair.length - 1; i >= 0; i--) console.log(i);
  probe: for (let i = 10; i < 3; i++) console.log(i);
}`),
    ).toEqual([3, 3, 3, 3, 2, 0]);
  });

  it('does not bound for loops it cannot count', async () => {
    expect(
      await boundsOfProbes(`
declare function more(): boolean;
export function f(n: number, list: number[]) {
  probe: for (let i = 0; i < n; i++) console.log(i);
  probe: for (let i = 0; i < list.length; i++) console.log(i);
  probe: for (let i = 0; i < 3; i++) i += list.length;
  probe: for (let i = 0; i < 3; i++) list.forEach(() => { i = 0; });
  probe: for (let i = 0; i < 3 && more(); i++) console.log(i);
  probe: for (let i = 0; i > 3; i++) console.log(i);
  probe: for (let i = 0; i < 3; i *= 2) console.log(i);
  probe: for (let i = 0; ; i++) if (i > 3) break;
  probe: for (let i = -list.length; i < 0; i++) console.log(i);
}`),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('bounds while and do…while loops whose counter steps on every pass', async () => {
    expect(
      await boundsOfProbes(`
export async function f() {
  let i = 0;
  probe: while (i < 4) {
    i++;
    await null;
  }
  let left = 3;
  probe: while (left > 0) {
    left -= 1;
  }
  let once = 10;
  probe: do {
    once++;
  } while (once < 3);
  let twice = 0;
  probe: while (twice < 4) {
    twice++;
    twice++;
  }
}`),
    ).toEqual([4, 3, 1, 4]);
  });

  it('does not bound while loops whose counter may not move', async () => {
    expect(
      await boundsOfProbes(`
declare function ready(): boolean;
let shared = 0;
export function bump() { shared++; }
export async function f() {
  let branch = 0;
  probe: while (branch < 3) {
    if (ready()) branch++;
  }
  let skipped = 0;
  probe: while (skipped < 3) {
    if (!ready()) continue;
    skipped++;
  }
  let callback = 0;
  probe: while (callback < 3) {
    callback++;
    setTimeout(() => { callback = 0; }, 0);
  }
  let outside = 0;
  outside = 2;
  probe: while (outside < 3) {
    outside++;
  }
  probe: while (shared < 3) {
    shared++;
  }
  let wrongWay = 0;
  probe: while (wrongWay < 3) {
    wrongWay--;
  }
  let never = 0;
  probe: while (never < 3) {
    await null;
  }
  let labelled = 0;
  probe: while (labelled < 3) {
    for (const x of [1]) {
      if (x) continue probe;
    }
    labelled++;
  }
}`),
    ).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
