import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';

import { isWideningPosition } from '../syntax/expression-position.js';
import { askChecker } from './checker-guard.js';

/**
 * How `value` can stand for `await Promise.resolve(value)` with the same
 * type. As is (`{}`), when the checker gives both the same type, or when
 * only a literal would stay narrower (`const base = 5`) where that cannot
 * show: arithmetic, a template, a `let`; or where the type goes nowhere (a
 * statement) or only gets more precise (a returned `unknown`). Otherwise
 * `Promise.resolve<T>(v)` and `new Promise<T>(…)` become `v as T`
 * (`{ asType }`: the call already checked that `v` is a `T`). Otherwise
 * `undefined`, no fix: `const s = await Promise.resolve('a')` is a `string`,
 * `const s = 'a'` would be the literal `'a'`.
 */
export function getTypePreservingUnwrap(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.AwaitExpression,
  value: TSESTree.Expression,
): { asType?: string } | undefined {
  // `await Promise.resolve(x);` alone: its type goes nowhere.
  if (node.parent.type === AST_NODE_TYPES.ExpressionStatement) return {};
  // Where the checker fails, no type is known to be kept: no fix.
  return askChecker(undefined, () => getUnwrapOfSameType(services, sourceCode, node, value));
}

function getUnwrapOfSameType(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.AwaitExpression,
  value: TSESTree.Expression,
): { asType?: string } | undefined {
  const checker = services.program.getTypeChecker();
  const awaitedType = services.getTypeAtLocation(node);
  const valueType = services.getTypeAtLocation(value);
  if (awaitedType === valueType) return {};
  // `return await new Promise((r) => r(text))` is a `Promise<unknown>`: returning `text` only says more.
  if (tsutils.isIntrinsicUnknownType(awaitedType) && node.parent.type === AST_NODE_TYPES.ReturnStatement) return {};
  if (checker.getBaseTypeOfLiteralType(valueType) === awaitedType && isWideningPosition(node)) return {};
  const promise = node.argument;
  const typeArgument =
    (promise.type === AST_NODE_TYPES.CallExpression || promise.type === AST_NODE_TYPES.NewExpression) &&
    promise.typeArguments?.params.length === 1
      ? promise.typeArguments.params[0]
      : undefined;
  return typeArgument === undefined ? undefined : { asType: sourceCode.getText(typeArgument) };
}
