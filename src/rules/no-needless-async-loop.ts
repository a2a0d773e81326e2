import { AST_NODE_TYPES, type TSESLint, type TSESTree, ESLintUtils } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import type * as ts from 'typescript';

import { isAsyncWrapperAroundSyncWork } from '../analysis/async-wrapper.js';
import { summarizeFunction, type FunctionWithBody } from '../analysis/function-summary.js';
import { isInertWork } from '../analysis/inert-work.js';
import { getLoopIterationBound, type BoundableLoop } from '../analysis/loop-bound.js';
import { isCertainlyNotThenable } from '../analysis/not-thenable.js';
import { classifySyncIteratedElements, getSyncIteratedTypes } from '../analysis/sync-iteration.js';
import { isPromiseTimerYield } from '../analysis/timer-yield.js';
import { createRule } from '../create-rule.js';
import { getFixOrSuggest } from '../fixers/fix-or-suggest.js';
import {
  buildSequentialLoop,
  getForEachStatement,
  planConcurrentAll,
  type AsyncCallback,
  type CollectionKind,
} from '../fixers/for-each-to-loop.js';
import { buildLoopFromIndexRecursion } from '../fixers/index-recursion-to-loop.js';
import { canMakeFunctionSynchronous, makeFunctionSynchronous } from '../fixers/make-function-synchronous.js';
import { canAwaitAt } from '../syntax/await-context.js';
import { describeNode } from '../syntax/describe-node.js';
import { getEnclosingFunction, isFunctionNode } from '../syntax/function-node.js';
import { getIndexRecursion } from '../syntax/index-recursion.js';
import { isEventLoopYield, isGlobalPromise } from '../syntax/promise-idioms.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';
import { isStatementList } from '../syntax/statement-list.js';

export type Options = [
  {
    /**
     * A loop that runs at most this many times is small: an event-loop yield
     * inside it is reported.
     * @default 32
     */
    smallArrayLength?: number;
  },
];

export type MessageIds =
  | 'asyncForEach'
  | 'forAwaitOfSyncIterable'
  | 'mapSynchronously'
  | 'promiseAllOfSyncCallbacks'
  | 'recursionAsLoop'
  | 'useConcurrentAll'
  | 'useLoop'
  | 'useSequentialLoop'
  | 'yieldInSmallLoop';

const DEFAULT_SMALL_ARRAY_LENGTH = 32;

