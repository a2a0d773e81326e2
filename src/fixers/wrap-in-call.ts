import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Wraps an expression as the only argument of a call: `rows` →
 * `Promise.all(rows)`. The argument list is its own precedence level, so the
 * expression needs no parentheses, and the callee text starts where the
 * expression started, so nothing before it is continued.
 */
export function wrapInCall(fixer: TSESLint.RuleFixer, node: TSESTree.Expression, calleeText: string): TSESLint.RuleFix[] {
  return [fixer.insertTextBefore(node, `${calleeText}(`), fixer.insertTextAfter(node, ')')];
}
