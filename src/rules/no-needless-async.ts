import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as ts from 'typescript';

import {
  isAsyncWithOnlySyncWork,
  isServerAction,
  summarizeFunction,
  type FunctionWithBody,
} from '../analysis/function-summary.js';
import { getFunctionVariable, isPromiseReturnRequiredByContract, type FunctionNode } from '../analysis/promise-contract.js';
import { forEachESTreeDescendant } from '../analysis/walk.js';
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
      if (isServerAction(declaration) || isPromiseReturnRequiredByContract(services, sourceCode, node)) return;

      const asyncToken = getAsyncToken(sourceCode, node);
      if (asyncToken === undefined) return;
      const name = capitalize(ASTUtils.getFunctionNameWithKind(node));
      context.report({
        node,
        loc: asyncToken.loc,
        messageId: 'needlessAsync',
        data: { name },
        ...getFixOrSuggest<MessageIds>({
          fixIsSafe: !summary.hasUncaughtThrow && areCallersUnaffected(node),
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
    function areCallersUnaffected(node: FunctionNode): boolean {
      return getReferencesIfAllKnown(node)?.every(isAwaitedOrDiscardedCall) ?? false;
    }

    /** Every reference to the function, when this module alone can reach it. */
    function getReferencesIfAllKnown(node: FunctionNode): TSESTree.Node[] | undefined {
      const privateMethodReferences = getPrivateMethodReferences(node);
      if (privateMethodReferences !== undefined) return privateMethodReferences;
      if (isExported(node)) return undefined;
      const variable = getFunctionVariable(sourceCode, node);
      if (variable === undefined || isScriptGlobal(node, variable)) return undefined;
      // A named function expression can also call itself by its own name.
      const ownName = getOwnNameVariable(node);
      return [...variable.references, ...(ownName?.references ?? [])]
        .filter((reference) => reference.init !== true)
        .map((reference) => reference.identifier);
    }

    function getOwnNameVariable(node: FunctionNode): TSESLint.Scope.Variable | undefined {
      const id = node.type === AST_NODE_TYPES.FunctionExpression ? node.id : null;
      if (id === null) return undefined;
      return sourceCode.getDeclaredVariables(node).find((candidate) => candidate.defs.some((definition) => definition.name === id));
    }

    /** A top-level function or `const` of a script (no import/export) is a global other files may call. */
    function isScriptGlobal(node: FunctionNode, variable: TSESLint.Scope.Variable): boolean {
      // ESLint parses every file as a module; TypeScript knows whether it is one.
      const topLevel =
        variable.scope.type === TSESLint.Scope.ScopeType.global || variable.scope.type === TSESLint.Scope.ScopeType.module;
      return topLevel && !ts.isExternalModule(services.esTreeNodeToTSNodeMap.get(node).getSourceFile());
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
 * Every use of a `#name` method: nothing outside its class can reach it, so
 * its uses are the `this.#name` member expressions in the class. A
 * TypeScript `private` method is private to the type checker only
 * (`obj['name']` reaches it from any file that gets an instance), so it is
 * not followed. `undefined` when the uses cannot all be known (a brand check
 * `#name in other`, a nested class reusing the name).
 */
function getPrivateMethodReferences(node: FunctionNode): TSESTree.MemberExpression[] | undefined {
  const method = node.parent;
  if (method.type !== AST_NODE_TYPES.MethodDefinition || method.value !== node || method.kind !== 'method') return undefined;
  const key = method.key;
  if (key.type !== AST_NODE_TYPES.PrivateIdentifier) return undefined;
  const references: TSESTree.MemberExpression[] = [];
  // An object, so the type checker sees the writes made inside `visit`.
  const found = { untraceable: false };
  const visit = (current: TSESTree.Node): boolean => {
    if (found.untraceable || current === key) return false;
    if (current.type === AST_NODE_TYPES.MemberExpression && current.property.type === AST_NODE_TYPES.PrivateIdentifier) {
      if (current.property.name === key.name) references.push(current);
      forEachESTreeDescendant(current.object, visit);
      return false;
    }
    if (current.type === AST_NODE_TYPES.PrivateIdentifier && current.name === key.name && !isOverloadKey(current, method)) {
      found.untraceable = true;
      return false;
    }
    if (
      current !== method.parent.parent &&
      (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) &&
      // A nested class may declare its own \`#name\`: its uses are not ours to tell apart.
      current.body.body.some(
        (member) => 'key' in member && member.key.type === AST_NODE_TYPES.PrivateIdentifier && member.key.name === key.name,
      )
    ) {
      found.untraceable = true;
      return false;
    }
    return true;
  };
  forEachESTreeDescendant(method.parent.parent, visit);
  return found.untraceable ? undefined : references;
}

/** The key of an overload signature of the same method: `#parse(a: string): Promise<number>;`. */
function isOverloadKey(node: TSESTree.Node, method: TSESTree.MethodDefinition): boolean {
  const parent = node.parent;
  return (
    parent?.type === AST_NODE_TYPES.MethodDefinition &&
    parent.key === node &&
    parent.parent === method.parent &&
    parent.value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression &&
    parent.static === method.static
  );
}

function isCallOf(reference: TSESTree.Node): boolean {
  const call = reference.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference;
}

function isAwaitedOrDiscardedCall(reference: TSESTree.Node): boolean {
  if (!isCallOf(reference)) return false;
  const user = reference.parent?.parent;
  if (user === undefined) return false;
  return (
    user.type === AST_NODE_TYPES.AwaitExpression ||
    user.type === AST_NODE_TYPES.ExpressionStatement ||
    (user.type === AST_NODE_TYPES.UnaryExpression && user.operator === 'void')
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
