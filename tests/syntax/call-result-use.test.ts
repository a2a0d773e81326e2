import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isAwaitedOrDiscardedCall, isCalleeOfCall } from '../../src/syntax/call-result-use.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

/** For each use of `f` in `body` (an async function's statements), in order: its statement and the two answers. */
function usesOfF(body: string): [string, boolean, boolean][] {
  const code = `async function probe() {${body}}`;
  return findAll(parsePlain(code), AST_NODE_TYPES.Identifier)
    .filter((identifier) => identifier.name === 'f')
    .map((identifier) => {
      let statement: TSESTree.Node = identifier;
      while (statement.parent?.type !== AST_NODE_TYPES.BlockStatement) statement = statement.parent as TSESTree.Node;
      return [code.slice(...statement.range), isCalleeOfCall(identifier), isAwaitedOrDiscardedCall(identifier)];
    });
}

describe('call result use', () => {
  it('tells calls whose result is awaited or thrown away', () => {
    expect(
      usesOfF(`
await f();
f();
void f();
await (f());
const x = f();
f().then(g);
g(f());
g(f);
f.call(null);
new f();
await f?.();
return f();
`),
    ).toEqual([
      ['await f();', true, true],
      ['f();', true, true],
      ['void f();', true, true],
      ['await (f());', true, true],
      ['const x = f();', true, false],
      ['f().then(g);', true, false],
      ['g(f());', true, false],
      ['g(f);', false, false],
      ['f.call(null);', false, false],
      ['new f();', false, false],
      // In a chain the call's user is the chain, not the await: left alone, to be safe.
      ['await f?.();', true, false],
      ['return f();', true, false],
    ]);
  });
});