export default createRule<Options, MessageIds>({
  name: 'no-needless-async-loop',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow async loops that wait for nothing, and async callbacks that nothing waits for',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      forAwaitOfSyncIterable:
        '`{{name}}` is a synchronous iterable of plain values: `for await` waits for nothing in it and only adds microtasks on every pass. Use `for…of`.',
      promiseAllOfSyncCallbacks:
        'The callback mapped over `{{name}}` never awaits and returns no promise: each call finishes its work before the next starts, so `Promise.{{method}}` runs nothing concurrently and only adds a promise per item. Map synchronously: `{{name}}.map(…)` without `async`.',
      mapSynchronously: 'Map synchronously, without `async` and `Promise.{{method}}`.',
      asyncForEach:
        '`{{name}}.forEach` ignores what its callback returns: the promises of this async callback are dropped, nothing waits for them, and a rejection goes unhandled. Use a `for…of` loop that awaits each, or wait for all with `await Promise.all(…)`.',
      useSequentialLoop: 'Run the callbacks one after another in a `for…of` loop that awaits each.',
      useConcurrentAll: 'Run them concurrently and wait for all: `await Promise.all(….map(…))`.',
      yieldInSmallLoop:
        'This loop runs at most {{count}} times: yielding to the event loop with `{{name}}` on every pass costs a task each time and keeps nothing responsive in so short a loop. Remove the yield.',
      recursionAsLoop:
        '`{{name}}` walks `{{array}}` by awaiting itself with the next index: every element adds a pending promise and a suspended call that a loop does not need. Use a loop.',
      useLoop: 'Rewrite `{{name}}` as a loop over `{{array}}`.',
    },
    defaultOptions: [{ smallArrayLength: DEFAULT_SMALL_ARRAY_LENGTH }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          smallArrayLength: {
            type: 'integer',
            minimum: 0,
            description: 'A loop that runs at most this many times is small: an event-loop yield inside it is reported.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const program = services.program;
    const checker = program.getTypeChecker();
    const sourceCode = context.sourceCode;
    const smallArrayLength = options.smallArrayLength ?? DEFAULT_SMALL_ARRAY_LENGTH;

    function checkForAwait(node: TSESTree.ForOfStatement): void {
      const type = services.getTypeAtLocation(node.right);
      if (classifySyncIteratedElements(program, checker, type) !== 'not-thenable') return;
      const awaitToken = sourceCode.getFirstToken(node, 1);
      const afterAwait = awaitToken && sourceCode.getTokenAfter(awaitToken, { includeComments: true });
      if (awaitToken?.value !== 'await' || afterAwait === null) return;
      // `for await` gives a `T` element the type `Awaited<T>`: for a type parameter, `for…of` would give `T`.
      const keepsTypes = !(getSyncIteratedTypes(checker, type) ?? []).some(containsTypeParameter);
      context.report({
        node,
        loc: awaitToken.loc,
        messageId: 'forAwaitOfSyncIterable',
        data: { name: describeNode(sourceCode, node.right) },
        fix: keepsTypes ? (fixer) => fixer.removeRange([awaitToken.range[0], afterAwait.range[0]]) : null,
      });
    }

    function checkPromiseAll(node: TSESTree.CallExpression, method: PromiseCombinator, mapCall: MapCall): void {
      const use = getCombinatorUse(node);
      if (use === undefined) return;
      const callback = mapCall.arguments[0];
      const declaration = services.esTreeNodeToTSNodeMap.get(callback) as FunctionWithBody;
      if (!isAsyncWrapperAroundSyncWork(program, declaration) || !isArrayType(services.getTypeAtLocation(mapCall.callee.object))) return;
      const summary = summarizeFunction(program, declaration);
      const name = describeNode(sourceCode, mapCall.callee.object);
      const target = use.kind === 'awaited' ? use.await : node;
      const removed: [TSESTree.Range, TSESTree.Range] = [
        [target.range[0], mapCall.range[0]],
        [mapCall.range[1], target.range[1]],
      ];
      const canUnwrap = canMakeFunctionSynchronous(sourceCode, callback);
      const unwrap = (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] => {
        const asPromise = use.kind === 'promise';
        const prefix = asPromise ? 'Promise.resolve(' : needsLeadingSemicolon(target, mapCall) ? ';' : '';
        return [
          fixer.replaceTextRange(removed[0], prefix),
          ...makeFunctionSynchronous(fixer, sourceCode, callback),
          fixer.replaceTextRange(removed[1], asPromise ? ')' : ''),
        ];
      };
      // `allSettled` gives `{ status, value }` objects and turns throws into results: no mapping keeps that.
      const canRewrite = canUnwrap && (method === 'all' || (use.kind === 'awaited' && use.await.parent.type === AST_NODE_TYPES.ExpressionStatement));
      const fixIsSafe =
        method === 'all' &&
        use.kind !== 'promise' &&
        !summary.hasUncaughtThrow &&
        !returnsTypeParameter(callback) &&
        !hasCommentsIn(removed);
      context.report({
        node,
        loc: node.callee.loc,
        messageId: 'promiseAllOfSyncCallbacks',
        data: { name, method },
        ...getFixOrSuggest<MessageIds>({
          fixIsSafe,
          fix: canRewrite ? unwrap : null,
          suggestion: { messageId: 'mapSynchronously', data: { method } },
        }),
      });
    }

    /**
     * Where the combinator's promise goes: awaited, or returned from an
     * async function (either way the caller gets the array), or elsewhere
     * (a variable, `.then`, an argument: still a promise).
     */
    function getCombinatorUse(node: TSESTree.CallExpression): CombinatorUse | undefined {
      const parent = node.parent;
      if (parent.type === AST_NODE_TYPES.AwaitExpression) return { kind: 'awaited', await: parent };
      const enclosing = getEnclosingFunction(node);
      const isReturned =
        parent.type === AST_NODE_TYPES.ReturnStatement ||
        (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node);
      if (isReturned && enclosing?.async === true && !enclosing.generator) return { kind: 'returned' };
      // `Promise.all(…).then(…)`: a rewrite would need to keep the promise; wrapped below in `Promise.resolve`.
      return { kind: 'promise' };
    }

    /** `const r = await Promise.all([a, b].map(…))` is fine, but a statement starting with `[` may continue the one before. */
    function needsLeadingSemicolon(target: TSESTree.Node, mapCall: MapCall): boolean {
      const statement = target.parent;
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.range[0] !== target.range[0]) return false;
      const first = sourceCode.getFirstToken(mapCall);
      if (first === null || !(first.value === '(' || first.value === '[' || first.value.startsWith('`'))) return false;
      const previous = sourceCode.getTokenBefore(statement);
      return (
        previous !== null &&
        previous.value !== ';' &&
        previous.value !== '{' &&
        isStatementList(statement.parent)
      );
    }

    function hasCommentsIn(ranges: readonly TSESTree.Range[]): boolean {
      return ranges.some(([start, end]) =>
        sourceCode.getAllComments().some((comment) => comment.range[0] >= start && comment.range[1] <= end),
      );
    }

    /** The callback returns a type parameter: `Awaited<T>[]` would become `T[]`. */
    function returnsTypeParameter(callback: AsyncCallback): boolean {
      const signature = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(callback)).getCallSignatures()[0];
      const awaited = signature && checker.getAwaitedType(signature.getReturnType());
      return awaited === undefined || containsTypeParameter(awaited);
    }

    function checkForEach(node: TSESTree.CallExpression, callback: AsyncCallback): void {
      const member = node.callee as TSESTree.MemberExpression;
      let receiverType = services.getTypeAtLocation(member.object);
      if (member.optional) receiverType = checker.getNonNullableType(receiverType);
      const kind = getCollectionKind(receiverType);
      if (kind === undefined) return;
      const name = describeNode(sourceCode, member.object);
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const forEach = getForEachStatement(node, callback, kind);
      if (forEach !== undefined) {
        const canAwait = canAwaitAt(program, services.esTreeNodeToTSNodeMap.get(node).getSourceFile(), node);
        const awaitExpressionBody =
          callback.body.type !== AST_NODE_TYPES.BlockStatement &&
          !isCertainlyNotThenable(services, callback.body);
        const loop = buildSequentialLoop(sourceCode, forEach, { awaitExpressionBody, canAwait });
        if (loop !== undefined) {
          suggest.push({ messageId: 'useSequentialLoop', fix: (fixer) => fixer.replaceText(forEach.statement, loop) });
        }
        const concurrent = canAwait ? planConcurrentAll(sourceCode, forEach) : undefined;
        if (concurrent !== undefined) {
          suggest.push({
            messageId: 'useConcurrentAll',
            fix: (fixer) => concurrent.map((edit) => fixer.replaceTextRange(edit.range, edit.text)),
          });
        }
      }
      context.report({ node: member.property, messageId: 'asyncForEach', data: { name }, suggest });
    }

    /** Arrays, tuples and read-only arrays; `Set`, `Map` and their read-only views from the standard library. */
    function getCollectionKind(type: ts.Type): CollectionKind | undefined {
      let kind: CollectionKind | undefined;
      for (const member of tsutils.unionConstituents(type)) {
        const memberKind = checker.isArrayType(member) || checker.isTupleType(member) ? 'array' : getLibraryCollectionKind(member);
        if (memberKind === undefined || (kind !== undefined && memberKind !== kind)) return undefined;
        kind = memberKind;
      }
      return kind;
    }

    function getLibraryCollectionKind(type: ts.Type): CollectionKind | undefined {
      const symbol = type.getSymbol();
      const kind = symbol && LIBRARY_COLLECTIONS.get(symbol.getName());
      const declarations = symbol?.getDeclarations() ?? [];
      const isStandard =
        declarations.length > 0 &&
        declarations.every((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()));
      return isStandard ? kind : undefined;
    }

    function isArrayType(type: ts.Type): boolean {
      return tsutils.unionConstituents(type).every((member) => checker.isArrayType(member) || checker.isTupleType(member));
    }

    function checkYield(node: TSESTree.AwaitExpression & { parent: TSESTree.ExpressionStatement }, loops: readonly BoundableLoop[]): void {
      let passes = 1;
      for (const loop of loops) {
        const bound = getLoopIterationBound(services, sourceCode, loop);
        if (bound === undefined) return;
        passes *= bound;
        if (passes > smallArrayLength) return;
      }
      const statement = node.parent;
      // Every loop around it is bounded: now, is the work in them one that could want the yield?
      const outermost = loops.at(-1);
      if (outermost === undefined) return;
      const yields = findYieldStatements(outermost.body);
      const doesOtherWork = hasStatementBesides(outermost.body, yields);
      // Only yields (`for (…) await null;`): a flush, waiting for work queued before the loop.
      if (!doesOtherWork || !isInertWork(services, outermost.body, yields)) return;
      context.report({
        node,
        messageId: 'yieldInSmallLoop',
        data: { count: passes, name: describeNode(sourceCode, node) },
        fix: isStatementList(statement.parent) ? (fixer) => removeStatement(fixer, statement) : null,
      });
    }

    /** The statement, with its line when nothing else (but a trailing comment about it) shares the line. */
    function removeStatement(fixer: TSESLint.RuleFixer, statement: TSESTree.Node): TSESLint.RuleFix {
      const { start, end } = statement.loc;
      const startLine = sourceCode.lines[start.line - 1] ?? '';
      const endLine = sourceCode.lines[end.line - 1] ?? '';
      const before = startLine.slice(0, start.column);
      const after = endLine.slice(end.column).trim();
      if (before.trim() === '' && (after === '' || after.startsWith('//'))) {
        const lineStart = sourceCode.getIndexFromLoc({ line: start.line, column: 0 });
        const nextLine = end.line < sourceCode.lines.length ? sourceCode.getIndexFromLoc({ line: end.line + 1, column: 0 }) : sourceCode.text.length;
        return fixer.removeRange([lineStart, nextLine]);
      }
      // Not alone on its line: the statement and the spaces before it.
      const spaces = /\s*$/u.exec(before)?.[0].length ?? 0;
      return fixer.removeRange([statement.range[0] - spaces, statement.range[1]]);
    }

    function checkRecursion(node: TSESTree.CallExpression): void {
      const recursion = getIndexRecursion(sourceCode, node);
      if (recursion === undefined) return;
      const array = recursion.elementReads.find((read) => isArrayType(services.getTypeAtLocation(read.object)))?.object;
      if (array === undefined) return;
      const data = { name: node.callee.type === AST_NODE_TYPES.Identifier ? node.callee.name : '', array: describeNode(sourceCode, array) };
      const loop = buildLoopFromIndexRecursion(sourceCode, recursion);
      context.report({
        node,
        messageId: 'recursionAsLoop',
        data,
        suggest:
          loop === undefined ? [] : [{ messageId: 'useLoop', data, fix: (fixer) => fixer.replaceTextRange(loop.range, loop.text) }],
      });
    }

    function isYield(operand: TSESTree.Expression): boolean {
      return isEventLoopYield(sourceCode, operand) || isPromiseTimerYield(services, operand);
    }

    /** The yield statements of a loop body, not counting those of functions nested in it. */
    function findYieldStatements(body: TSESTree.Statement): Set<TSESTree.Node> {
      const found = new Set<TSESTree.Node>();
      forEachESTreeDescendant(body, (inner) => {
        if (inner !== body && isFunctionNode(inner)) return false;
        if (inner.type === AST_NODE_TYPES.ExpressionStatement && inner.expression.type === AST_NODE_TYPES.AwaitExpression && isYield(inner.expression.argument)) {
          found.add(inner);
          return false;
        }
        return true;
      });
      return found;
    }

    return {
      'ForOfStatement[await=true]': checkForAwait,
      AwaitExpression(node) {
        // Syntax first: a statement of its own, in a loop, that is a yield idiom; the checker only for `node:timers/promises`.
        if (node.parent.type !== AST_NODE_TYPES.ExpressionStatement) return;
        const loops = getEnclosingLoops(node);
        if (loops === undefined || loops.length === 0) return;
        if (!isYield(node.argument)) return;
        checkYield(node as TSESTree.AwaitExpression & { parent: TSESTree.ExpressionStatement }, loops);
      },
      CallExpression(node) {
        const combinator = getPromiseCombinator(sourceCode, node);
        if (combinator !== undefined) {
          checkPromiseAll(node, combinator.method, combinator.mapCall);
          return;
        }
        const callback = getAsyncForEachCallback(node);
        if (callback !== undefined) {
          checkForEach(node, callback);
          return;
        }
        // Syntax first (an `i + 1` argument, inside an async function of that name), the checker only then.
        if (node.callee.type === AST_NODE_TYPES.Identifier) checkRecursion(node);
      },
    };
  },
});

