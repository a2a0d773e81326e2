import { typeMatchesSomeSpecifier, typeOrValueSpecifiersSchema, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type ParserServicesWithTypeInformation } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

import { isAsyncWrapperAroundSyncWork } from '../analysis/async-wrapper.js';
import { type FunctionWithBody, summarizeFunction } from '../analysis/function-summary.js';
import { isPromiseReturnRequiredByContract } from '../analysis/promise-contract.js';
import { createRule } from '../create-rule.js';
import { getFixOrSuggest } from '../fixers/fix-or-suggest.js';
import { canMakeFunctionSynchronous, getAsyncToken, makeFunctionSynchronous } from '../fixers/make-function-synchronous.js';
import type { FunctionNode } from '../syntax/function-node.js';
import { areAllCallersUnaffected } from '../syntax/function-references.js';

export type Options = [
  {
    /**
     * Function declarations and methods whose `async` stays although their work is
     * synchronous (`TypeOrValueSpecifier`s naming them, as typescript-eslint's rules
     * take them): a public API's `close(): Promise<void>`. @default []
     */
    allow?: TypeOrValueSpecifier[];
  },
];
export type MessageIds = 'needlessAsync' | 'removeAsync';

export default createRule<Options, MessageIds>({
  name: 'no-needless-async',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Disallow `async` on functions that never await and return no promise',
      recommended: 'strict',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    // The suggestions are built by getFixOrSuggest, out of this rule's sight.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    messages: {
      needlessAsync:
        '{{name}} never awaits and returns no promise: its work is synchronous, and every caller pays for a promise and a microtask for nothing. Remove `async`.',
      removeAsync: 'Remove `async` (callers then get the value, not a promise).',
    },
    defaultOptions: [{ allow: [] }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allow: {
            ...(typeOrValueSpecifiersSchema as JSONSchema4),
            description:
              'Function declarations and methods to leave alone although they do only synchronous work (`TypeOrValueSpecifier`s naming them).',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const allow = options.allow ?? [];

    function checkAsyncFunction(node: FunctionNode): void {
      // Syntax first: only async, non-generator functions with a non-empty body.
      if (!node.async || node.generator) return;
      if (node.body.type === AST_NODE_TYPES.BlockStatement && node.body.body.length === 0) return;
      const declaration = services.esTreeNodeToTSNodeMap.get(node) as FunctionWithBody;
      if (!isAsyncWrapperAroundSyncWork(services.program, declaration)) return;
      if (allow.length > 0 && isAllowed(services, node, allow)) return;
      if (isPromiseReturnRequiredByContract(services, sourceCode, node)) return;

      const asyncToken = getAsyncToken(sourceCode, node);
      if (asyncToken === undefined) return;
      const name = capitalize(ASTUtils.getFunctionNameWithKind(node));
      // A throw becomes a rejection inside `async`: without it, callers in a `try` would catch it instead.
      const mayThrow = summarizeFunction(services.program, declaration).hasUncaughtThrow;
      context.report({
        node,
        loc: asyncToken.loc,
        messageId: 'needlessAsync',
        data: { name },
        ...getFixOrSuggest<MessageIds>({
          fixIsSafe: !mayThrow && areAllCallersUnaffected(services, sourceCode, node),
          fix: canMakeFunctionSynchronous(sourceCode, node)
            ? (fixer) => makeFunctionSynchronous(fixer, sourceCode, node)
            : null,
          suggestion: { messageId: 'removeAsync', data: { name } },
        }),
      });
    }

    return {
      ArrowFunctionExpression: checkAsyncFunction,
      FunctionDeclaration: checkAsyncFunction,
      FunctionExpression: checkAsyncFunction,
    };
  },
});

/**
 * A function declaration or method the user names in `allow`. The type of
 * such a function carries its own symbol (`close`, declared in its file);
 * an arrow or function expression has an anonymous one, which no entry names.
 */
function isAllowed(services: ParserServicesWithTypeInformation, node: FunctionNode, allow: TypeOrValueSpecifier[]): boolean {
  const named =
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    ((node.parent.type === AST_NODE_TYPES.MethodDefinition || (node.parent.type === AST_NODE_TYPES.Property && node.parent.method)) &&
      node.parent.value === node);
  return named && typeMatchesSomeSpecifier(services.getTypeAtLocation(node), allow, services.program);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
