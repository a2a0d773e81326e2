import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getStatementInList } from '../../src/syntax/statement-list.js';
import { withSourceCode } from '../lint-probe.js';

/** The text of the statement `getStatementInList` finds for the call of `target()`, or `undefined`. */
function statementAround(code: string): string | undefined {
  return withSourceCode(code, (context) => {
    let call: TSESTree.CallExpression | undefined;
    const visit = (node: TSESTree.Node): void => {
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === 'target'
      ) {
        call = node;
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        for (const child of Array.isArray(value) ? (value as unknown[]) : [value]) {
          if (typeof child === 'object' && child !== null && 'type' in child) visit(child as TSESTree.Node);
        }
      }
    };
    visit(context.sourceCode.ast);
    if (call === undefined) throw new Error('no target() call');
    const statement = getStatementInList(call);
    return statement === undefined ? undefined : context.sourceCode.getText(statement);
  });
}

describe('getStatementInList', () => {
  it('finds the expression statement of a call at the top level', () => {
    expect(statementAround('target(1);\n')).toBe('target(1);');
  });

  it('finds the declaration a call initialises, inside a function body', () => {
    expect(statementAround('function f() {\n  const timer = target(1);\n}\n')).toBe('const timer = target(1);');
  });

  it('goes up to the if statement whose body is a single statement', () => {
    expect(statementAround('if (ok) target(1);\n')).toBe('if (ok) target(1);');
  });

  it('stops at a function boundary: a concise arrow body has no statements', () => {
    expect(statementAround('const start = () => target(1);\n')).toBeUndefined();
  });

  it('stops at a class field initialiser', () => {
    expect(statementAround('class Job {\n  timer = target(1);\n}\n')).toBeUndefined();
  });
});
