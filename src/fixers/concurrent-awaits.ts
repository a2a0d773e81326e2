import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import type { TextEdit } from './reindent.js';

/**
 * Rewrites that start independent awaits together: a loop as
 * `await Promise.all(xs.map(async (x) => { … }))`, and consecutive
 * declarations as one `const [a, b] = await Promise.all([f(), g()]);`.
 * The rule decides that the rewrite is sound; these only build the text.
 */

/** A results array the loop fills in order: its declaration and the `push` that becomes the callback's `return`. */
export interface CollectedResultsEdit {
  readonly declaration: TSESTree.VariableDeclaration;
  readonly declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  readonly push: TSESTree.ExpressionStatement;
  readonly value: TSESTree.Expression;
}

export interface LoopToMapOptions {
  readonly loop: TSESTree.ForOfStatement | TSESTree.ForStatement;
  /** The array `map` is called on. */
  readonly array: TSESTree.Expression;
  /** The callback's parameter list, without parentheses: `user`, `[key, value]`, `_, index`. */
  readonly parameters: string;
  /** `continue` statements of the loop, each ending one pass: they become `return;`. */
  readonly continues: readonly TSESTree.ContinueStatement[];
  readonly collected: CollectedResultsEdit | undefined;
}

/** Expressions that can stand before `.map(` as they are; anything else is parenthesised. */
const MEMBER_OBJECT_TYPES = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.ArrayExpression,
]);

/**
 * `for (const x of xs) { … }` → `await Promise.all(xs.map(async (x) => { … }));`
 * (a counting loop maps over its array with the index); with collected
 * results, `const rs = []; for (…) { …; rs.push(v); }` →
 * `const rs = await Promise.all(xs.map(async (x) => { …; return v; }));`,
 * which keeps the results in the order of `xs`, whatever order the work
 * finishes in.
 */
export function loopToConcurrentMap(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  options: LoopToMapOptions,
): TSESLint.RuleFix {
  const { array, collected, continues, loop, parameters } = options;
  const edits: TextEdit[] = continues.map((statement) => ({
    range: statement.range,
    text: sourceCode.getText(statement).endsWith(';') ? 'return;' : 'return',
  }));
  if (collected !== undefined) {
    edits.push({ range: collected.push.range, text: `return ${sourceCode.getText(collected.value)};` });
  }
  const body = loop.body;
  const bodyText =
    body.type === AST_NODE_TYPES.BlockStatement
      ? applyEdits(sourceCode, body.range, edits)
      : `{ ${applyEdits(sourceCode, body.range, edits)} }`;
  const arrayText = MEMBER_OBJECT_TYPES.has(array.type) ? sourceCode.getText(array) : `(${sourceCode.getText(array)})`;
  const concurrent = `await Promise.all(${arrayText}.map(async (${parameters}) => ${bodyText}))`;
  if (collected === undefined) return fixer.replaceText(loop, `${concurrent};`);
  const binding = sourceCode.getText(collected.declarator.id);
  return fixer.replaceTextRange(
    [collected.declaration.range[0], loop.range[1]],
    `${collected.declaration.kind} ${binding} = ${concurrent};`,
  );
}

/**
 * `const a = await f(); const b = await g();` →
 * `const [a, b] = await Promise.all([f(), g()]);`, keeping `let`/`const`
 * and, where every declaration has one, the type annotations as a tuple:
 * `const [a, b]: [A, B] = …`.
 */
export function awaitsToPromiseAll(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  declarations: readonly TSESTree.VariableDeclaration[],
): TSESLint.RuleFix | null {
  const first = declarations[0];
  const last = declarations.at(-1);
  if (first === undefined || last === undefined) return null;
  const bindings: string[] = [];
  const types: string[] = [];
  const operands: string[] = [];
  for (const declaration of declarations) {
    const [declarator] = declaration.declarations;
    if (declarator.init?.type !== AST_NODE_TYPES.AwaitExpression) return null;
    const annotation = declarator.id.typeAnnotation;
    bindings.push(
      annotation === undefined
        ? sourceCode.getText(declarator.id)
        : sourceCode.text.slice(declarator.id.range[0], annotation.range[0]).trimEnd(),
    );
    if (annotation !== undefined) types.push(sourceCode.getText(annotation.typeAnnotation));
    const operand = declarator.init.argument;
    operands.push(operand.type === AST_NODE_TYPES.SequenceExpression ? `(${sourceCode.getText(operand)})` : sourceCode.getText(operand));
  }
  const tuple = types.length === declarations.length ? `: [${types.join(', ')}]` : '';
  return fixer.replaceTextRange(
    [first.range[0], last.range[1]],
    `${first.kind} [${bindings.join(', ')}]${tuple} = await Promise.all([${operands.join(', ')}]);`,
  );
}

/** The source in `range` with `edits` (inside it, not overlapping) applied. */
function applyEdits(sourceCode: Readonly<TSESLint.SourceCode>, range: TSESTree.Range, edits: readonly TextEdit[]): string {
  const [start, end] = range;
  let text = sourceCode.text.slice(start, end);
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    text = text.slice(0, edit.range[0] - start) + edit.text + text.slice(edit.range[1] - start);
  }
  return text;
}
