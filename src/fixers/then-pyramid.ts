import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getLineIndent, reindentRange } from './reindent.js';
import { getUnaryOperandText } from './replace-expression.js';
import type { CallbackNode } from '../syntax/callback-nesting.js';
import { getFinalResult, type ThenLevel, type ThenPyramid } from '../syntax/then-chain.js';

/**
 * `outer.then((a) => inner.then(h))` as `outer.then((a) => inner).then(h)`:
 * the inner `.then(h)` moves out behind the outer call, reindented to its
 * line. The caller has checked what makes this the same program (one
 * argument on both, `h` reads nothing of the outer handler, both native
 * promises). `undefined` when a comment would be lost.
 */
export function buildFlattenedThen(
  sourceCode: Readonly<TSESLint.SourceCode>,
  inner: ThenLevel,
  outer: ThenLevel,
): TSESLint.ReportFixFunction | undefined {
  const callee = inner.call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const dot = sourceCode.getTokenBefore(callee.property);
  const objectEnd = dot === null ? null : sourceCode.getTokenBefore(dot);
  const outerEnd = sourceCode.getLastToken(outer.call);
  if (dot?.value !== '.' || objectEnd === null || outerEnd === null) return undefined;
  if (sourceCode.commentsExistBetween(objectEnd, dot)) return undefined;
  const indent = getLineIndent(sourceCode, outerEnd);
  const moved = reindentRange(sourceCode, dot.range[0], inner.call.range[1], [], indent).slice(indent.length);
  return (fixer) => [
    fixer.removeRange([objectEnd.range[1], inner.call.range[1]]),
    fixer.insertTextAfter(outerEnd, moved),
  ];
}

export interface AwaitSequenceOptions {
  /** Whether the last handler's result may be a thenable (else the sequence does not await it). */
  readonly awaitLastResult: boolean;
  /** A free name for the caught error of a level with a rejection handler. */
  readonly errorName: string;
}

/**
 * The levels of a returned or awaited `.then` pyramid as statements of the
 * async function: `const a = await x;`, the handler's statements, then the
 * next level, and the last handler's body. A level with a rejection handler
 * becomes `let a; try { a = await x; } catch (error) { return (onRejected)(error); }`
 * (the caller offers that only for a returned pyramid). `undefined` where
 * the shapes do not allow it (a parameter with a default or a rest, a
 * comment outside what is kept).
 */