type PromiseCombinator = 'all' | 'allSettled';

type MapCall = TSESTree.CallExpression & {
  callee: TSESTree.MemberExpression;
  arguments: [AsyncCallback];
};

type CombinatorUse = { kind: 'awaited'; await: TSESTree.AwaitExpression } | { kind: 'promise' } | { kind: 'returned' };

const LIBRARY_COLLECTIONS = new Map<string, CollectionKind>([
  ['Set', 'set'],
  ['ReadonlySet', 'set'],
  ['Map', 'map'],
  ['ReadonlyMap', 'map'],
]);

/** `Promise.all(xs.map(async (x) => …))` and `Promise.allSettled(…)`, by syntax alone. */
function getPromiseCombinator(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.CallExpression,
): { method: PromiseCombinator; mapCall: MapCall } | undefined {
  const callee = node.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    (callee.property.name !== 'all' && callee.property.name !== 'allSettled') ||
    node.arguments.length !== 1 ||
    node.optional
  ) {
    return undefined;
  }
  const [argument] = node.arguments;
  if (argument?.type !== AST_NODE_TYPES.CallExpression || argument.optional || argument.arguments.length !== 1) return undefined;
  const mapCallee = argument.callee;
  if (
    mapCallee.type !== AST_NODE_TYPES.MemberExpression ||
    mapCallee.computed ||
    mapCallee.optional ||
    mapCallee.property.type !== AST_NODE_TYPES.Identifier ||
    mapCallee.property.name !== 'map'
  ) {
    return undefined;
  }
  const [callback] = argument.arguments;
  if (callback === undefined || !isAsyncCallback(callback) || !isGlobalPromise(sourceCode, callee.object)) return undefined;
  return { method: callee.property.name, mapCall: argument as MapCall };
}

