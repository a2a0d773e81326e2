import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { applyAdditions, type SourceAddition } from './module-export.js';
import { getParenthesizedRange } from './parenthesized-range.js';
import { getLineIndent, reindentRange } from './reindent.js';
import type { CallbackNode } from '../syntax/callback-nesting.js';
import type { FunctionNode } from '../syntax/function-node.js';

/** How a Node-style callback's body starts: by rethrowing its error, or by handling it and leaving. */
export type ErrorCheck =
  /** `if (error) throw error;`: `await` throws it just the same. */
  | { readonly kind: 'rethrow'; readonly statement: TSESTree.IfStatement }
  /** `if (error) { …; return …; }`: the block becomes the `catch` clause. */
  | { readonly kind: 'handle'; readonly statement: TSESTree.IfStatement; readonly error: TSESTree.Identifier };

export interface PromisifyPlan {
  /** The statement `api(…, (error, value) => { … })`, the last of `enclosing`'s body. */
  readonly statement: TSESTree.ExpressionStatement;
  readonly call: TSESTree.CallExpression;
  readonly callback: CallbackNode;
  readonly errorCheck: ErrorCheck;
  /** The function the statement is in; made `async` unless it is. */
  readonly enclosing: FunctionNode;
  /** How the promise form is called: `readFile`, `promisify(query)`. */
  readonly promiseCallee: string;
  /** Imports the promise form needs. */
  readonly additions: readonly SourceAddition[];
  /**
   * Written after the `catch` clause's variable: `': any'` where the handled
   * code reads the error and a catch variable would be `unknown` (the
   * callback's typed error passed on as it was); none by default.
   */
  readonly catchAnnotation?: string;
}

/**
 * `api(args, (error, value) => { if (error) …; rest })`, the last statement
 * of its function, as `const value = await promiseForm(args); rest` (with a
 * `try`/`catch` around the call when the error is handled rather than
 * rethrown), the function made `async`. `undefined` when a comment would be
 * lost or the callback's value cannot be bound.
 */
export function buildPromisified(sourceCode: Readonly<TSESLint.SourceCode>, plan: PromisifyPlan): TSESLint.ReportFixFunction | undefined {
  const { statement, call, callback, errorCheck, enclosing } = plan;
  const body = callback.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const indent = getLineIndent(sourceCode, statement);
  const kept: TSESTree.Range[] = [];
  const argumentsBefore = call.arguments.slice(0, -1);
  const firstArgument = argumentsBefore[0];
  const lastArgument = argumentsBefore.at(-1);
  // `api(('a'), ('b'), cb)`: the arguments' own parentheses come along (the callback after them keeps the call's apart).
  const argumentsRange: TSESTree.Range | undefined =
    firstArgument === undefined || lastArgument === undefined
      ? undefined
      : [getParenthesizedRange(sourceCode, firstArgument)[0], getParenthesizedRange(sourceCode, lastArgument)[1]];
  if (argumentsRange !== undefined) kept.push(argumentsRange);
  const argumentsText = argumentsRange === undefined ? '' : sourceCode.text.slice(argumentsRange[0], argumentsRange[1]);
  const awaited = `await ${plan.promiseCallee}(${argumentsText})`;
  const value = callback.params[1];
  if (value !== undefined) kept.push(value.range);
  const chunks: string[] = [];
  // Comments at the top of the callback's body, before the error check, go first.
  const open = sourceCode.getFirstToken(body);
  const leading = open === null ? [] : sourceCode.getCommentsBefore(errorCheck.statement).filter((comment) => comment.range[0] > open.range[1]);
  const firstLeading = leading[0];
  const lastLeading = leading.at(-1);
  if (firstLeading !== undefined && lastLeading !== undefined) {
    chunks.push(moveRange(sourceCode, [firstLeading.range[0], lastLeading.range[1]], indent, kept));
  }
  if (errorCheck.kind === 'rethrow') {
    chunks.push(value === undefined ? `${indent}${awaited};` : `${indent}const ${sourceCode.getText(value)} = ${awaited};`);
  } else {
    if (value !== undefined && value.type !== AST_NODE_TYPES.Identifier) return undefined;
    const handling = errorCheck.statement.consequent;
    const handled =
      handling.type === AST_NODE_TYPES.BlockStatement
        ? moveBlockContents(sourceCode, handling, `${indent}  `, kept)
        : moveRange(sourceCode, handling.range, `${indent}  `, kept);
    if (value !== undefined) chunks.push(`${indent}let ${sourceCode.getText(value)};`);
    chunks.push(
      `${indent}try {\n${indent}  ${value === undefined ? awaited : `${value.name} = ${awaited}`};\n${indent}} catch (${errorCheck.error.name}${plan.catchAnnotation ?? ''}) {\n${handled}\n${indent}}`,
    );
  }
  const rest = body.body.slice(body.body.indexOf(errorCheck.statement) + 1);
  const close = sourceCode.getLastToken(body);
  const afterCheck = sourceCode.getTokenAfter(errorCheck.statement, { includeComments: true });
  const last = close === null ? null : sourceCode.getTokenBefore(close, { includeComments: true });
  if (rest.length > 0 || (afterCheck !== null && afterCheck !== close)) {
    if (afterCheck === null || last === null) return undefined;
    chunks.push(moveRange(sourceCode, [afterCheck.range[0], last.range[1]], indent, kept));
  }
  const comments = sourceCode.getCommentsInside(statement);
  if (!comments.every((comment) => kept.some(([start, end]) => comment.range[0] >= start && comment.range[1] <= end))) return undefined;
  const replacement = chunks.join('\n').slice(indent.length);
  const first = sourceCode.getFirstToken(enclosing);
  return (fixer) => [
    ...applyAdditions(fixer, plan.additions),
    ...(enclosing.async || first === null ? [] : [fixer.insertTextBefore(first, 'async ')]),
    fixer.replaceText(statement, replacement),
  ];
}

function moveBlockContents(
  sourceCode: Readonly<TSESLint.SourceCode>,
  block: TSESTree.BlockStatement,
  indent: string,
  kept: TSESTree.Range[],
): string {
  const open = sourceCode.getFirstToken(block);
  const close = sourceCode.getLastToken(block);
  const first = open === null ? null : sourceCode.getTokenAfter(open, { includeComments: true });
  const last = close === null ? null : sourceCode.getTokenBefore(close, { includeComments: true });
  if (first === null || last === null || first === close) return '';
  return moveRange(sourceCode, [first.range[0], last.range[1]], indent, kept);
}

function moveRange(sourceCode: Readonly<TSESLint.SourceCode>, range: TSESTree.Range, indent: string, kept: TSESTree.Range[]): string {
  kept.push(range);
  return reindentRange(sourceCode, range[0], range[1], [], indent);
}
