import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getParenthesizedRange } from '../../src/fixers/parenthesized-range.js';
import { withSourceCode } from '../lint-probe.js';

/** The text `getParenthesizedRange` gives for the first node of `type` whose own text is `text`. */
function parenthesized(code: string, type: AST_NODE_TYPES, text: string): string {
  return withSourceCode(code, (context) => {
    const sourceCode = context.sourceCode;
    const pending: TSESTree.Node[] = [sourceCode.ast];
    for (let node = pending.shift(); node !== undefined; node = pending.shift()) {
      if (node.type === type && sourceCode.getText(node) === text) {
        const [start, end] = getParenthesizedRange(sourceCode, node);
        return sourceCode.text.slice(start, end);
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
          if (typeof child === 'object' && child !== null && 'type' in child) pending.push(child as TSESTree.Node);
        }
      }
    }
    throw new Error(`no ${type} ${text}`);
  });
}

describe('getParenthesizedRange', () => {
  it('takes every pair of parentheses around an argument, not the comma after it', () => {
    expect(parenthesized(`readFile((('b.json')), 'utf8', () => {});`, AST_NODE_TYPES.Literal, `'b.json'`)).toBe(`(('b.json'))`);
  });

  it('takes the parentheses around a concise arrow body, not the arrow', () => {
    expect(parenthesized(`setInterval(() => (work()), 10); declare function work(): void;`, AST_NODE_TYPES.CallExpression, 'work()')).toBe(
      '(work())',
    );
  });

  it('gives the node alone when nothing wraps it', () => {
    expect(parenthesized(`const x = 1 + 2;`, AST_NODE_TYPES.BinaryExpression, '1 + 2')).toBe('1 + 2');
    expect(parenthesized(`setInterval(() => { work(); }, 10); declare function work(): void;`, AST_NODE_TYPES.BlockStatement, '{ work(); }')).toBe(
      '{ work(); }',
    );
  });
});
