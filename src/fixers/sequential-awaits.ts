import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { PromiseCombinatorCall } from '../syntax/promise-combinator.js';
import { getLineIndent } from './reindent.js';

/**
 * A `Promise.all` statement rewritten to await its elements one after
 * another, in the given order of element indexes (as written by default):
 * `await Promise.all([a, b]);` → `await a; await b;`,
 * `const [x, y] = await Promise.all([a, b]);` → `const x = await a; const y = await b;`,
 * `await Promise.all(ids.map((id) => q(id)));` → `for (const id of ids) { await q(id); }`.
 * `undefined` for other shapes (a result used otherwise, a returned promise).
 */
export function getSequentialAwaitsRewrite(
  sourceCode: Readonly<TSESLint.SourceCode>,
  combinator: PromiseCombinatorCall,
  order?: readonly number[],
): { statement: TSESTree.Statement; text: string } | undefined {
  if (combinator.name !== 'all') return undefined;
  const awaited = combinator.call.parent;
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const statement = awaited.parent;
  const indent = getLineIndent(sourceCode, statement);
  const text = (node: TSESTree.Node): string => sourceCode.getText(node);
  const argument = combinator.argument;
  if (argument.type === AST_NODE_TYPES.ArrayExpression) {
    const elements = argument.elements;
    if (elements.some((element) => element === null || element.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const expressions = elements as TSESTree.Expression[];
    const indexes = order ?? expressions.map((_, index) => index);
    if (statement.type === AST_NODE_TYPES.ExpressionStatement) {
      return { statement, text: indexes.map((index) => `await ${text(expressions[index] as TSESTree.Expression)};`).join(`\n${indent}`) };
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclarator && statement.id.type === AST_NODE_TYPES.ArrayPattern) {
      const declaration = statement.parent;
      if (declaration.declarations.length !== 1) return undefined;
      const names = statement.id.elements;
      if (names.length > expressions.length || names.some((name) => name !== null && name.type !== AST_NODE_TYPES.Identifier)) return undefined;
      if (statement.id.typeAnnotation !== undefined) return undefined;
      const lines = indexes.map((index) => {
        const expression = expressions[index] as TSESTree.Expression;
        const name = names[index];
        return name === null || name === undefined ? `await ${text(expression)};` : `${declaration.kind} ${text(name)} = await ${text(expression)};`;
      });
      return { statement: declaration, text: lines.join(`\n${indent}`) };
    }
    return undefined;
  }
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const [element] = combinator.elements;
  const callback = element?.mapCallback;
  // The callback must do one thing (`(id) => q(id)`): a body with more statements has no one expression to await.
  if (element === undefined || callback === undefined || argument.type !== AST_NODE_TYPES.CallExpression || element.expression === argument) {
    return undefined;
  }
  if (argument.callee.type !== AST_NODE_TYPES.MemberExpression || callback.params.length !== 1) return undefined;
  const [parameter] = callback.params;
  if (parameter?.type !== AST_NODE_TYPES.Identifier || parameter.typeAnnotation !== undefined) return undefined;
  const collection = text(argument.callee.object);
  return {
    statement,
    text: `for (const ${parameter.name} of ${collection}) {\n${indent}  await ${text(element.expression)};\n${indent}}`,
  };
}
