import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';

import { isAsyncWithOnlySyncWork, summarizeFunction, type FunctionWithBody } from '../analysis/function-summary.js';
import { getFunctionVariable, isPromiseReturnRequiredByContract, type FunctionNode } from '../analysis/promise-contract.js';
import { createRule } from '../util/createRule.js';
import { getFixOrSuggest } from '../util/getFixOrSuggest.js';
import { canMakeFunctionSynchronous, getAsyncToken, makeFunctionSynchronous } from '../util/makeFunctionSynchronous.js';

export type Options = [];
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
    schema: [],
  },
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const sourceCode = context.sourceCode;

    function check(node: FunctionNode): void {
      // Syntax first: only async, non-generator functions with a non-empty body.
      if (!node.async || node.generator) return;
      if (node.body.type === AST_NODE_TYPES.BlockStatement && node.body.body.length === 0) return;
      const declaration = services.esTreeNodeToTSNodeMap.get(node) as FunctionWithBody;
      const summary = summarizeFunction(checker, declaration);
      if (!isAsyncWithOnlySyncWork(summary)) return;
      if (isPromiseReturnRequiredByContract(services, sourceCode, node)) return;

      const asyncToken = getAsyncToken(sourceCode, node);
      if (asyncToken === undefined) return;
      const name = capitalize(ASTUtils.getFunctionNameWithKind(node));
      context.report({
        node,
        loc: asyncToken.loc,
        messageId: 'needlessAsync',
        data: { name },
        ...getFixOrSuggest<MessageIds>({
          fixIsSafe: !summary.hasUncaughtThrow && isOnlyCalledForEffectOrAwaited(node),
          fix: canMakeFunctionSynchronous(sourceCode, node)
            ? (fixer) => makeFunctionSynchronous(fixer, sourceCode, node)
            : null,
          suggestion: { messageId: 'removeAsync', data: { name } },
        }),
      });
    }

    /**
     * The fix may change what callers receive only where no caller can tell:
     * a function this module alone can reach, every reference a call whose
     * result is awaited or thrown away. The awaits left behind are then
     * `no-trivial-await`'s to remove.
     */
    function isOnlyCalledForEffectOrAwaited(node: FunctionNode): boolean {
      const privateMethodReferences = getPrivateMethodReferences(node);
      if (privateMethodReferences !== undefined) return privateMethodReferences.every(isAwaitedOrDiscardedCall);
      if (isExported(node) || !isModuleOrNested(node)) return false;
      const variable = getFunctionVariable(sourceCode, node);
      if (variable === undefined) return false;
      // A named function expression can also call itself by its own name.
      const ownName = getOwnNameVariable(node);
      const references = [...variable.references, ...(ownName?.references ?? [])].filter(
        (reference) => reference.init !== true,
      );
      return references.every((reference) => isAwaitedOrDiscardedCall(reference.identifier));
    }

    function getOwnNameVariable(node: FunctionNode): TSESLint.Scope.Variable | undefined {
      const id = node.type === AST_NODE_TYPES.FunctionExpression ? node.id : null;
      if (id === null) return undefined;
      return sourceCode.getDeclaredVariables(node).find((candidate) => candidate.defs.some((definition) => definition.name === id));
    }

    function isModuleOrNested(node: FunctionNode): boolean {
      const scope = sourceCode.getScope(node.type === AST_NODE_TYPES.FunctionDeclaration ? node.parent : node);
      // A top-level function of a script is a global other files may call.
      return scope.type !== TSESLint.Scope.ScopeType.global || ts.isExternalModule(services.esTreeNodeToTSNodeMap.get(node).getSourceFile());
    }

    return {
      ArrowFunctionExpression: check,
      FunctionDeclaration: check,
      FunctionExpression: check,
    };
  },
});

function isExported(node: FunctionNode): boolean {
  let current: TSESTree.Node = node.parent;
  if (current.type === AST_NODE_TYPES.VariableDeclarator) current = current.parent.parent;
  return (
    current.type === AST_NODE_TYPES.ExportNamedDeclaration || current.type === AST_NODE_TYPES.ExportDefaultDeclaration
  );
}

/**
 * Every use of a private method (`#name`, or TS `private`) inside its class:
 * nothing outside the class can reach it. `undefined` for other functions, and
 * for a TS-private method whose name also appears as a computed key or a
 * string (`this['name']`), which we do not follow.
 */
function getPrivateMethodReferences(node: FunctionNode): TSESTree.MemberExpression[] | undefined {
  const method = node.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.value !== node || method.kind !== 'method') return undefined;
  const key = method.key;
  const isEsPrivate = key.type === AST_NODE_TYPES.PrivateIdentifier;
  const isTsPrivate = method.accessibility === 'private' && !method.computed && key.type === AST_NODE_TYPES.Identifier;
  if (!isEsPrivate && !isTsPrivate) return undefined;
  const references: TSESTree.MemberExpression[] = [];
  const found = { untraceable: false };
  const visit = (current: TSESTree.Node): void => {
    if (current.type === AST_NODE_TYPES.MemberExpression && !current.computed && current.property.type === key.type) {
      if ((current.property as { name: string }).name === key.name) references.push(current);
    } else if (isTsPrivate && current.type === AST_NODE_TYPES.Literal && current.value === key.name) {
      // `this['name']` reaches a TS-private method too (a `#name` never by a string).
      found.untraceable = true;
    } else if (current.type === AST_NODE_TYPES.PrivateIdentifier && current.parent.type === AST_NODE_TYPES.BinaryExpression) {
      // `#name in other`: a brand check, not a call.
      if (current.name === key.name) found.untraceable = true;
    }
    for (const [property, child] of Object.entries(current)) {
      if (property === 'parent') continue;
      for (const item of Array.isArray(child) ? child : [child]) {
        if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') {
          visit(item as TSESTree.Node);
        }
      }
    }
  };
  visit(method.parent);
  return found.untraceable ? undefined : references;
}

function isAwaitedOrDiscardedCall(reference: TSESTree.Node): boolean {
  const call = reference.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference) return false;
  const user = call.parent;
  return (
    user.type === AST_NODE_TYPES.AwaitExpression ||
    user.type === AST_NODE_TYPES.ExpressionStatement ||
    (user.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void')
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
