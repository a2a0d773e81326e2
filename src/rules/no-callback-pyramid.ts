import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';

import type { ContinuationReason } from '../analysis/callback-timing.js';
import { createContinuationNesting, type ContinuationStep } from '../analysis/continuation-nesting.js';
import { createRule } from '../create-rule.js';
import { isCallbackArgument, type CallbackNode } from '../syntax/callback-nesting.js';

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

export type MessageIds = 'pyramid';

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
    messages: {
      pyramid:
        'This {{kind}} is continuation {{depth}} of a pyramid (the limit is {{maxDepth}}): each step waits inside the callback of the one before, so the code drifts right and every level needs its own error handling. Chain the steps with promises and `await` them one after another instead.',
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
            items: { type: 'string' },
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
      });
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

const STEP_KINDS: Readonly<Record<ContinuationReason, string>> = {
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
