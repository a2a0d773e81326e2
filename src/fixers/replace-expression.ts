import { AST_NODE_TYPES, AST_TOKEN_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { isStatementList } from '../syntax/statement-list.js';

export interface UnwrapOptions {
  /** Keep the type the target had: the replacement becomes `(replacement as asType)`. */
  asType?: string;
}

/**
 * Replaces `target` with `replacement`'s source text, adding the parentheses
 * that the new position needs: an operand below unary precedence put where
 * only a unary expression stood (`x + await Promise.resolve(a || b)`), an
 * object literal that would start a statement or an arrow body, and a space
 * where two signs would merge into `--` or `++`.
 */
export function replaceExpression(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: TSESTree.Expression,
  replacement: TSESTree.Expression,
  options: UnwrapOptions = {},
): TSESLint.RuleFix {
  let text = sourceCode.getText(replacement);
  // `await /* cached */ n` → `/* cached */ n`: comments between the two stay.
  const droppedComments = sourceCode
    .getCommentsInside(target)
    .filter((comment) => comment.range[1] <= replacement.range[0] || comment.range[0] >= replacement.range[1]);
  const alreadyParenthesized = isParenthesized(sourceCode, replacement);
  if (alreadyParenthesized) text = `(${text})`;
  if (options.asType !== undefined) {
    // An `as` binds below most operators: the assertion gets parentheses of its own.
    const operand = alreadyParenthesized || UNARY_LEVEL.has(replacement.type) ? text : `(${text})`;
    text = `(${operand} as ${options.asType})`;
  } else if (!alreadyParenthesized && needsParentheses(sourceCode, target, replacement)) {
    text = `(${text})`;
  }
  const { leading, statement } = getLeadingPosition(sourceCode, target);
  // `{`, `function`, `class`, `let [` would start a block or a declaration instead of an expression.
  const wouldReadAsBlockOrDeclaration =
    leading === 'statement' ? STATEMENT_AMBIGUOUS_START.test(text) : leading === 'arrow-body' && text.startsWith('{');
  if (wouldReadAsBlockOrDeclaration) text = `(${text})`;
  if (statement !== undefined && ASI_HAZARD_START.test(text) && continuesPreviousStatement(sourceCode, statement)) {
    // Without a semicolon before it, `(`, `[` or a template would continue the previous line.
    text = `;${text}`;
  }
  // Comments keep their place; a line comment ends its line, so the code goes on after a line break.
  const render = (comment: TSESTree.Comment): string =>
    comment.type === AST_TOKEN_TYPES.Line ? `${sourceCode.getText(comment)}\n` : `${sourceCode.getText(comment)} `;
  const commentsBefore = droppedComments.filter((comment) => comment.range[1] <= replacement.range[0]).map(render);
  const commentsAfter = droppedComments.filter((comment) => comment.range[0] >= replacement.range[1]).map(render);
  if (commentsBefore.length > 0) text = `${commentsBefore.join('')}${text}`;
  if (commentsAfter.length > 0) text = `${text} ${commentsAfter.join('').trimEnd()}${commentsAfter.at(-1)?.endsWith('\n') === true ? '\n' : ''}`;
  // `a /await /re/` → `a //re/` would start a comment, `x - -y` would become `x --y`: keep a space.
  const before = sourceCode.text[target.range[0] - 1];
  if ((before === '+' || before === '-' || before === '/') && (text.startsWith(before) || text.startsWith('/'))) {
    text = ` ${text}`;
  }
  return fixer.replaceText(target, text);
}

const STATEMENT_AMBIGUOUS_START = /^(?:\{|function\b|async\s+function\b|class\b|let\s*\[)/u;
const ASI_HAZARD_START = /^[(\[`+\-/<]/u;

/** Statements whose closing `}` cannot be the end of an expression. */
const ENDS_WITH_BLOCK = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.BlockStatement,
  AST_NODE_TYPES.ClassDeclaration,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.StaticBlock,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.TSEnumDeclaration,
  AST_NODE_TYPES.TSInterfaceDeclaration,
  AST_NODE_TYPES.TSModuleDeclaration,
]);

/**
 * Whether a statement starting with `(`, `[` or a template would continue the
 * statement before it (no `;` between them). The body of an `if`, `else`,
 * loop or label starts fresh: a `;` there would become the body itself.
 */
function continuesPreviousStatement(sourceCode: Readonly<TSESLint.SourceCode>, statement: TSESTree.Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || !isStatementList(statement.parent)) return false;
  const previous = sourceCode.getTokenBefore(statement);
  if (previous === null || previous.value === ';' || previous.value === '{' || previous.value === ':') return false;
  if (previous.value !== '}') return true;
  // A `}` ends a block, a declaration or an expression (an object literal, a function or class expression).
  const ending = sourceCode.getNodeByRangeIndex(previous.range[0]);
  let node: TSESTree.Node | null = ending;
  while (node !== null && node.parent !== undefined && !isStatementList(node.parent)) node = node.parent;
  const previousStatement = node;
  if (previousStatement === null || previousStatement.range[1] !== previous.range[1]) return true;
  const declaration =
    previousStatement.type === AST_NODE_TYPES.ExportNamedDeclaration || previousStatement.type === AST_NODE_TYPES.ExportDefaultDeclaration
      ? previousStatement.declaration
      : previousStatement;
  if (declaration !== null && ENDS_WITH_BLOCK.has(declaration.type)) return false;
  // `if (a) {}`, `for (…) {}`, `while (…) {}`: the `}` closes the body block.
  return ending?.type !== AST_NODE_TYPES.BlockStatement || isFunctionBody(ending);
}

function isFunctionBody(block: TSESTree.BlockStatement): boolean {
  const parent = block.parent;
  return parent.type === AST_NODE_TYPES.FunctionExpression || parent.type === AST_NODE_TYPES.ArrowFunctionExpression;
}

function isParenthesized(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const previous = sourceCode.getTokenBefore(node);
  const next = sourceCode.getTokenAfter(node);
  if (previous?.value !== '(' || next?.value !== ')') return false;
  // `f(x)`: those parentheses belong to the call, not to `x`.
  const parent = node.parent;
  if (
    parent !== undefined &&
    (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
    parent.arguments.length === 1 &&
    parent.arguments[0] === node &&
    sourceCode.getTokenBefore(previous)?.range[1] === (parent.typeArguments ?? parent.callee).range[1]
  ) {
    return false;
  }
  return true;
}

/**
 * The text of `expression` as the operand of a unary operator written before
 * it (`await x`, `void x`): in parentheses unless it binds at least as tightly.
 */
export function getUnaryOperandText(sourceCode: Readonly<TSESLint.SourceCode>, expression: TSESTree.Expression): string {
  const text = sourceCode.getText(expression);
  return UNARY_LEVEL.has(expression.type) ? text : `(${text})`;
}

/** Expressions that bind at least as tightly as a unary operator. */
const UNARY_LEVEL = new Set<AST_NODE_TYPES>([
  AST_NODE_TYPES.ArrayExpression,
  AST_NODE_TYPES.AwaitExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ChainExpression,
  AST_NODE_TYPES.ClassExpression,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.ImportExpression,
  AST_NODE_TYPES.JSXElement,
  AST_NODE_TYPES.JSXFragment,
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.MetaProperty,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.ObjectExpression,
  AST_NODE_TYPES.TaggedTemplateExpression,
  AST_NODE_TYPES.TemplateLiteral,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.TSTypeAssertion,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.UpdateExpression,
]);

function needsParentheses(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: TSESTree.Expression,
  replacement: TSESTree.Expression,
): boolean {
  const parent = target.parent;
  if (UNARY_LEVEL.has(replacement.type)) return false;
  // The target's own parentheses stay, and hold any expression.
  if (isParenthesized(sourceCode, target)) return false;
  if (replacement.type === AST_NODE_TYPES.SequenceExpression) return parent.type !== AST_NODE_TYPES.ExpressionStatement;
  // Positions that take any assignment-level expression.
  switch (parent.type) {
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.SpreadElement:
    case AST_NODE_TYPES.TemplateLiteral:
      return false;
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return parent.callee === target;
    case AST_NODE_TYPES.Property:
      return parent.value !== target;
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right !== target;
    case AST_NODE_TYPES.ArrowFunctionExpression:
      return parent.body !== target;
    default:
      return true;
  }
}

/**
 * Where the replaced text will stand: at the very start of a statement (or
 * `export default`), at the start of an arrow's concise body, or inside
 * something else. Walks up while `target` is the leftmost part of its parent.
 */
function getLeadingPosition(
  sourceCode: Readonly<TSESLint.SourceCode>,
  target: TSESTree.Node,
): { leading: 'arrow-body' | 'inside' | 'statement'; statement?: TSESTree.Node } {
  let node: TSESTree.Node = target;
  while (node.parent !== undefined) {
    const parent = node.parent;
    if (isParenthesized(sourceCode, node)) return { leading: 'inside' };
    if (parent.type === AST_NODE_TYPES.ExpressionStatement || parent.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      return { leading: 'statement', statement: parent };
    }
    if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression) {
      return { leading: parent.body === node ? 'arrow-body' : 'inside' };
    }
    if (parent.range[0] !== node.range[0]) return { leading: 'inside' };
    node = parent;
  }
  return { leading: 'inside' };
}