export function buildAwaitSequence(
  sourceCode: Readonly<TSESLint.SourceCode>,
  pyramid: ThenPyramid,
  options: AwaitSequenceOptions,
): TSESLint.ReportFixFunction | undefined {
  const { root, levels } = pyramid;
  const statement = root.statement;
  const indent = getLineIndent(sourceCode, statement);
  const lineStart = sourceCode.getIndexFromLoc({ line: statement.loc.start.line, column: 0 });
  if (sourceCode.text.slice(lineStart, statement.range[0]).trim() !== '') return undefined;
  const kept: TSESTree.Range[] = [];
  const chunks: string[] = [];
  const text = (node: TSESTree.Node): string => {
    kept.push(node.range);
    return sourceCode.getText(node);
  };
  const operand = (node: TSESTree.Expression): string => {
    kept.push(node.range);
    return getUnaryOperandText(sourceCode, node);
  };
  for (const [index, level] of levels.entries()) {
    const binding = getBinding(level.handler);
    if (binding === false) return undefined;
    const awaited = `await ${operand(level.object)}`;
    if (level.rejectionHandler === undefined) {
      chunks.push(binding === undefined ? `${indent}${awaited};` : `${indent}const ${text(binding)} = ${awaited};`);
    } else {
      if (binding !== undefined && binding.type !== AST_NODE_TYPES.Identifier) return undefined;
      const takesNoError =
        (level.rejectionHandler.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          level.rejectionHandler.type === AST_NODE_TYPES.FunctionExpression) &&
        level.rejectionHandler.params.length === 0;
      const onRejected = `${getCalleeText(level.rejectionHandler, text)}(${takesNoError ? '' : options.errorName})`;
      const assign = binding === undefined ? awaited : `${binding.name} = ${awaited}`;
      if (binding !== undefined) chunks.push(`${indent}let ${text(binding)};`);
      chunks.push(
        `${indent}try {\n${indent}  ${assign};\n${indent}} catch (${options.errorName}) {\n${indent}  return ${onRejected};\n${indent}}`,
      );
    }
    const body = level.handler.body;
    const isLast = index === levels.length - 1;
    if (!isLast) {
      const final = getFinalResult(level.handler);
      if (final?.statement !== undefined && body.type === AST_NODE_TYPES.BlockStatement) {
        const moved = moveStatements(sourceCode, body, final.statement, indent, kept);
        if (moved !== '') chunks.push(moved);
      }
      continue;
    }
    if (body.type === AST_NODE_TYPES.BlockStatement) {
      const final = root.kind === 'return' ? undefined : getFinalResult(level.handler);
      const moved = moveStatements(sourceCode, body, final?.statement, indent, kept);
      if (moved !== '') chunks.push(moved);
      if (final !== undefined) chunks.push(`${indent}${finishWith(final.expression)}`);
    } else {
      chunks.push(`${indent}${finishWith(body)}`);
    }
  }
  const comments = sourceCode.getCommentsInside(statement);
  if (!comments.every((comment) => kept.some(([start, end]) => comment.range[0] >= start && comment.range[1] <= end))) return undefined;
  const replacement = chunks.join('\n').slice(indent.length);
  return (fixer) => fixer.replaceText(statement, replacement);

  function finishWith(result: TSESTree.Expression): string {
    const value = options.awaitLastResult ? `await ${operand(result)}` : text(result);
    switch (root.kind) {
      case 'return':
        return `return ${text(result)};`;
      case 'await':
        return `${value};`;
      case 'declare':
        return `${root.statement.kind} ${text(root.declarator.id)} = ${value};`;
    }
  }
}

/**
 * What the handler's value is bound to: its one parameter (a name or a
 * pattern, with its type), `undefined` when it takes none, `false` when the
 * parameter cannot stand in a declaration as it is (a default, a rest, `?`).
 */
function getBinding(handler: CallbackNode): TSESTree.Identifier | TSESTree.ArrayPattern | TSESTree.ObjectPattern | false | undefined {
  if (handler.params.length > 1) return false;
  const [parameter] = handler.params;
  if (parameter === undefined) return undefined;
  if (parameter.type === AST_NODE_TYPES.Identifier) return parameter.optional ? false : parameter;
  if (parameter.type === AST_NODE_TYPES.ArrayPattern || parameter.type === AST_NODE_TYPES.ObjectPattern) {
    return parameter.optional || parameter.decorators.length > 0 ? false : parameter;
  }
  return false;
}

/** A rejection handler as a callee: a name or member as it is, anything else in parentheses. */
function getCalleeText(handler: TSESTree.Expression, text: (node: TSESTree.Node) => string): string {
  const written = text(handler);
  return handler.type === AST_NODE_TYPES.Identifier || handler.type === AST_NODE_TYPES.MemberExpression ? written : `(${written})`;
}

/**
 * The statements of a block body up to `end` (or all of them), with the
 * comments around them, at a new indentation; records what it keeps.
 */
function moveStatements(
  sourceCode: Readonly<TSESLint.SourceCode>,
  body: TSESTree.BlockStatement,
  end: TSESTree.Statement | undefined,
  indent: string,
  kept: TSESTree.Range[],
): string {
  const open = sourceCode.getFirstToken(body);
  const stop = end === undefined ? sourceCode.getLastToken(body) : sourceCode.getFirstToken(end);
  if (open === null || stop === null) return '';
  const first = sourceCode.getTokenAfter(open, { includeComments: true });
  const last = sourceCode.getTokenBefore(stop, { includeComments: true });
  if (first === null || last === null || first.range[0] >= stop.range[0] || last.range[1] <= open.range[1]) return '';
  kept.push([first.range[0], last.range[1]]);
  return reindentRange(sourceCode, first.range[0], last.range[1], [], indent);
}