/** `xs.forEach(async (x) => …)`: the callback of a `forEach` call, when it is an inline async function. */
function getAsyncForEachCallback(node: TSESTree.CallExpression): AsyncCallback | undefined {
  const callee = node.callee;
  if (
    callee.type !== AST_NODE_TYPES.MemberExpression ||
    callee.computed ||
    callee.property.type !== AST_NODE_TYPES.Identifier ||
    callee.property.name !== 'forEach'
  ) {
    return undefined;
  }
  const [callback] = node.arguments;
  return callback !== undefined && isAsyncCallback(callback) ? callback : undefined;
}

function isAsyncCallback(node: TSESTree.Node): node is AsyncCallback {
  return (
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression) &&
    node.async &&
    !node.generator
  );
}

/**
 * The loops around `node` in its function, innermost first, whose body holds
 * it; `undefined` when one of them can never be bounded (`for…in`).
 */
function getEnclosingLoops(node: TSESTree.Node): BoundableLoop[] | undefined {
  const loops: BoundableLoop[] = [];
  let child: TSESTree.Node = node;
  for (let current = node.parent; current != null; child = current, current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.StaticBlock:
        return loops;
      case AST_NODE_TYPES.ForInStatement:
        if (current.body === child) return undefined;
        break;
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        if (current.body === child) loops.push(current);
        break;
      default:
        break;
    }
  }
  return loops;
}

/** Some statement in the body that is not a block, a loop, a label or a yield: work of its own. */
function hasStatementBesides(statement: TSESTree.Statement, yields: ReadonlySet<TSESTree.Node>): boolean {
  if (yields.has(statement)) return false;
  switch (statement.type) {
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some((inner) => hasStatementBesides(inner, yields));
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.LabeledStatement:
      return hasStatementBesides(statement.body, yields);
    case AST_NODE_TYPES.EmptyStatement:
      return false;
    default:
      return true;
  }
}

function containsTypeParameter(type: ts.Type): boolean {
  return tsutils.unionConstituents(type).some((member) => tsutils.isInstantiableType(member));
}
