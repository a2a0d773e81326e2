import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import type { ContinuationReason } from '../analysis/callback-timing.js';
import { askChecker } from '../analysis/checker-guard.js';
import { createContinuationNesting, getFsPromiseTwin, isNativePromise, type ContinuationStep } from '../analysis/continuation-nesting.js';
import { isCertainlyNotThenable } from '../analysis/not-thenable.js';
import { hasPromiseForm } from '../analysis/promise-form.js';
import { createRule } from '../create-rule.js';
import { getFixOrSuggest } from '../fixers/fix-or-suggest.js';
import { referenceModuleExport, type ModuleExportReference } from '../fixers/module-export.js';
import { buildPromisified, type ErrorCheck } from '../fixers/promisify-callback.js';
import { buildAwaitSequence, buildFlattenedThen } from '../fixers/then-pyramid.js';
import { isCallbackArgument, type CallbackNode } from '../syntax/callback-nesting.js';
import { getEnclosingFunction } from '../syntax/function-node.js';
import { readsOwnThisOrArguments } from '../syntax/own-this.js';
import {
  containsReturn,
  getFinalResult,
  getMovableNames,
  getThenLevel,
  getThenPyramid,
  readsBindingsOf,
  type ThenPyramid,
} from '../syntax/then-chain.js';
import { createNamePicker } from '../syntax/unused-name.js';

export type Options = [
  {
    /**
     * How many continuations may nest inside one another; the first callback
     * beyond this depth is reported.
     * @default 3
     */
    maxDepth?: number;
    /**
     * Callee names (a function, or a method's property name) whose callbacks
     * never count as a level.
     * @default []
     */
    ignore?: string[];
  },
];

export type MessageIds = 'promisify' | 'pyramid' | 'useAwait';

const DEFAULT_MAX_DEPTH = 3;

