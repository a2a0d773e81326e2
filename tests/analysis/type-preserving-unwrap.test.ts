import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getTypePreservingUnwrap } from '../../src/analysis/type-preserving-unwrap.js';
import { getImmediatelyResolvedValue, getPromiseResolveArgument } from '../../src/syntax/promise-idioms.js';
import { lintProbe } from '../lint-probe.js';
import { createInMemoryProgram, findAll } from './in-memory-program.js';

const code = `
declare const count: number;
declare const text: string;
const base = 5;
export async function probes() {
  await Promise.resolve(base);
  const sameType = await Promise.resolve(count);
  const literal = await Promise.resolve('a');
  let widened = await Promise.resolve('b');
  const multiplied = (await Promise.resolve(base)) * 2;
  const templated = \`\${await Promise.resolve(base)}\`;
  const typed = await Promise.resolve<string>('c');
  const executor = await new Promise<number>((resolve) => resolve(base));
  const untypedExecutor = await new Promise((resolve) => resolve(base));
  return [sameType, literal, widened, multiplied, templated, typed, executor, untypedExecutor];
}
export async function unknownReturn() {
  return await new Promise((resolve) => resolve(text));
}
`;

/** For each `await` of the code whose operand wraps a value: the await's text and the unwrap. */
function unwraps(): [string, { asType?: string } | undefined][] {
  const found: [string, { asType?: string } | undefined][] = [];
  lintProbe(
    code,
    (context) => {
      const services = ESLintUtils.getParserServices(context);
      const { sourceCode } = context;
      for (const node of findAll(sourceCode.ast, AST_NODE_TYPES.AwaitExpression)) {
        const value: TSESTree.Expression | null | undefined =
          getPromiseResolveArgument(sourceCode, node.argument) ?? getImmediatelyResolvedValue(sourceCode, node.argument);
        if (value == null) continue;
        found.push([sourceCode.getText(node), getTypePreservingUnwrap(services, sourceCode, node, value)]);
      }
    },
    { program: createInMemoryProgram({ 'main.ts': code }) },
  );
  return found;
}

describe('getTypePreservingUnwrap', () => {
  it('keeps the value as it is, as `v as T`, or gives no unwrap', () => {
    expect(unwraps()).toEqual([
      // A statement: the type goes nowhere.
      ['await Promise.resolve(base)', {}],
      // The same type either way.
      ['await Promise.resolve(count)', {}],
      // `const literal = 'a'` would be the literal type, not `string`.
      ["await Promise.resolve('a')", undefined],
      // A `let`, arithmetic, a template: the literal type cannot show.
      ["await Promise.resolve('b')", {}],
      ['await Promise.resolve(base)', {}],
      ['await Promise.resolve(base)', {}],
      // The call's type argument says the type the value keeps.
      ["await Promise.resolve<string>('c')", { asType: 'string' }],
      ['await new Promise<number>((resolve) => resolve(base))', { asType: 'number' }],
      // `unknown` from an untyped executor, then `5`: no type to keep it by.
      ['await new Promise((resolve) => resolve(base))', undefined],
      // A returned `unknown` only gets more precise.
      ['await new Promise((resolve) => resolve(text))', {}],
    ]);
  });
});
