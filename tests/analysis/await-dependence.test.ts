import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  findLoopDependence,
  getCollectedResults,
  getLoopAwaits,
  usesDeclaredValues,
} from '../../src/analysis/await-dependence.js';
import { probeTyped } from './typed-probe.js';

/** For every loop of `code`: its first body line, and the dependence found (or the count of `continue`s it may rewrite). */
async function judgeLoops(code: string): Promise<[string, string][]> {
  const judged: [string, string][] = [];
  await probeTyped(code, ({ sourceCode }) => ({
    'ForOfStatement, ForStatement'(loop: TSESTree.ForOfStatement | TSESTree.ForStatement) {
      if (getEnclosingLoop(loop) !== undefined) return;
      const collected = getCollectedResults(sourceCode, loop);
      const counter =
        loop.type === AST_NODE_TYPES.ForStatement && loop.init?.type === AST_NODE_TYPES.VariableDeclaration
          ? sourceCode.getDeclaredVariables(loop.init.declarations[0] as TSESTree.VariableDeclarator)[0]
          : undefined;
      const answer = findLoopDependence(sourceCode, loop, collected, counter);
      const first = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body[0] : loop.body;
      judged.push([
        first === undefined ? '' : sourceCode.getText(first),
        typeof answer === 'string' ? answer : `independent${collected === undefined ? '' : ', collected'}, ${String(answer.continues.length)} continue`,
      ]);
    },
  }));
  return judged;
}

function getEnclosingLoop(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current != null; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForStatement) return current;
  }
  return undefined;
}

const PRELUDE = `
declare function load(id: string): Promise<{ id: string; next?: string; ok: boolean; size: number }>;
declare function page(cursor?: string): Promise<{ items: string[]; next?: string }>;
`;

describe('findLoopDependence', () => {
  it('finds values carried from one pass to the next', async () => {
    expect(
      await judgeLoops(`${PRELUDE}
export async function f(ids: string[]) {
  let total = 0;
  let cursor: string | undefined;
  const seen = new Set<string>();
  const state = { last: '' };
  for (const id of ids) { total += (await load(id)).size; }
  for (const id of ids) { const result = await page(cursor); cursor = result.next; }
  for (const id of ids) { if (seen.has(id)) continue; seen.add(id); await load(id); }
  for (const id of ids) { state.last = (await load(id)).id; }
  for (let i = 0; i < ids.length; i++) { await load(ids[i] ?? ''); i += 1; }
  for (const id of ids) { var kept = await load(id); }
  return [total, kept];
}`),
    ).toEqual([
      ['total += (await load(id)).size;', 'carried-write'],
      ['const result = await page(cursor);', 'carried-write'],
      ['if (seen.has(id)) continue;', 'shared-mutation'],
      ['state.last = (await load(id)).id;', 'shared-mutation'],
      ["await load(ids[i] ?? '');", 'carried-write'],
      ['var kept = await load(id);', 'function-scoped-var'],
    ]);
  });

  it('finds exits, and exits decided by an awaited result', async () => {
    expect(
      await judgeLoops(`${PRELUDE}
export async function f(ids: string[]) {
  for (const id of ids) { const result = await load(id); if (result.ok) break; }
  for (const id of ids) { const result = await load(id); if (result.ok) return result; }
  for (const id of ids) { const result = await load(id); const fine = result.ok; if (!fine) continue; console.log(fine); }
  for (const id of ids) { try { await load(id); } catch { continue; } }
  for (const id of ids) { const result = await load(id); if (!result.ok) throw new Error(result.id); }
  for (const item of [{ id: '', size: 0 }]) { item.size = (await load(item.id)).size; if (item.size === 0) continue; console.log(item); }
  outer: for (const id of ids) { for (const part of id) { if (part === '') continue outer; } await load(id); }
  return undefined;
}`),
    ).toEqual([
      ['const result = await load(id);', 'exit'],
      ['const result = await load(id);', 'exit'],
      ['const result = await load(id);', 'dependent-exit'],
      ['try { await load(id); } catch { continue; }', 'dependent-exit'],
      ['const result = await load(id);', 'dependent-exit'],
      ['item.size = (await load(item.id)).size;', 'dependent-exit'],
      ["for (const part of id) { if (part === '') continue outer; }", 'exit'],
    ]);
  });

  it('takes passes that only read the outside, write their own item, and skip or fail before awaiting', async () => {
    expect(
      await judgeLoops(`${PRELUDE}
export async function f(ids: string[], items: { id: string; status: string }[], prefix: string) {
  for (const id of ids) { const result = await load(prefix + id); console.log(result.size); }
  for (const item of items) { item.status = (await load(item.id)).id; }
  for (const id of ids) { if (id === '') continue; await load(id); }
  for (const item of items) { if (item.id === '') continue; item.status = (await load(item.id)).id; }
  for (const id of ids) { if (id.length > 9) throw new Error(id); await load(id); }
  for (let i = 0; i < ids.length; i++) { await load(ids[i] ?? ''); }
  for (const id of ids) { for (const part of id.split('/')) { if (part === '') break; } await load(id); }
  const results = [];
  for (const id of ids) { const result = await load(id); results.push(result.size); }
  return results;
}`),
    ).toEqual([
      ['const result = await load(prefix + id);', 'independent, 0 continue'],
      ['item.status = (await load(item.id)).id;', 'independent, 0 continue'],
      ["if (id === '') continue;", 'independent, 1 continue'],
      ["if (item.id === '') continue;", 'independent, 1 continue'],
      ['if (id.length > 9) throw new Error(id);', 'independent, 0 continue'],
      ["await load(ids[i] ?? '');", 'independent, 0 continue'],
      ["for (const part of id.split('/')) { if (part === '') break; }", 'independent, 0 continue'],
      ['const result = await load(id);', 'independent, collected, 0 continue'],
    ]);
  });

  it('takes a push that is not the one collected result for a shared mutation', async () => {
    expect(
      await judgeLoops(`${PRELUDE}
export async function f(ids: string[]) {
  const sizes: number[] = [];
  for (const id of ids) { const result = await load(id); if (result.ok) sizes.push(result.size); }
  const names: string[] = [];
  // filled in order
  for (const id of ids) { names.push((await load(id)).id); }
  const all: number[] = [];
  for (const id of ids) { all.push(all.length); all.push((await load(id)).size); }
  return [sizes, names, all];
}`),
    ).toEqual([
      ['const result = await load(id);', 'shared-mutation'],
      ['names.push((await load(id)).id);', 'shared-mutation'],
      ['all.push(all.length);', 'shared-mutation'],
    ]);
  });
});

