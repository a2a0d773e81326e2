import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { getAsyncWrapperCallee } from '../analysis/async-wrapper.js';
import { mayBeCallable } from '../analysis/callable.js';
import { isCertainlyNotThenable, isCertainlyPlainValue } from '../analysis/not-thenable.js';
import { isPromiseOfPublicApi } from '../analysis/public-api.js';
import { classifyArrayElementThenability, classifyExpressionThenability } from '../analysis/thenable.js';
import { getTypePreservingUnwrap } from '../analysis/type-preserving-unwrap.js';
import { createRule } from '../create-rule.js';
import { canMakeFunctionSynchronous, makeFunctionSynchronous } from '../fixers/make-function-synchronous.js';
import { replaceExpression } from '../fixers/replace-expression.js';
import { wrapInCall } from '../fixers/wrap-in-call.js';
import { getAwaitKeywordLoc } from '../syntax/await-keyword.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { describeNode } from '../syntax/describe-node.js';
import { isUnusedSequenceOperand, wouldBindThis } from '../syntax/expression-position.js';
import { getFunctionInLintedFile } from '../syntax/function-node.js';
import { hasCallerUsingPromise } from '../syntax/function-references.js';
import {
  getImmediatelyResolvedValue,
  getPromiseResolveArgument,
  getSynchronouslyResolvedValue,
  isEventLoopYield,
} from '../syntax/promise-idioms.js';
import { containsTypeAssertion } from '../syntax/type-assertion.js';

export type Options = [];
export type MessageIds =
  | 'awaitOfNonThenable'
  | 'awaitOfPromiseArray'
  | 'awaitOfResolvedValue'
  | 'awaitOfSyncAsyncFunction'
  | 'makeCalleeSynchronous'
  | 'removeAwait'
  | 'useAwaitAll';