export default createRule<Options, MessageIds>({
  name: 'no-callback-pyramid',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow callbacks that run later nested deeper than a limit, each waiting inside the one before',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    messages: {
      promisify: 'Await `{{callee}}` here instead of passing a callback (the function around it becomes async).',
      useAwait:
        'Await the steps one after another; each rejection handler becomes a `try`/`catch` around the step it handled.',
      pyramid:
        'This {{kind}} is continuation {{depth}} of a pyramid (the limit is {{maxDepth}}): each step waits inside the callback of the one before, so the code drifts right and reads from the outside in. Chain the steps with promises and `await` them one after another instead.',
    },
    defaultOptions: [{ maxDepth: DEFAULT_MAX_DEPTH, ignore: [] }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          maxDepth: {
            type: 'integer',
            minimum: 1,
            description: 'How many continuations may nest inside one another; the first callback beyond this depth is reported.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Callee names (a function, or a method’s property name) whose callbacks never count as a level.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    const nesting = createContinuationNesting(services, { ignore: options.ignore ?? [] });

    function check(callback: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression): void {
      if (!isCallbackArgument(callback)) return;
      // Syntax first: the callbacks as written must nest deeper than the limit before any type is asked.
      const steps = nesting.getStepsTo(callback, maxDepth + 1);
      // Report the head of the pyramid's first level beyond the limit, not every level below it.
      const own = steps?.at(-1);
      if (own === undefined || steps?.length !== maxDepth + 1) return;
      context.report({
        loc: getHeadLocation(callback),
        messageId: 'pyramid',
        data: { kind: describeStep(own), depth: steps.length, maxDepth },
        ...(own.reason === 'promise-handler' ? getThenFix(callback) : {}),
        ...(own.reason === 'node-style-callback' ? getPromisifySuggestion(callback, own) : {}),
      });
    }

    /**
     * A returned or awaited pyramid of `.then` handlers in an async function
     * becomes `await` statements (a fix; a suggestion where a rejection
     * handler sits between, which needs a `try`); otherwise, and beside that
     * suggestion, a `.then` whose handler reads nothing of the handler around
     * it moves out behind it.
     */
    function getThenFix(handler: CallbackNode): Pick<TSESLint.ReportDescriptor<MessageIds>, 'fix' | 'suggest'> {
      const pyramid = getThenPyramid(handler);
      if (pyramid !== undefined && canAwaitPyramid(pyramid)) {
        const withRejectionHandler = pyramid.levels.some((level) => level.rejectionHandler !== undefined);
        const last = pyramid.levels.at(-1);
        const lastResult = last === undefined ? undefined : getFinalResult(last.handler)?.expression;
        const fix = buildAwaitSequence(sourceCode, pyramid, {
          awaitLastResult: lastResult !== undefined && !isCertainlyNotThenable(services, lastResult),
          errorName: withRejectionHandler ? createNamePicker(sourceCode).pick('error') : 'error',
        });
        if (fix !== undefined) {
          const offer = getFixOrSuggest({ fixIsSafe: !withRejectionHandler, fix, suggestion: { messageId: 'useAwait' } });
          if (offer.fix !== undefined) return offer;
          // The `await` rewrite is only a suggestion here: flattening may still be a fix.
          const flattened = getFlattenFix(handler);
          return flattened === undefined ? offer : { ...offer, fix: flattened };
        }
      }
      const fix = getFlattenFix(handler);
      return fix === undefined ? {} : { fix };
    }

    function canAwaitPyramid({ root, levels }: ThenPyramid): boolean {
      const fn = getEnclosingFunction(root.statement);
      if (fn === undefined || !fn.async || fn.generator) return false;
      // `return promise` inside a `try` does not catch the promise's rejection; `await` would.
      if (root.kind === 'return' && isInsideTry(root.statement, fn)) return false;
      // A rejection handler's result is the pyramid's: only a `return` can give it.
      if (root.kind !== 'return' && levels.some((level) => level.rejectionHandler !== undefined)) return false;
      for (const [index, level] of levels.entries()) {
        const { handler } = level;
        if (handler.generator || handler.returnType !== undefined || handler.typeParameters !== undefined) return false;
        if (level.call.typeArguments !== undefined) return false;
        if (handler.type === AST_NODE_TYPES.FunctionExpression && readsOwnThisOrArguments([handler.body])) return false;
        if (root.kind !== 'return' && !keepsReturnsInPlace(handler, index === levels.length - 1, root.kind === 'declare')) return false;
      }
      if (getMovableNames(sourceCode, levels.map((level) => level.handler), root.statement) === undefined) return false;
      return levels.every((level) => isNativePromise(services, level.object));
    }

    /**
     * Outside a `return`, the handlers' statements can only be moved if no
     * `return` but each one's final one gives the next level (or the value).
     */
    function keepsReturnsInPlace(handler: CallbackNode, isLast: boolean, needsValue: boolean): boolean {
      if (handler.body.type !== AST_NODE_TYPES.BlockStatement) return true;
      const final = getFinalResult(handler);
      if (final === undefined) return isLast && !needsValue && !containsReturn(handler.body);
      return !final.hasEarlyReturn;
    }

    /**
     * `readFile(path, (error, text) => { if (error) throw error; … })`, the
     * last statement of a callback, as `const text = await readFile(path); …`
     * with `node:fs/promises`, or `promisify` of `node:util` for other
     * Node-style APIs. Always a suggestion: the function around becomes
     * async, and a thrown error becomes a rejection.
     */
    function getPromisifySuggestion(
      callback: CallbackNode,
      step: ContinuationStep,
    ): Pick<TSESLint.ReportDescriptor<MessageIds>, 'suggest'> {
      const call = step.call;
      const statement = call.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.optional || call.arguments.at(-1) !== callback) return {};
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== call) return {};
      if (call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return {};
      const enclosing = getEnclosingFunction(statement);
      if (enclosing === undefined || !isCallbackArgument(enclosing) || enclosing.generator || enclosing.returnType !== undefined) return {};
      if (enclosing.body.type !== AST_NODE_TYPES.BlockStatement || enclosing.body.body.at(-1) !== statement) return {};
      if (callback.generator || callback.params.length > 2) return {};
      if (callback.type === AST_NODE_TYPES.FunctionExpression && readsOwnThisOrArguments([callback.body])) return {};
      const errorCheck = getErrorCheck(callback);
      if (errorCheck === undefined) return {};
      if (getMovableNames(sourceCode, [callback], statement) === undefined) return {};
      const promiseForm = getPromiseForm(call, callback);
      if (promiseForm === undefined) return {};
      const fix = buildPromisified(sourceCode, {
        statement,
        call,
        callback,
        errorCheck,
        enclosing,
        promiseCallee: promiseForm.text,
        additions: promiseForm.additions,
        catchAnnotation: errorCheck.kind === 'handle' && readsCaughtError(callback, errorCheck) && catchVariablesAreUnknown() ? ': any' : undefined,
      });
      return fix === undefined ? {} : { suggest: [{ messageId: 'promisify', data: { callee: promiseForm.text }, fix }] };
    }

    /**
     * Does the handling block read the error (beyond the `if` that tests it)
     * where `unknown` would not do: anywhere but as an argument whose
     * parameter takes `unknown` or `any` (`reject(error)`, `console.error(error)`),
     * or in `throw error`.
     */
    function readsCaughtError(callback: CallbackNode, errorCheck: Extract<ErrorCheck, { kind: 'handle' }>): boolean {
      const variable = sourceCode.getScope(callback).set.get(errorCheck.error.name);
      if (variable === undefined) return true;
      return variable.references.some(({ identifier }) => {
        if (identifier === errorCheck.statement.test) return false;
        const parent = identifier.parent;
        if (parent.type === AST_NODE_TYPES.ThrowStatement) return false;
        if (parent.type !== AST_NODE_TYPES.CallExpression || !parent.arguments.includes(identifier as TSESTree.Identifier)) return true;
        const argument = services.esTreeNodeToTSNodeMap.get(identifier as TSESTree.Identifier) as ts.Identifier;
        return askChecker(true, () => {
          const parameter = services.program.getTypeChecker().getContextualType(argument);
          return parameter === undefined || !tsutils.isTypeFlagSet(parameter, ts.TypeFlags.Any | ts.TypeFlags.Unknown);
        });
      });
    }

    /** `catch (error)` gives `unknown` under `useUnknownInCatchVariables`, which `strict` turns on. */
    function catchVariablesAreUnknown(): boolean {
      const options = services.program.getCompilerOptions();
      return options.useUnknownInCatchVariables ?? options.strict ?? false;
    }

    /** `if (error) throw error;` or `if (error) { …; return; }` first, and the error read nowhere else. */
    function getErrorCheck(callback: CallbackNode): ErrorCheck | undefined {
      const [error, value] = callback.params;
      if (error?.type !== AST_NODE_TYPES.Identifier || callback.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
      if (value !== undefined && value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.ObjectPattern && value.type !== AST_NODE_TYPES.ArrayPattern) {
        return undefined;
      }
      const [first] = callback.body.body;
      if (first?.type !== AST_NODE_TYPES.IfStatement || first.alternate !== null) return undefined;
      if (first.test.type !== AST_NODE_TYPES.Identifier || first.test.name !== error.name) return undefined;
      const variable = sourceCode.getScope(callback).set.get(error.name);
      if (variable === undefined) return undefined;
      const consequent = first.consequent;
      const only = consequent.type === AST_NODE_TYPES.BlockStatement && consequent.body.length === 1 ? consequent.body[0] : consequent;
      if (only?.type === AST_NODE_TYPES.ThrowStatement && only.argument.type === AST_NODE_TYPES.Identifier && only.argument.name === error.name) {
        return variable.references.length === 2 ? { kind: 'rethrow', statement: first } : undefined;
      }
      const last = consequent.type === AST_NODE_TYPES.BlockStatement ? consequent.body.at(-1) : consequent;
      if (last?.type !== AST_NODE_TYPES.ReturnStatement && last?.type !== AST_NODE_TYPES.ThrowStatement) return undefined;
      const readOutside = variable.references.some(
        (reference) =>
          reference.identifier !== first.test &&
          (reference.identifier.range[0] < consequent.range[0] || reference.identifier.range[1] > consequent.range[1]),
      );
      return readOutside ? undefined : { kind: 'handle', statement: first, error };
    }

    /**
     * `readFile` of `node:fs/promises` for a `node:fs` function; the callee
     * itself where it returns a promise of the callback's value when called
     * without it (pg's `client.query(sql)`); else `promisify(api)` (bound to
     * its object).
     */
    function getPromiseForm(call: TSESTree.CallExpression, callback: CallbackNode): ModuleExportReference | undefined {
      const callee = call.callee;
      const value = callback.params[1];
      if (value !== undefined && hasPromiseForm(services, call, services.getTypeAtLocation(value))) {
        return { text: sourceCode.getText(callee), additions: [] };
      }
      const twin = getFsPromiseTwin(services, callee);
      if (twin !== undefined) {
        return referenceModuleExport(sourceCode, call, {
          modules: ['node:fs/promises', 'fs/promises'],
          exportName: twin,
          parent: { modules: ['node:fs', 'fs'], member: 'promises' },
          parentNamespace:
            callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? callee.object.name : undefined,
        });
      }
      let api: string;
      if (callee.type === AST_NODE_TYPES.Identifier) {
        api = callee.name;
      } else if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        !callee.computed &&
        (callee.object.type === AST_NODE_TYPES.Identifier || callee.object.type === AST_NODE_TYPES.ThisExpression)
      ) {
        const object = sourceCode.getText(callee.object);
        api = `${sourceCode.getText(callee)}.bind(${object})`;
      } else {
        return undefined;
      }
      const promisify = referenceModuleExport(sourceCode, call, { modules: ['node:util', 'util'], exportName: 'promisify' });
      return { text: `${promisify.text}(${api})`, additions: promisify.additions };
    }

    /** `outer.then((a) => inner.then(h))` as `outer.then((a) => inner).then(h)` where that is the same program. */
    function getFlattenFix(handler: CallbackNode): TSESLint.ReportFixFunction | undefined {
      const inner = getThenLevel(handler);
      if (inner === undefined || inner.rejectionHandler !== undefined) return undefined;
      const outerHandler = getEnclosingFunction(inner.call);
      if (outerHandler === undefined || !isCallbackArgument(outerHandler)) return undefined;
      const outer = getThenLevel(outerHandler);
      if (outer === undefined || outer.rejectionHandler !== undefined) return undefined;
      const final = getFinalResult(outerHandler);
      // An early `return value` would reach `h` once it is chained behind.
      if (final?.expression !== inner.call || final.hasEarlyReturn) return undefined;
      if (outerHandler.returnType !== undefined || outerHandler.generator) return undefined;
      if (readsBindingsOf(sourceCode, handler, outerHandler)) return undefined;
      if (
        outerHandler.type === AST_NODE_TYPES.FunctionExpression &&
        handler.type === AST_NODE_TYPES.ArrowFunctionExpression &&
        readsOwnThisOrArguments([handler.body])
      ) {
        return undefined;
      }
      if (!isNativePromise(services, outer.object) || !isNativePromise(services, inner.object)) return undefined;
      return buildFlattenedThen(sourceCode, inner, outer);
    }

    /** From the start of the function to its `=>`, or to the end of its parameters: where the callback begins. */
    function getHeadLocation(callback: CallbackNode): TSESTree.SourceLocation {
      const beforeBody = sourceCode.getTokenBefore(callback.body, {
        filter: (token) => callback.type !== AST_NODE_TYPES.ArrowFunctionExpression || token.value === '=>',
      });
      return { start: callback.loc.start, end: beforeBody?.loc.end ?? callback.loc.end };
    }

    return {
      ArrowFunctionExpression: check,
      FunctionExpression: check,
    };
  },
});

/** Whether `node` sits in a `try` statement of `fn` (its block, `catch` or `finally`), not of a function inside it. */
function isInsideTry(node: TSESTree.Node, fn: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement) return true;
  }
  return false;
}

const STEP_KINDS: Readonly<Record<ContinuationReason, string>> = {
  'error-first-by-name': 'Node-style callback',
  'event-listener': 'event listener',
  'node-style-callback': 'Node-style callback',
  'promise-handler': 'promise handler',
  timer: 'timer callback',
  'void-callback': 'callback',
};

function describeStep(step: ContinuationStep): string {
  if (step.reason === 'promise-handler') {
    const callee = step.call.callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) {
      return `\`.${callee.property.name}\` handler`;
    }
  }
  return STEP_KINDS[step.reason];
}
