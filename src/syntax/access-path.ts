import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { skipChainExpression } from './chain-expression.js';

/**
 * An expression read as a variable and a chain of static property names:
 * `user.id` is `user` then `id`, `this.users[0]` is `this` then `users`, `0`.
 * Two paths name the same place when their roots are the same variable (by
 * scope, not by spelling) and their names match.
 */
export interface AccessPath {
  /** The variable the path starts from; `'this'` for `this`; `undefined` for an undeclared global, by name in `globalName`. */
  root: TSESLint.Scope.Variable | 'this' | undefined;
  globalName: string | undefined;
  properties: readonly string[];
}

/** The access path of an identifier, `this` or a static member chain; `undefined` for anything else (calls, computed keys). */
export function getAccessPath(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Node): AccessPath | undefined {
  const properties: string[] = [];
  let node: TSESTree.Node = skipChainExpression(expression);
  while (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.TSNonNullExpression) {
    if (node.type === AST_NODE_TYPES.TSNonNullExpression) {
      node = node.expression;
      continue;
    }
    const name = getStaticPropertyName(node);
    if (name === undefined) return undefined;
    properties.unshift(name);
    node = node.object;
  }
  if (node.type === AST_NODE_TYPES.ThisExpression) return { root: 'this', globalName: undefined, properties };
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node) ?? undefined;
  return { root: variable, globalName: variable === undefined ? node.name : undefined, properties };
}

/** Both paths name the same place. */
export function isSameAccessPath(a: AccessPath, b: AccessPath): boolean {
  if (a.root === undefined ? a.globalName !== b.globalName || b.root !== undefined : a.root !== b.root) return false;
  return a.properties.length === b.properties.length && a.properties.every((name, index) => b.properties[index] === name);
}

/** `a` is `b` or a property inside it (`user.id` is inside `user`). */
export function isAccessPathWithin(a: AccessPath, b: AccessPath): boolean {
  if (b.properties.length > a.properties.length) return false;
  return isSameAccessPath({ ...a, properties: a.properties.slice(0, b.properties.length) }, b);
}

/** `node.name`, `node['name']`, `node[0]`; `undefined` when computed from anything else. */
export function getStaticPropertyName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && (typeof property.value === 'string' || typeof property.value === 'number')) {
    return String(property.value);
  }
  return undefined;
}
