import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { skipChainExpression } from '../../src/syntax/chain-expression.js';
import { findAll } from '../analysis/in-memory-program.js';
import { parsePlain } from './plain-parse.js';

describe('skipChainExpression', () => {
  it('gives the expression inside an optional chain, and any other node as it is', () => {
    const [chained, plain] = findAll(parsePlain('a?.b(); a.b();'), AST_NODE_TYPES.ExpressionStatement).map(
      (statement) => statement.expression,
    );
    expect(chained?.type).toBe(AST_NODE_TYPES.ChainExpression);
    expect(chained && skipChainExpression(chained).type).toBe(AST_NODE_TYPES.CallExpression);
    expect(plain && skipChainExpression(plain)).toBe(plain);
  });
});
