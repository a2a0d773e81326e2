import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * A node's range with the parentheses written around it: `(('b.json'))` for
 * the string, `(work())` for an arrow's concise body. It takes every
 * matching pair of `(` and `)` right around the node, so the caller must
 * know that none of them is the syntax's own: a sole call argument
 * (`f(x)`) or an `if (x)` test would take those too.
 */
export function getParenthesizedRange(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESTree.Range {
  let range = node.range;
  let before = sourceCode.getTokenBefore(node);
  let after = sourceCode.getTokenAfter(node);
  while (before?.value === '(' && after?.value === ')') {
    range = [before.range[0], after.range[1]];
    before = sourceCode.getTokenBefore(before);
    after = sourceCode.getTokenAfter(after);
  }
  return range;
}
