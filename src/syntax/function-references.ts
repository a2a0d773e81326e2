import { AST_NODE_TYPES, type ParserServices, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { isAwaitedOrDiscardedCall } from './call-result-use.js';
import { type FunctionNode, getFunctionVariable } from './function-node.js';
import { someESTreeDescendant } from './walk.js';

/**
 * Making the function synchronous changes what its callers receive; no caller
 * can tell where every reference is known and each is a call whose result is
 * awaited or thrown away.
 */
export function areAllCallersUnaffected(
  services: Pick<ParserServices, 'esTreeNodeToTSNodeMap'>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): boolean {
  return getReferencesIfAllKnown(services, sourceCode, node)?.every(isAwaitedOrDiscardedCall) ?? false;
}

/**
 * A reference this file shows uses the function's promise: it is passed on,
 * stored, or called and its result used (`helper().then(…)`). Where the
 * references cannot all be known, only those this file shows are read.
 */
export function hasCallerUsingPromise(
  services: Pick<ParserServices, 'esTreeNodeToTSNodeMap'>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): boolean {
  const references = getReferencesIfAllKnown(services, sourceCode, node) ?? [];
  return references.some((reference) => !isAwaitedOrDiscardedCall(reference));
}

/**
 * Every reference to a function, when the linted module alone can reach it:
 * the uses of a `#private` method inside its class, or the references to a
 * function or `const` that is neither exported nor a script's global (a
 * named function expression's own name included). `undefined` when other
 * code may hold references this file does not show.
 */
export function getReferencesIfAllKnown(
  services: Pick<ParserServices, 'esTreeNodeToTSNodeMap'>,
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: FunctionNode,
): TSESTree.Node[] | undefined {
  const privateMethodReferences = getPrivateMethodReferences(node);
  if (privateMethodReferences !== undefined) return privateMethodReferences;
  if (isExported(node)) return undefined;
  const variable = getFunctionVariable(sourceCode, node);
  if (variable === undefined || isScriptGlobal(services, node, variable)) return undefined;
  // A named function expression can also call itself by its own name.
  const ownName = getOwnNameVariable(sourceCode, node);
  return [...variable.references, ...(ownName?.references ?? [])]
    .filter((reference) => reference.init !== true)
    .map((reference) => reference.identifier);
}

function getOwnNameVariable(sourceCode: Readonly<TSESLint.SourceCode>, node: FunctionNode): TSESLint.Scope.Variable | undefined {
  const id = node.type === AST_NODE_TYPES.FunctionExpression ? node.id : null;
  if (id === null) return undefined;
  return sourceCode.getDeclaredVariables(node).find((candidate) => candidate.defs.some((definition) => definition.name === id));
}

/** A top-level function or `const` of a script (no import/export) is a global other files may call. */
function isScriptGlobal(
  services: Pick<ParserServices, 'esTreeNodeToTSNodeMap'>,
  node: FunctionNode,
  variable: TSESLint.Scope.Variable,
): boolean {
  // ESLint parses every file as a module; TypeScript knows whether it is one.
  const topLevel =
    variable.scope.type === TSESLint.Scope.ScopeType.global || variable.scope.type === TSESLint.Scope.ScopeType.module;
  return topLevel && !ts.isExternalModule(services.esTreeNodeToTSNodeMap.get(node).getSourceFile());
}

/** `export function f`, `export default function`, `export const f = …`. */
export function isExported(node: FunctionNode): boolean {
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
  const name = key.name;
  const classNode = method.parent.parent;
  const references: TSESTree.MemberExpression[] = [];
  const untraceable = someESTreeDescendant(classNode, (current) => {
    if (current === key) return 'skip';
    if (current.type === AST_NODE_TYPES.MemberExpression && current.property.type === AST_NODE_TYPES.PrivateIdentifier) {
      if (current.property.name === name) references.push(current);
      return 'descend';
    }
    return isUntraceableUse(current) ? 'found' : 'descend';
  });
  return untraceable ? undefined : references;

  function isUntraceableUse(current: TSESTree.Node): boolean {
    if (current.type === AST_NODE_TYPES.PrivateIdentifier) {
      // `this.#name` was counted as a reference at its member expression.
      const isMemberProperty = current.parent.type === AST_NODE_TYPES.MemberExpression && current.parent.property === current;
      return !isMemberProperty && current.name === name && !isOverloadKey(current, method as TSESTree.MethodDefinition);
    }
    // A nested class may declare its own `#name`: its uses are not ours to tell apart.
    return (
      current !== classNode &&
      (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) &&
      current.body.body.some(
        (member) => 'key' in member && member.key.type === AST_NODE_TYPES.PrivateIdentifier && member.key.name === name,
      )
    );
  }
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
