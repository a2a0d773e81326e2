import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getConstInitializer } from '../../src/syntax/const-initializer.js';
import { findAll } from '../analysis/in-memory-program.js';
import { lintProbe } from '../lint-probe.js';

/** For each `probe(name)` of `code`: the name and the text of its const initializer. */
function initializersOf(code: string): [string, string | undefined][] {
  const found: [string, string | undefined][] = [];
  lintProbe(code, (context) => {
    for (const call of findAll(context.sourceCode.ast, AST_NODE_TYPES.CallExpression)) {
      const [argument] = call.arguments;
      if (call.callee.type !== AST_NODE_TYPES.Identifier || call.callee.name !== 'probe') continue;
      if (argument?.type !== AST_NODE_TYPES.Identifier) continue;
      const initializer = getConstInitializer(context.sourceCode, argument);
      found.push([argument.name, initializer && context.sourceCode.getText(initializer)]);
    }
  });
  return found;
}

describe('getConstInitializer', () => {
  const code = `
import { imported } from './other';
declare const declared: number;
const total = 1 + 2;
let changing = 3;
var old = 4;
const [first] = [5];
function run(parameter: number) {
  const total = 'shadow';
  probe(total);
  probe(parameter);
}
function outer() { probe(total); }
probe(total);
probe(changing);
probe(old);
probe(imported);
probe(declared);
probe(first);
probe(missing);
`;
  const found = initializersOf(code);

  it('follows a name to the const it names, in the scope it is read', () => {
    expect(found.filter(([name]) => name === 'total')).toEqual([
      ['total', "'shadow'"],
      ['total', '1 + 2'],
      ['total', '1 + 2'],
    ]);
  });

  it('gives nothing for a let, a var, a parameter, an import, a declaration without value or an unknown name', () => {
    expect(found.filter(([name]) => ['changing', 'old', 'parameter', 'imported', 'declared', 'missing'].includes(name))).toEqual([
      ['parameter', undefined],
      ['changing', undefined],
      ['old', undefined],
      ['imported', undefined],
      ['declared', undefined],
      ['missing', undefined],
    ]);
  });

  // Imprecise: a destructured const gives the initializer of the whole pattern (`[5]`), which is not
  // the value `first` names. Its one caller (no-trivial-await's doubt about `await html` where
  // `const html = element.toString()`) only grows more careful from it, so nothing is misreported.
  it.fails('gives nothing for a destructured const', () => {
    expect(found.find(([name]) => name === 'first')).toEqual(['first', undefined]);
  });
});
