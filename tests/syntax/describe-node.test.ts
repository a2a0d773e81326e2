import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getAwaitKeywordLoc } from '../../src/syntax/await-keyword.js';
import { describeNode, describeText } from '../../src/syntax/describe-node.js';
import { findAll } from '../analysis/in-memory-program.js';
import { lintProbe } from '../lint-probe.js';

describe('describeNode', () => {
  it('gives a node on one line, cut short when long', () => {
    lintProbe('f(\n  a,\n  b,\n);\ng(aVeryLongArgumentName, anotherVeryLongArgumentName);', (context) => {
      const calls = findAll(context.sourceCode.ast, AST_NODE_TYPES.CallExpression);
      expect(calls.map((call) => describeNode(context.sourceCode, call))).toEqual([
        'f( a, b, )',
        'g(aVeryLongArgumentName, anotherVeryL...',
      ]);
    });
  });
});

describe('describeText', () => {
  it('gives text put together from nodes on one line, cut short when long', () => {
    expect(describeText("client.query(\n  'select 1',\n)")).toBe("client.query( 'select 1', )");
    expect(describeText(`pool.query('select * from orders where id = $1', [id])`)).toBe("pool.query('select * from orders wher...");
  });
});

describe('getAwaitKeywordLoc', () => {
  it('points at the keyword, not the whole expression', () => {
    lintProbe('async function f() {\n  return 1 + await (\n    load()\n  );\n}', (context) => {
      const [node] = findAll(context.sourceCode.ast, AST_NODE_TYPES.AwaitExpression);
      expect(node && getAwaitKeywordLoc(context.sourceCode, node)).toEqual({
        start: { line: 2, column: 13 },
        end: { line: 2, column: 18 },
      });
    });
  });
});
