import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getLineIndent } from './reindent.js';

/**
 * Moves an `await` out of the statement it is in, into a `const` declared
 * just before it: `x.y += await e;` becomes `const v = await e;` and
 * `x.y += v;`. The statement must stand in a list of statements (the caller
 * checks, with `getStatementInList`), and the `await` must run every time
 * the statement does, before anything else in it that has an effect.
 */
export function hoistAwait(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Statement,
  awaitExpression: TSESTree.AwaitExpression,
  name: string,
): TSESLint.ReportFixFunction {
  const declaration = `const ${name} = ${sourceCode.getText(awaitExpression)};\n${getLineIndent(sourceCode, statement)}`;
  return (fixer) => [fixer.insertTextBefore(statement, declaration), fixer.replaceText(awaitExpression, name)];
}

/** Replaces each of `references` (identifiers) by `text`, an expression that binds at least as tightly as a name. */
export function replaceReferences(
  references: readonly TSESTree.Identifier[],
  text: string,
): TSESLint.ReportFixFunction {
  return (fixer) => references.map((reference) => fixer.replaceText(reference, text));
}
