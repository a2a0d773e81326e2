import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { wrapInCall } from '../../src/fixers/wrap-in-call.js';
import { findAll } from '../analysis/in-memory-program.js';
import { assertParses, fixWithProbe } from '../lint-probe.js';

/** Wraps the operand of the first `await` of `code` in `Promise.all(…)`, as no-trivial-await's suggestion does. */
function wrapFirstAwaitOperand(code: string): string {
  const output = fixWithProbe(code, (context) => {
    const [node] = findAll(context.sourceCode.ast, AST_NODE_TYPES.AwaitExpression);
    if (node === undefined) throw new Error('no await in the code');
    return (fixer) => wrapInCall(fixer, node.argument, 'Promise.all');
  });
  assertParses(output);
  return output;
}

describe('wrapInCall', () => {
  it.each([
    ['await rows;', 'await Promise.all(rows);'],
    ['await getRows();', 'await Promise.all(getRows());'],
    ['await rows.map(load);', 'await Promise.all(rows.map(load));'],
    ['await (a ?? b);', 'await (Promise.all(a ?? b));'],
    ['await (cond ? a : b);', 'await (Promise.all(cond ? a : b));'],
    ['await /* all */ rows;', 'await /* all */ Promise.all(rows);'],
    ['let a = b\nawait rows;', 'let a = b\nawait Promise.all(rows);'],
  ])('makes the expression the only argument: %j', (code, output) => {
    expect(wrapFirstAwaitOperand(code)).toBe(output);
  });

  // Bug: a sequence operand becomes two arguments, `Promise.all(log(), rows)`, which awaits `log()`'s
  // result as the iterable and drops `rows` (a type error too). no-trivial-await offers this as its
  // `useAwaitAll` suggestion for `await (log(), rows)` with `rows: Promise<number>[]`. The sequence
  // needs parentheses of its own: `Promise.all((log(), rows))`.
  it.fails('keeps a sequence one argument', () => {
    expect(wrapFirstAwaitOperand('await (log(), rows);')).toBe('await (Promise.all((log(), rows)));');
  });
});
