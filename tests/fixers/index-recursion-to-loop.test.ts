import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { buildLoopFromIndexRecursion } from '../../src/fixers/index-recursion-to-loop.js';
import { getIndexRecursion } from '../../src/syntax/index-recursion.js';
import { probeTyped } from '../analysis/typed-probe.js';

/** The code with every index recursion that has a mechanical loop replaced by it (`null` for one without). */
async function rewrite(code: string): Promise<(string | null)[]> {
  const rewritten: (string | null)[] = [];
  await probeTyped(code, ({ sourceCode }) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const recursion = getIndexRecursion(sourceCode, node);
      if (recursion === undefined) return;
      const loop = buildLoopFromIndexRecursion(sourceCode, recursion);
      rewritten.push(loop === undefined ? null : code.slice(0, loop.range[0]) + loop.text + code.slice(loop.range[1]));
    },
  }));
  return rewritten;
}

describe('buildLoopFromIndexRecursion', () => {
  it('walks the array with for…of when the index only reads it', async () => {
    expect(
      await rewrite(`declare function save(value: string): Promise<void>;
export async function next(items: string[], i = 0): Promise<void> {
  if (i >= items.length) return;
  const value = items[i] ?? '';
  await save(value);
  await next(items, i + 1);
}
`),
    ).toEqual([
      `declare function save(value: string): Promise<void>;
export async function next(items: string[], i = 0): Promise<void> {
  for (const item of items.slice(i)) {
    const value = item ?? '';
    await save(value);
  }
}
`,
    ]);
  });

  it('counts with the index when the work uses it otherwise', async () => {
    expect(
      await rewrite(`declare function save(value: string, at: number): Promise<void>;
export async function next(items: string[], i: number): Promise<void> {
  if (items.length <= i) {
    return;
  }
  await save(items[i] ?? '', i);
  return next(items, i + 1);
}
`),
    ).toEqual([
      `declare function save(value: string, at: number): Promise<void>;
export async function next(items: string[], i: number): Promise<void> {
  for (; i < items.length; i++) {
    await save(items[i] ?? '', i);
  }
}
`,
    ]);
  });

  it('offers no loop where the rewrite would change what the code does', async () => {
    expect(
      await rewrite(`declare function save(value: string): Promise<void>;
declare function later(fn: () => void): void;
// The index is captured by a callback: each call had its own, the loop would share one.
export async function captured(items: string[], i: number): Promise<void> {
  if (i >= items.length) return;
  later(() => console.log(i));
  await captured(items, i + 1);
}
// A value is returned from the middle.
export async function early(items: string[], i: number): Promise<string | undefined> {
  if (i >= items.length) return;
  if (items[i] === 'stop') return items[i];
  return early(items, i + 1);
}
// Another argument changes on the way.
export async function accumulate(items: string[], i: number, total: number): Promise<void> {
  if (i >= items.length) return;
  console.log(items[i], total);
  await accumulate(items, i + 1, total + 1);
}
// No guard first: the walk is inside an if.
export async function unguarded(items: string[], i: number): Promise<void> {
  if (i < items.length) {
    await save(items[i] ?? '');
    await unguarded(items, i + 1);
  }
}
// The work reassigns a parameter.
export async function reassigns(items: string[], i: number): Promise<void> {
  if (i >= items.length) return;
  items = items.filter(Boolean);
  await save(items[i] ?? '');
  await reassigns(items, i + 1);
}
// The guard's array is computed.
export async function computed(i: number): Promise<void> {
  if (i >= load().length) return;
  await save(load()[i] ?? '');
  await computed(i + 1);
}
declare function load(): string[];
`),
    ).toEqual([null, null, null, null, null]);
  });
});
