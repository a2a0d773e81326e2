import { AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/** Leading whitespace of the line a node starts on. */
export function getLineIndent(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | TSESTree.Token): string {
  return getIndentOfLine(sourceCode, node.loc.start.line);
}

/** A text edit inside the range being moved, in source offsets. */
export interface TextEdit {
  readonly range: TSESTree.Range;
  readonly text: string;
}

/**
 * The source between `start` and `end`, with `edits` applied, moved to a new
 * indentation: each line loses the indentation the first line had (deeper
 * lines stay deeper) and gets `indent`. Lines inside a multi-line template
 * literal keep their text, since their spaces are part of the string. For
 * moving a function's statements into a new block.
 */
export function reindentRange(
  sourceCode: Readonly<TSESLint.SourceCode>,
  start: number,
  end: number,
  edits: readonly TextEdit[],
  indent: string,
): string {
  let text = sourceCode.text.slice(start, end);
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    text = text.slice(0, edit.range[0] - start) + edit.text + text.slice(edit.range[1] - start);
  }
  const firstLine = sourceCode.getLocFromIndex(start).line;
  const frozenLines = new Set<number>();
  for (const token of sourceCode.ast.tokens) {
    if (token.range[1] <= start || token.range[0] >= end) continue;
    if (token.type === AST_TOKEN_TYPES.Template && token.loc.end.line > token.loc.start.line) {
      for (let line = token.loc.start.line + 1; line <= token.loc.end.line; line++) frozenLines.add(line - firstLine);
    }
  }
  const lines = text.split('\n');
  const lineStart = sourceCode.getIndexFromLoc({ line: firstLine, column: 0 });
  const startsLine = /^[ \t]*$/u.test(sourceCode.text.slice(lineStart, start));
  const baseIndent = startsLine
    ? getIndentOfLine(sourceCode, firstLine)
    : shortest(
        lines
          .slice(1)
          .filter((line, index) => line.trim() !== '' && !frozenLines.has(index + 1))
          .map(getIndent),
      );
  return lines
    .map((line, index) => {
      if (index === 0) return `${indent}${line.trimStart()}`;
      if (frozenLines.has(index)) return line;
      if (line.trim() === '') return '';
      const own = getIndent(line);
      const deeper = own.startsWith(baseIndent) ? own.slice(baseIndent.length) : '';
      return `${indent}${deeper}${line.trimStart()}`;
    })
    .join('\n');
}

function getIndentOfLine(sourceCode: Readonly<TSESLint.SourceCode>, line: number): string {
  return getIndent(sourceCode.lines[line - 1] ?? '');
}

function getIndent(line: string): string {
  return /^[ \t]*/u.exec(line)?.[0] ?? '';
}

function shortest(indents: readonly string[]): string {
  return indents.reduce<string | undefined>((best, current) => (best === undefined || current.length < best.length ? current : best), undefined) ?? '';
}
