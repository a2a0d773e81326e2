import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * A type assertion (`x as T`, `<T>x`, but not `as const`) anywhere along the
 * operand's value path: the author overruled the checker there, and a rule
 * that repeats the checker's answer would repeat the author's guess.
 */
export function containsTypeAssertion(node: TSESTree.Node): boolean {
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

function isConstAssertion(annotation: TSESTree.TypeNode): boolean {
  return (
    annotation.type === AST_NODE_TYPES.TSTypeReference &&
    annotation.typeName.type === AST_NODE_TYPES.Identifier &&
    annotation.typeName.name === 'const'
  );
}
