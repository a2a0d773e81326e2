import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { classifyCallback, isErrorFirstCallbackParameter, isRequestHandler } from '../analysis/callback-timing.js';
import { createRule } from '../create-rule.js';
import { insertAtBodyStart } from '../fixers/insert-at-body-start.js';
import { describeNode } from '../syntax/describe-node.js';
import { getEnclosingFunction } from '../syntax/function-node.js';

export type Options = [
  {
    /**
     * Names of a first parameter that mark a Node-style callback where the
     * types cannot tell (an untyped callee, a parameter typed `any`).
     * @default ['err', 'error']
     */
    errorNames?: string[];
    /**
     * Callee names (a function, or a method's property name) whose callbacks
     * are never reported.
     * @default []
     */
    ignore?: string[];
  },
];
export type MessageIds = 'errorDropped' | 'forwardError' | 'throwError';

type CallbackFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export default createRule<Options, MessageIds>({
  name: 'handle-callback-error',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require Node-style callbacks to read the error they are handed',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    defaultOptions: [{ errorNames: ['err', 'error'], ignore: [] }],
    messages: {
      errorDropped:
        '`{{name}}` receives the error of `{{callee}}`, and this callback never reads it: when the call fails, the failure is dropped and the code runs on as if it had worked. Handle the error, or pass it on.',
      throwError: 'Throw it: `if ({{name}}) throw {{name}};` at the top of the callback.',
      forwardError: 'Pass it on to `{{callback}}`: `if ({{name}}) return {{callback}}({{name}});` at the top of the callback.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          errorNames: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Names of a first parameter that mark a Node-style callback where the types cannot tell (an untyped callee, a parameter typed `any`); never for a parameter typed as a domain value.',
          },
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Callee names (a function, or a method property name) whose callbacks are never reported.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const timingOptions = { errorNames: options.errorNames ?? ['err', 'error'], ignore: options.ignore ?? [] };

    function check(callback: CallbackFunction): void {
      // Syntax first: a function written as an argument, whose first parameter is a name nothing reads.
      const call = callback.parent;
      if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return;
      if (!call.arguments.includes(callback)) return;
      const errorParameter = getErrorParameter(callback);
      // `_err`: the author says the error is not wanted here.
      if (errorParameter === undefined || errorParameter.name.startsWith('_')) return;
      if (isParameterRead(callback, errorParameter)) return;

      const timing = classifyCallback(services, callback, timingOptions);
      if (timing.timing !== 'continuation') return;
      if (timing.reason !== 'node-style-callback' && timing.reason !== 'error-first-by-name') return;
      // `app.use((err, req, res, next) => res.sendStatus(500))`: an error handler; answering the request handles it.
      if (isRequestHandler(services, callback)) return;

      const name = errorParameter.name;
      const ownCallback = findOwnCallbackParameter(callback);
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      if (ownCallback !== undefined) {
        suggestions.push({
          messageId: 'forwardError',
          data: { name, callback: ownCallback },
          fix: (fixer) => insertAtBodyStart(fixer, sourceCode, callback, `if (${name}) return ${ownCallback}(${name});`),
        });
      }
      suggestions.push({
        messageId: 'throwError',
        data: { name },
        fix: (fixer) => insertAtBodyStart(fixer, sourceCode, callback, `if (${name}) throw ${name};`),
      });
      context.report({
        node: errorParameter,
        messageId: 'errorDropped',
        data: { name, callee: describeNode(sourceCode, call.callee) },
        suggest: suggestions,
      });
    }

    /** Whether the parameter, or the function's `arguments`, is read anywhere in the function (nested functions included). */
    function isParameterRead(callback: CallbackFunction, parameter: TSESTree.Identifier): boolean {
      const variable = sourceCode.getDeclaredVariables(callback).find((declared) => declared.identifiers.includes(parameter));
      if (variable === undefined) return true;
      if (variable.references.some((reference) => reference.isRead())) return true;
      if (callback.type !== AST_NODE_TYPES.FunctionExpression) return false;
      const argumentsVariable = sourceCode.scopeManager?.acquire(callback)?.set.get('arguments');
      return argumentsVariable === undefined || argumentsVariable.references.length > 0;
    }

    /**
     * The name of the callback parameter of the nearest function around the
     * call that has one (`function load(file, done) { … }`), when the
     * callback sees it under that name: where the error should go instead.
     */
    function findOwnCallbackParameter(callback: CallbackFunction): string | undefined {
      const scope = sourceCode.getScope(callback);
      for (let fn = getEnclosingFunction(callback); fn !== undefined; fn = getEnclosingFunction(fn)) {
        const parameter = fn.params.at(-1);
        const binding = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
        if (binding?.type !== AST_NODE_TYPES.Identifier || !isErrorFirstCallbackParameter(services, binding)) continue;
        const visible = ASTUtils.findVariable(scope, binding.name);
        return visible?.identifiers.includes(binding) === true ? binding.name : undefined;
      }
      return undefined;
    }

    return {
      ArrowFunctionExpression: check,
      FunctionExpression: check,
    };
  },
});

/** The first parameter as a plain name: `err` in `(err, rows) => …` or `function (this: T, err = null)`. */
function getErrorParameter(callback: CallbackFunction): TSESTree.Identifier | undefined {
  const [first] = callback.params.filter((parameter) => parameter.type !== AST_NODE_TYPES.Identifier || parameter.name !== 'this');
  const binding = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  return binding?.type === AST_NODE_TYPES.Identifier ? binding : undefined;
}
