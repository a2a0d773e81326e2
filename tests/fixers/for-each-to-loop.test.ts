import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  buildSequentialLoop,
  getForEachStatement,
  planConcurrentAll,
  type CollectionKind,
} from '../../src/fixers/for-each-to-loop.js';
import { probeTyped } from '../analysis/typed-probe.js';

interface Rewrites {
  sequential: string | null;
  concurrent: string | null;
}

/**
 * Both rewrites of every `x.forEach(async …)` statement in `code`, the kind
 * read from the receiver's name (`list…` array, `set…`, `map…`); the
 * sequential loop awaits an expression body and may await.
 */
async function rewrite(code: string): Promise<Rewrites[]> {
  const found: Rewrites[] = [];
  await probeTyped(code, ({ sourceCode }) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const [callback] = node.arguments;
      if (
        node.callee.type !== AST_NODE_TYPES.MemberExpression ||
        (callback?.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback?.type !== AST_NODE_TYPES.FunctionExpression) ||
        !callback.async
      ) {
        return;
      }
      const name = sourceCode.getText(node.callee.object);
      const kind: CollectionKind = name.startsWith('set') ? 'set' : name.startsWith('map') ? 'map' : 'array';
      const forEach = getForEachStatement(node, callback, kind);
      if (forEach === undefined) {
        found.push({ sequential: null, concurrent: null });
        return;
      }
      const loop = buildSequentialLoop(sourceCode, forEach, { awaitExpressionBody: true, canAwait: true });
      const edits = planConcurrentAll(sourceCode, forEach);
      let concurrent: string | null = null;
      if (edits !== undefined) {
        concurrent = sourceCode.text;
        for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
          concurrent = concurrent.slice(0, edit.range[0]) + edit.text + concurrent.slice(edit.range[1]);
        }
        concurrent = concurrent.slice(forEach.statement.range[0], concurrent.length - (sourceCode.text.length - forEach.statement.range[1]));
      }
      found.push({ sequential: loop ?? null, concurrent });
    },
  }));
  return found;
}

const header = `declare function save(value: unknown): Promise<void>;
declare const list: string[];
declare const setOfIds: Set<number>;
declare const mapOfCounts: Map<string, number>;
`;

describe('forEach rewrites', () => {
  it('gives each collection its loop head and its Promise.all', async () => {
    expect(
      await rewrite(`${header}
list.forEach(async (item) => { await save(item); });
list.forEach(async (item: string, index: number) => { await save([item, index]); });
list.forEach(async ({ length }) => { await save(length); });
setOfIds.forEach(async (id) => { await save(id); });
mapOfCounts.forEach(async (count, key) => { await save([key, count]); });
mapOfCounts.forEach(async (count) => { await save(count); });
export {};
`),
    ).toEqual([
      { sequential: 'for (const item of list) { await save(item); }', concurrent: 'await Promise.all(list.map(async (item) => { await save(item); }));' },
      {
        sequential: 'for (const [index, item] of list.entries()) { await save([item, index]); }',
        concurrent: 'await Promise.all(list.map(async (item: string, index: number) => { await save([item, index]); }));',
      },
      { sequential: 'for (const { length } of list) { await save(length); }', concurrent: 'await Promise.all(list.map(async ({ length }) => { await save(length); }));' },
      { sequential: 'for (const id of setOfIds) { await save(id); }', concurrent: 'await Promise.all(Array.from(setOfIds).map(async (id) => { await save(id); }));' },
      {
        sequential: 'for (const [key, count] of mapOfCounts) { await save([key, count]); }',
        concurrent: 'await Promise.all(Array.from(mapOfCounts).map(async ([key, count]) => { await save([key, count]); }));',
      },
      {
        sequential: 'for (const count of mapOfCounts.values()) { await save(count); }',
        concurrent: 'await Promise.all(Array.from(mapOfCounts.values()).map(async (count) => { await save(count); }));',
      },
    ]);
  });

  it('turns the callback’s own returns into continue, and awaits an expression body', async () => {
    expect(
      await rewrite(`${header}
list.forEach(async (item) => {
  if (!item) return;
  for (const letter of item) {
    if (letter === ' ') break;
  }
  [1].forEach(() => { return; });
  await save(item);
});
list.forEach(async (item) => save(item));
export {};
`),
    ).toEqual([
      {
        sequential: `for (const item of list) {
  if (!item) continue;
  for (const letter of item) {
    if (letter === ' ') break;
  }
  [1].forEach(() => { return; });
  await save(item);
}`,
        concurrent: `await Promise.all(list.map(async (item) => {
  if (!item) return;
  for (const letter of item) {
    if (letter === ' ') break;
  }
  [1].forEach(() => { return; });
  await save(item);
}));`,
      },
      { sequential: 'for (const item of list) {\n  await save(item);\n}', concurrent: 'await Promise.all(list.map(async (item) => save(item)));' },
    ]);
  });

  it('offers no loop where it would not be mechanical', async () => {
    const results = await rewrite(`${header}
// A return with a value.
list.forEach(async (item) => { if (item) return save(item); });
// A return inside a nested loop: continue would continue that loop.
list.forEach(async (item) => { for (const letter of item) { if (letter) return; } await save(item); });
// A var would move into the enclosing function.
list.forEach(async (item) => { var seen = item; await save(seen); });
// The receiver reads the name the loop declares.
const item = { list };
item.list.forEach(async (item) => { await save(item); });
// A default value, a rest parameter, a third parameter.
list.forEach(async (value = 'x') => { await save(value); });
list.forEach(async (...values) => { await save(values); });
list.forEach(async (value, index, all) => { await save([value, index, all]); });
// A function that reads its own this.
list.forEach(async function (this: unknown, value) { await save([this, value]); });
// Not a statement of its own, or optional.
void list.forEach(async (value) => { await save(value); });
list?.forEach(async (value) => { await save(value); });
export {};
`);
    expect(results.map((result) => result.sequential)).toEqual([null, null, null, null, null, null, null, null, null, null]);
    // Promise.all(map(…)) keeps the callback as it is: only the shapes it cannot take are refused.
    expect(results.map((result) => result.concurrent !== null)).toEqual([true, true, true, true, true, true, true, true, false, false]);
  });
});
