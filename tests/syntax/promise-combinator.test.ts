import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getPromiseCombinatorCall } from '../../src/syntax/promise-combinator.js';
import { probeTyped } from '../analysis/typed-probe.js';

/** For every call in `code`: `name: element texts` of the combinators found (`*` marks a mapped element). */
async function combinators(code: string): Promise<string[]> {
  const found: string[] = [];
  await probeTyped(code, ({ sourceCode }) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const combinator = getPromiseCombinatorCall(sourceCode, node);
      if (combinator === undefined) return;
      const elements = combinator.elements.map((element) => `${element.mapCallback === undefined ? '' : '*'}${sourceCode.getText(element.expression)}`);
      found.push(`${combinator.name}: ${elements.join(', ')}`);
    },
  }));
  return found;
}

describe('getPromiseCombinatorCall', () => {
  it('reads the global Promise’s combinators over array literals, spreads and maps', async () => {
    expect(
      await combinators(`
declare function f(x: number): Promise<number>;
declare const ids: number[];
await Promise.all([f(1), f(2)]);
await Promise.allSettled(ids.map((id) => f(id)));
await Promise.race([f(0), ...ids.map(async (id) => { await f(id); })]);
await Promise.any(ids.map(async (id) => { return f(id); }));
await Promise.all(ids.map((id) => { const x = id; return f(x); }));
await Promise.all(somePromises());
declare function somePromises(): Promise<number>[];
`),
    ).toEqual([
      'all: f(1), f(2)',
      'allSettled: *f(id)',
      'race: f(0), *f(id)',
      'any: *f(id)',
      'all: *ids.map((id) => { const x = id; return f(x); })',
    ]);
  });

  it('ignores a local binding named Promise', async () => {
    expect(
      await combinators(`
const Promise = { all: (xs: unknown[]) => xs };
Promise.all([1, 2]);
`),
    ).toEqual([]);
  });
});
