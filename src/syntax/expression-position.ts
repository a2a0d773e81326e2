import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/**
 * Questions about the place an expression stands in, asked before a fix
 * replaces it with another expression.
 */

/** `a, b` where `a` is not the last operand: its value goes nowhere (TypeScript rejects an unused operand). */
export function isUnusedSequenceOperand(node: TSESTree.Expression): boolean {
  const parent = node.parent;
  return parent.type === AST_NODE_TYPES.SequenceExpression && parent.expressions.at(-1) !== node;
}

const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%', '**', '&', '|', '^', '<<', '>>', '>>>']);

/** Where a literal type and its base type give the same result: `x * 2`, `` `${x}` ``, `let y = x`. */
export function isWideningPosition(node: TSESTree.Expression): boolean {
  const parent = node.parent;
  if (parent.type === AST_NODE_TYPES.BinaryExpression) return ARITHMETIC_OPERATORS.has(parent.operator);
  // `typeof`, `-`, `!` and `as` read the value, whatever its literal type.
  if (
    parent.type === AST_NODE_TYPES.TemplateLiteral ||
    parent.type === AST_NODE_TYPES.UnaryExpression ||
    parent.type === AST_NODE_TYPES.TSAsExpression
  ) {
    return true;
  }
  return (
    parent.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === node &&
    parent.parent.kind !== 'const' &&
    parent.id.type === AST_NODE_TYPES.Identifier
  );
}

/**
 * `(await obj.method)()` calls the method with no `this`; `(obj.method)()`
 * would call it on `obj`. True when `target` is called (or tags a template)
 * and `replacement` is a member access, so replacing one with the other
 * would bind `this`.
 */
export function wouldBindThis(target: TSESTree.Expression, replacement: TSESTree.Expression): boolean {
  const parent = target.parent;
  const isCallee =
    (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === target) ||
    (parent.type === AST_NODE_TYPES.TaggedTemplateExpression && parent.tag === target);
  let inner: TSESTree.Expression = replacement;
  while (
    inner.type === AST_NODE_TYPES.TSAsExpression ||
    inner.type === AST_NODE_TYPES.TSNonNullExpression ||
    inner.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    inner.type === AST_NODE_TYPES.ChainExpression
  ) {
    inner = inner.expression;
  }
  return isCallee && inner.type === AST_NODE_TYPES.MemberExpression;
}