describe('getLoopAwaits', () => {
  it("gives the loop's own awaits, none of nested functions, and nothing when a nested loop awaits", async () => {
    const judged: (number | undefined)[] = [];
    await probeTyped(
      `${PRELUDE}
export async function f(ids: string[][]) {
  for (const group of ids) { await load(group[0] ?? ''); group.forEach(async (id) => { await load(id); }); }
  for (const group of ids) { for (const id of group) { await load(id); } }
  for (const group of ids) { for (const id of group) console.log(id); await load(''); }
}`,
      () => ({
        'ForOfStatement[parent.type="BlockStatement"][parent.parent.type="FunctionDeclaration"]'(loop: TSESTree.ForOfStatement) {
          judged.push(getLoopAwaits(loop)?.length);
        },
      }),
    );
    expect(judged).toEqual([1, undefined, 1]);
  });
});

describe('usesDeclaredValues', () => {
  it('sees a use directly, inside a callback, and through a local function', async () => {
    const judged: [string, boolean][] = [];
    await probeTyped(
      `${PRELUDE}
export async function f(id: string) {
  const ordersOf = (user: { id: string }) => load(user.id);
  function reloadFirst() { return load(first.id); }
  const first = await load(id);
  probe(load(first.id));
  probe(load(id));
  probe(Promise.resolve([id].map(() => first)));
  probe(reloadFirst());
  probe(ordersOf({ id }));
}
declare function probe(value: unknown): void;`,
      ({ sourceCode }) => ({
        'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
          const block = call.parent.parent as TSESTree.BlockStatement;
          const declaration = block.body[2] as TSESTree.VariableDeclaration;
          const argument = call.arguments[0] as TSESTree.Expression;
          judged.push([sourceCode.getText(argument), usesDeclaredValues(sourceCode, declaration, argument)]);
        },
      }),
    );
    expect(judged).toEqual([
      ['load(first.id)', true],
      ['load(id)', false],
      ['Promise.resolve([id].map(() => first))', true],
      ['reloadFirst()', true],
      ['ordersOf({ id })', false],
    ]);
  });
});
