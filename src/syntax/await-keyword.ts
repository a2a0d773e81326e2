import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/** Where a report about an `await` points: the keyword, not the whole expression. */
export function getAwaitKeywordLoc(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.AwaitExpression,
): TSESTree.SourceLocation {
  return sourceCode.getFirstToken(node)?.loc ?? node.loc;
}
