import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import * as ts from 'typescript';

import {
  getCalledSignatureDeclaration,
  isAsyncWithOnlySyncWork,
  isCallBoundToDeclaration,
  isLibraryFunction,
  isServerAction,
  returnsTypeParameter,
  summarizeCallee,
} from '../analysis/function-summary.js';
import {
  getImmediatelyResolvedValue,
  getPromiseResolveArgument,
  getSynchronouslyResolvedValue,
  isEventLoopYield,
} from '../analysis/promise-idioms.js';
import {
  classifyArrayElementThenability,
  classifyExpressionThenability,
  mayHideThenable,
} from '../analysis/thenable.js';
import { mayBeMadeThenableBySubclass } from '../analysis/class-hierarchy.js';
import { createRule } from '../util/createRule.js';
import { describeNode } from '../util/describeNode.js';
import { canMakeFunctionSynchronous, makeFunctionSynchronous } from '../util/makeFunctionSynchronous.js';
import { replaceExpression, type UnwrapOptions } from '../util/replaceExpression.js';
import type { FunctionNode } from '../analysis/promise-contract.js';

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

    /**
     * The checker says no member of the type has a callable `then`. `void` is
     * only certain for a call of a function we know: a `() => void` property
     * or parameter may well hold an async function.
     */
    function isCertainlyNotThenable(node: TSESTree.Expression): boolean {
      if (classifyExpressionThenability(services, node) !== 'not-thenable') return false;
      const type = services.getTypeAtLocation(node);
      const mayBeVoid = tsutils.unionConstituents(type).some((member) => tsutils.isIntrinsicVoidType(member));
      return !mayBeVoid || isCallOfSyncFunction(node);
    }

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
            fix: (fixer) => [
              fixer.insertTextBefore(node.argument, 'Promise.all('),
              fixer.insertTextAfter(node.argument, ')'),
            ],
          },
        ],
      });
    }

    /** `canUnwrap`: the value alone can stand for the promise (not so for an executor with statements). */
    function reportResolvedValue(node: TSESTree.AwaitExpression, value: TSESTree.Expression, canUnwrap: boolean): void {
      const unwrap = canUnwrap && !wouldBindThis(node, value) ? getTypePreservingUnwrap(node, value) : undefined;
      context.report({
        node,
        loc: getAwaitKeywordLoc(sourceCode, node),
        messageId: 'awaitOfResolvedValue',
        data: { name: describeNode(sourceCode, node.argument) },
        fix: unwrap === undefined ? null : (fixer) => replaceExpression(fixer, sourceCode, node, value, unwrap),
      });
    }

    /**
     * How `value` can stand for `await Promise.resolve(value)` with the same
     * type. As is, when the checker gives both the same type, or when only a
     * literal would stay narrower (`const base = 5`) where that cannot show:
     * arithmetic, a template, a `let`; or where the type goes nowhere (a
     * statement) or only gets more precise (a returned `unknown`). Otherwise `Promise.resolve<T>(v)` and
     * `new Promise<T>(…)` become `v as T` (the call already checked that `v`
     * is a `T`). Otherwise no fix: `const s = await Promise.resolve('a')` is a
     * `string`, `const s = 'a'` would be the literal `'a'`.
     */
    function getTypePreservingUnwrap(node: TSESTree.AwaitExpression, value: TSESTree.Expression): UnwrapOptions | undefined {
      // `await Promise.resolve(x);` alone: its type goes nowhere.
      if (node.parent.type === AST_NODE_TYPES.ExpressionStatement) return {};
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

    function reportSyncAsyncFunction(node: TSESTree.AwaitExpression, call: TSESTree.CallExpression): void {
      const summarized = summarizeCallee(services, call);
      if (
        summarized === undefined ||
        !isAsyncWithOnlySyncWork(summarized.summary) ||
        isServerAction(summarized.declaration) ||
        !isCallBoundToDeclaration(services, call, summarized.declaration)
      ) {
        return;
      }
      const name = describeNode(sourceCode, call.callee);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const calleeInThisFile = getFunctionInThisFile(summarized.declaration);
      if (calleeInThisFile !== undefined && canMakeFunctionSynchronous(sourceCode, calleeInThisFile)) {
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

    /**
     * A call whose `void` really is nothing: a synchronous function of the
     * program that nothing else can stand in for, or a function or method
     * declared by the standard library or a dependency (`console.log`).
     */
    function isCallOfSyncFunction(node: TSESTree.Expression): boolean {
      // `await options.onListening?.()` asks the same question as the call inside the chain.
      if (node.type === AST_NODE_TYPES.ChainExpression) return isCallOfSyncFunction(node.expression);
      // `await (flag ? logA() : logB())`: certain when both branches are.
      if (node.type === AST_NODE_TYPES.ConditionalExpression) {
        return isCertainlyNotThenable(node.consequent) && isCertainlyNotThenable(node.alternate);
      }
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const signature = getCalledSignatureDeclaration(services, node);
      // `storage.run(ctx, handler)`, `step.call(this)`: a `void` inferred for a type parameter comes from a callback.
      if (signature === undefined || returnsTypeParameter(checker, signature)) return false;
      const summarized = summarizeCallee(services, node);
      if (summarized === undefined) return isLibraryFunction(services.program, signature);
      // `function run(fn: () => void): void { return fn(); }` hands back whatever the callback returns.
      return (
        !summarized.summary.isAsync &&
        summarized.summary.returnThenability === 'not-thenable' &&
        isCallBoundToDeclaration(services, node, summarized.declaration)
      );
    }

    /**
     * `await element.toString()` where `element` may itself be a promise (or
     * is a tagged primitive): the author expects something asynchronous that
     * the types do not show (hono types JSX elements as `string |
     * Promise<string>` and tagged strings, and their `toString()` may return a
     * promise at run time). Not certain enough to report or fix.
     */
    function isCalledOnMaybeThenable(operand: TSESTree.Expression, depth = 0): boolean {
      // `const html = element.toString(); … await html`: the same doubt, one step removed.
      const initializer = operand.type === AST_NODE_TYPES.Identifier ? getConstInitializer(operand) : undefined;
      // A few steps at most: `const a = b; const b = a;` (a type error, but typed while editing) loops.
      if (initializer !== undefined) return depth < 8 && isCalledOnMaybeThenable(initializer, depth + 1);
      const call = operand.type === AST_NODE_TYPES.ChainExpression ? operand.expression : operand;
      return (
        call.type === AST_NODE_TYPES.CallExpression &&
        call.callee.type === AST_NODE_TYPES.MemberExpression &&
        mayHideThenable(checker, services.getTypeAtLocation(call.callee.object))
      );
    }

    function getConstInitializer(identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
      const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.parent.kind !== 'const') return undefined;
      return definition.node.init ?? undefined;
    }

    function getFunctionInThisFile(declaration: ts.Node): FunctionNode | undefined {
      if (declaration.getSourceFile() !== services.esTreeNodeToTSNodeMap.get(sourceCode.ast)) return undefined;
      const node = services.tsNodeToESTreeNodeMap.get(declaration) as TSESTree.Node | undefined;
      if (node === undefined) return undefined;
      // A method's declaration maps to its MethodDefinition; the function is its value.
      const fn =
        node.type === AST_NODE_TYPES.MethodDefinition || node.type === AST_NODE_TYPES.Property ? node.value : node;
      return fn.type === AST_NODE_TYPES.FunctionDeclaration ||
        fn.type === AST_NODE_TYPES.FunctionExpression ||
        fn.type === AST_NODE_TYPES.ArrowFunctionExpression
        ? fn
        : undefined;
    }

    return {
      AwaitExpression(node) {
        const operand = node.argument;
        // Syntax first: yields on purpose are never ours (no type query at all).
        if (isEventLoopYield(sourceCode, operand)) return;

        const resolvedValue =
          getPromiseResolveArgument(sourceCode, operand) ?? getImmediatelyResolvedValue(sourceCode, operand);
        if (resolvedValue != null) {
          if (isCertainlyNotThenable(resolvedValue)) reportResolvedValue(node, resolvedValue, true);
          return;
        }
        const settledValue = getSynchronouslyResolvedValue(sourceCode, operand, (argument) =>
          tsutils.unionConstituents(services.getTypeAtLocation(argument)).some((type) => type.getCallSignatures().length > 0),
        );
        if (settledValue !== undefined) {
          if (isCertainlyNotThenable(settledValue)) reportResolvedValue(node, settledValue, false);
          return;
        }

        // `await (value as Html).toString()`: the author overrode the checker, whose answer we would repeat.
        if (containsTypeAssertion(operand)) return;

        const thenability = classifyExpressionThenability(services, operand);
        if (thenability === 'not-thenable') {
          if (
            isCertainlyNotThenable(operand) &&
            !isCalledOnMaybeThenable(operand) &&
            !mayBeMadeThenableBySubclass(services.program, checker, services.getTypeAtLocation(operand))
          ) {
            reportNonThenable(node);
          }
        } else if (thenability === 'thenable') {
          // `await this.load?.()` asks the same question as the call inside the chain.
          const call = operand.type === AST_NODE_TYPES.ChainExpression ? operand.expression : operand;
          if (call.type === AST_NODE_TYPES.CallExpression) reportSyncAsyncFunction(node, call);
        }
      },
    };
  },
});

