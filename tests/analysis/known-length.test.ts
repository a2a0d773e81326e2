import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getKnownLength } from '../../src/analysis/known-length.js';
import { probeTyped } from './typed-probe.js';

/**
 * The known length of what every `probe: for (const _ of …)` loop in `code`
 * iterates, in order (a loop is a use that only reads the array).
 */
async function lengthsOfProbes(code: string): Promise<(number | undefined)[]> {
  const lengths: (number | undefined)[] = [];
  await probeTyped(code, ({ services, sourceCode }) => ({
    LabeledStatement(node: TSESTree.LabeledStatement) {
      if (node.label.name !== 'probe' || node.body.type !== AST_NODE_TYPES.ForOfStatement) return;
      lengths.push(getKnownLength(services, sourceCode, node.body.right));
    },
  }));
  return lengths;
}

describe('getKnownLength', () => {
  it('reads tuples, as const arrays and array literals', async () => {
    expect(
      await lengthsOfProbes(`
export function f(pair: [string, number], optional: readonly [string, string?], either: [1] | [1, 2, 3]) {
  probe: for (const _ of pair);
  probe: for (const _ of optional);
  probe: for (const _ of either);
  probe: for (const _ of ['a', 'b'] as const);
  probe: for (const _ of [1, , 3]);
  probe: for (const _ of [...pair, 'x']);
}`),
    ).toEqual([2, 2, 3, 2, 3, 3]);
  });

  it('does not follow a const stored in another variable', async () => {
    expect(
      await lengthsOfProbes(`
const stages = ['lint', 'build', 'test'];
const copy = stages;
export function f(): void {
  console.log(stages.length, stages[0], stages.map((stage) => stage.length), [...stages]);
  for (const stage of stages) console.log(stage);
  probe: for (const _ of stages);
}`),
    ).toEqual([undefined]);
  });

  it('reads the same const when its uses only read it', async () => {
    expect(
      await lengthsOfProbes(`
const stages = ['lint', 'build', 'test'];
export function f(): void {
  console.log(stages.length, stages[0], stages.map((stage, index) => stage.length + index), [...stages], stages.slice(1));
  for (const stage of stages) console.log(stage);
  probe: for (const _ of stages);
}`),
    ).toEqual([3]);
  });

  it('does not know the length of an array that may grow or is unbounded by type', async () => {
    expect(
      await lengthsOfProbes(`
const pushed = [1, 2];
pushed.push(3);
const spliced = [1, 2];
spliced.splice(0, 0, 5);
const emptied = [1, 2];
emptied.length = 0;
const indexed = [1, 2];
indexed[5] = 1;
const passed = [1, 2];
console.log(passed);
const aliased = [1, 2];
const other = aliased;
const throughCallback = [1, 2];
throughCallback.forEach((value, index, array) => array.push(value + index));
export const exported = [1, 2];
let reassignable = [1, 2];
reassignable = [3];
export function f(list: number[], rest: [string, ...number[]], unknownValue: any) {
  probe: for (const _ of pushed);
  probe: for (const _ of spliced);
  probe: for (const _ of emptied);
  probe: for (const _ of indexed);
  probe: for (const _ of passed);
  probe: for (const _ of aliased);
  probe: for (const _ of throughCallback);
  probe: for (const _ of exported);
  probe: for (const _ of reassignable);
  probe: for (const _ of list);
  probe: for (const _ of rest);
  probe: for (const _ of unknownValue);
  probe: for (const _ of other);
  probe: for (const _ of [...list]);
  probe: for (const _ of list as [number]);
}`),
    ).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      1,
    ]);
  });

  it('does not follow a top-level const of a script, which other scripts share', async () => {
    expect(await lengthsOfProbes(`const shared = [1, 2];\nprobe: for (const _ of shared);`)).toEqual([undefined]);
  });
});
