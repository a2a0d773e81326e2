import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

const MAX_LENGTH = 40;

/** Source text of a node for a message: one line, cut short when long. */
export function describeNode(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return describeText(sourceCode.getText(node));
}

/** Source text (of a node, or put together from nodes) for a message: one line, cut short when long. */
export function describeText(sourceText: string): string {
  const text = sourceText.replace(/\s+/gu, ' ');
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 3)}...` : text;
}