function getAwaitKeywordLoc(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.AwaitExpression): TSESTree.SourceLocation {
  return sourceCode.getFirstToken(node)?.loc ?? node.loc;
}

/** A type assertion (`x as T`, `<T>x`, but not `as const`) anywhere in the operand. */
function containsTypeAssertion(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
      return !isConstAssertion(node.typeAnnotation) || containsTypeAssertion(node.expression);
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
      return containsTypeAssertion(node.expression);
    case AST_NODE_TYPES.MemberExpression:
      return containsTypeAssertion(node.object);
    case AST_NODE_TYPES.CallExpression:
      return containsTypeAssertion(node.callee);
    case AST_NODE_TYPES.ConditionalExpression:
      return containsTypeAssertion(node.consequent) || containsTypeAssertion(node.alternate);
    case AST_NODE_TYPES.LogicalExpression:
      return containsTypeAssertion(node.left) || containsTypeAssertion(node.right);
    default:
      return false;
  }
}

/**
 * \`(await obj.method)()\` calls the method with no \`this\`; \`(obj.method)()\`
 * would call it on \`obj\`. Such an operand is reported without a fix.
 */
function wouldBindThis(node: TSESTree.AwaitExpression, replacement: TSESTree.Expression): boolean {
  const parent = node.parent;
  const isCallee =
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === node) ||
    (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === node);
  let inner: TSESTree.Expression = replacement;
  while (
    inner.type === AST_NODE_TYPES.TSAsExpression ||
    inner.type === AST_NODE_TYPES.TSNonNullExpression ||
    inner.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    inner.type === AST_NODE_TYPES.ChainExpression
  ) {
    inner = inner.expression;
  }
  return isCallee && inner.type === AST_NODE_TYPES.MemberExpression;
}

const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%', '**', '&', '|', '^', '<<', '>>', '>>>']);

/** Where a literal type and its base type give the same result: `x * 2`, `` `${x}` ``, `let y = x`. */
function isWideningPosition(node: TSESTree.Expression): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.BinaryExpression) return ARITHMETIC_OPERATORS.has(parent.operator);
  // `typeof`, `-`, `!` and `as` read the value, whatever its literal type.
  if (
    parent.type === AST_NODE_TYPES.TemplateLiteral ||
    parent.type === AST_NODE_TYPES.UnaryExpression ||
    parent.type === AST_NODE_TYPES.TSAsExpression
  ) {
    return true;
  }
  return (
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.parent.kind !== 'const' &&
    parent.id.type === AST_NODE_TYPES.Identifier
  );
}

function isConstAssertion(annotation: TSESTree.TypeNode): boolean {
  return (
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'const'
  );
}

function isUnusedSequenceOperand(node: TSESTree.Expression): boolean {
  const parent = node.parent;
  return parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) !== node;
}

function describeType(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

