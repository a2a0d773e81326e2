import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

/**
 * Puts a statement first in a function's body: before the first statement,
 * on its own line with that statement's indentation when the body spans
 * lines; after the `{` when it is on one line; and an expression body
 * becomes a block that returns the expression (`(e, v) => use(v)` →
 * `(e, v) => { if (e) throw e; return use(v); }`).
 */
export function insertAtBodyStart(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  fn: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration,
  statement: string,
): TSESLint.RuleFix {
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // From after `=>` to the end of the arrow, so that `=> ({ … })` loses its parentheses with the expression.
    const arrow = sourceCode.getTokenBefore(body, (token) => token.value === '=>');
    const start = arrow === null ? body.range[0] : arrow.range[1];
    return fixer.replaceTextRange([start, fn.range[1]], ` { ${statement} return ${sourceCode.getText(body)}; }`);
  }
  const openBrace = sourceCode.getFirstToken(body);
  const next = sourceCode.getTokenAfter(openBrace ?? body, { includeComments: true });
  if (openBrace === null || next === null) return fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], ` ${statement} `);
  if (next.loc.start.line > openBrace.loc.end.line && next !== sourceCode.getLastToken(body)) {
    const indent = sourceCode.lines[next.loc.start.line - 1]?.slice(0, next.loc.start.column) ?? '';
    return fixer.insertTextBefore(next, `${statement}\n${indent}`);
  }
  return fixer.insertTextAfter(openBrace, body.body.length === 0 && next.range[0] === openBrace.range[1] ? ` ${statement} ` : ` ${statement}`);
}