export default createRule<Options, MessageIds>({
  name: 'no-trivial-await',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `await` on values that are already there and on async wrappers around synchronous work',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      awaitOfNonThenable:
        '`{{name}}` has type `{{type}}`, which is not a promise: the `await` only costs a microtask and hides that the value is already here. Remove the `await`.',
      awaitOfPromiseArray:
        '`{{name}}` is an array of promises, and `await` on an array waits for none of them. Use `await Promise.all({{name}})` to wait for every element.',
      awaitOfResolvedValue:
        '`{{name}}` wraps a value that is already here in a promise only for `await` to unwrap it a microtask later. Use the value directly.',
      awaitOfSyncAsyncFunction:
        '`{{name}}` is an async function that never awaits and returns no promise: its work is already done when the call returns, and the `await` only waits a microtask for it. Make `{{name}}` synchronous and call it without `await`.',
      makeCalleeSynchronous: 'Make `{{name}}` synchronous and remove this `await`.',
      useAwaitAll: 'Wait for every element with `Promise.all`.',
      removeAwait: 'Remove the `await` (a rejection of `{{name}}` would then go unobserved here).',
    },
    schema: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const sourceCode = context.sourceCode;

    function reportNonThenable(node: TSESTree.AwaitExpression): void {
      const type = services.getTypeAtLocation(node.argument);
      const elements = classifyArrayElementThenability(checker, type);
      if (elements === 'thenable') {
        reportPromiseArray(node);
        return;
      }
      // `await rows` with `rows: any[]`: the array is no promise, but its elements might be (a missing
      // `Promise.all`?): reported, and the author decides.
      const mayHoldPromises = elements === 'unknown';
      context.report({
        node,
        loc: getAwaitKeywordLoc(sourceCode, node),
        messageId: 'awaitOfNonThenable',
        data: { name: describeNode(sourceCode, node.argument), type: describeType(checker, type) },
        // `await settings, next()` is fine, but `settings, next()` is a type error (an unused left operand).
        fix:
          isUnusedSequenceOperand(node) || mayHoldPromises || wouldBindThis(node, node.argument)
            ? null
            : (fixer) => replaceExpression(fixer, sourceCode, node, node.argument),
      });
    }

    /** Removing the `await` would keep behaviour but bury the likely bug: a missing `Promise.all`. */
    function reportPromiseArray(node: TSESTree.AwaitExpression): void {
      const name = describeNode(sourceCode, node.argument);
      context.report({
        node,
        loc: getAwaitKeywordLoc(sourceCode, node),
        messageId: 'awaitOfPromiseArray',
        data: { name },
        suggest: [
          {
            messageId: 'useAwaitAll',
            fix: (fixer) => wrapInCall(fixer, node.argument, 'Promise.all'),
          },
        ],
      });
    }

    /** `canUnwrap`: the value alone can stand for the promise (not so for an executor with statements). */
    function reportResolvedValue(node: TSESTree.AwaitExpression, value: TSESTree.Expression, canUnwrap: boolean): void {
      const unwrap =
        canUnwrap && !wouldBindThis(node, value) ? getTypePreservingUnwrap(services, sourceCode, node, value) : undefined;
      context.report({
        node,
        loc: getAwaitKeywordLoc(sourceCode, node),
        messageId: 'awaitOfResolvedValue',
        data: { name: describeNode(sourceCode, node.argument) },
        fix: unwrap === undefined ? null : (fixer) => replaceExpression(fixer, sourceCode, node, value, unwrap),
      });
    }

    function reportSyncAsyncFunction(node: TSESTree.AwaitExpression, call: TSESTree.CallExpression): void {
      const callee = getAsyncWrapperCallee(services, call);
      // `await lockManager.close()` awaits what the API promises: the declaration is no-needless-async's to judge.
      if (callee === undefined || isPromiseOfPublicApi(checker, callee)) return;
      const name = describeNode(sourceCode, call.callee);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const calleeInThisFile = getFunctionInLintedFile(services, sourceCode, callee);
      // Not where another caller in view uses the promise (`helper().then(…)` would stop type-checking).
      if (
        calleeInThisFile !== undefined &&
        canMakeFunctionSynchronous(sourceCode, calleeInThisFile) &&
        !hasCallerUsingPromise(services, sourceCode, calleeInThisFile)
      ) {
        suggest.push({
          messageId: 'makeCalleeSynchronous',
          data: { name },
          fix: (fixer) => [
            ...makeFunctionSynchronous(fixer, sourceCode, calleeInThisFile),
            replaceExpression(fixer, sourceCode, node, call),
          ],
        });
      }
      if (node.parent.type === AST_NODE_TYPES.ExpressionStatement) {
        suggest.push({
          messageId: 'removeAwait',
          data: { name },
          fix: (fixer) => replaceExpression(fixer, sourceCode, node, call),
        });
      }
      context.report({
        node,
        loc: getAwaitKeywordLoc(sourceCode, node),
        messageId: 'awaitOfSyncAsyncFunction',
        data: { name },
        suggest,
      });
    }

    return {
      AwaitExpression(node) {
        const operand = node.argument;
        // Syntax first: yields on purpose are never ours (no type query at all).
        if (isEventLoopYield(sourceCode, operand)) return;

        const resolvedValue =
          getPromiseResolveArgument(sourceCode, operand) ?? getImmediatelyResolvedValue(sourceCode, operand);
        if (resolvedValue != null) {
          if (isCertainlyNotThenable(services, resolvedValue)) reportResolvedValue(node, resolvedValue, true);
          return;
        }
        const settledValue = getSynchronouslyResolvedValue(sourceCode, operand, (argument) =>
          mayBeCallable(services, argument),
        );
        if (settledValue !== undefined) {
          if (isCertainlyNotThenable(services, settledValue)) reportResolvedValue(node, settledValue, false);
          return;
        }

        // `await (value as Html).toString()`: the author overrode the checker, whose answer we would repeat.
        if (containsTypeAssertion(operand)) return;

        const thenability = classifyExpressionThenability(services, operand);
        if (thenability === 'not-thenable') {
          if (isCertainlyPlainValue(services, sourceCode, operand)) reportNonThenable(node);
        } else if (thenability === 'thenable') {
          // `await this.load?.()` asks the same question as the call inside the chain.
          const call = skipChainExpression(operand);
          if (call.type === AST_NODE_TYPES.CallExpression) reportSyncAsyncFunction(node, call);
        }
      },
    };
  },
});

function describeType(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

