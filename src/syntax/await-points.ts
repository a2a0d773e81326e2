import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from './function-node.js';
import { forEachESTreeDescendant } from './walk.js';

/**
 * Where a function gives way to other tasks: an `await`, a `for await` loop
 * (before each pass), a `yield` (the caller decides when to go on).
 */
export type AwaitPoint = TSESTree.AwaitExpression | TSESTree.ForOfStatement | TSESTree.YieldExpression;

/** The await points of `root` that run as part of it, in source order: none inside nested functions or classes. */
export function findAwaitPoints(root: TSESTree.Node): AwaitPoint[] {
  const points: AwaitPoint[] = [];
  forEachESTreeDescendant(root, (node) => {
    if (node !== root && (isFunctionNode(node) || node.type === AST_NODE_TYPES.ClassBody)) return false;
    if (
      node.type === AST_NODE_TYPES.AwaitExpression ||
      node.type === AST_NODE_TYPES.YieldExpression ||
      (node.type === AST_NODE_TYPES.ForOfStatement && node.await)
    ) {
      points.push(node);
    }
    return true;
  });
  return points;
}

/**
 * Whether the value `read` gives is still part of `root`'s value once
 * `point` has waited: `read` is evaluated before the wait starts (not inside
 * the awaited operand), and neither only decides what runs
 * (`x || await f()`, `x ? … : await f()`) nor is thrown away
 * (`(x, await f())`). Both must be inside `root`, in one function.
 */
export function isReadBeforeWaitIntoValue(read: TSESTree.Node, point: AwaitPoint, root: TSESTree.Node): boolean {
  if (read.range[1] > point.range[0]) return false;
  const common = getCommonAncestor(read, point);
  if (common === undefined || !contains(root, common)) return false;
  switch (common.type) {
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.SequenceExpression:
      return false;
    case AST_NODE_TYPES.AssignmentExpression:
      return !['&&=', '||=', '??='].includes(common.operator);
    default:
      return true;
  }
}

/**
 * Whether `node` runs every time `root` is evaluated: no branch of `?:`,
 * `&&`, `||`, `??` or an optional chain between them decides whether it runs.
 */
export function isUnconditionallyEvaluated(node: TSESTree.Node, root: TSESTree.Node): boolean {
  for (let current = node; current !== root; ) {
    const parent: TSESTree.Node | undefined = current.parent;
    if (parent === undefined) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.ConditionalExpression:
        if (parent.test !== current) return false;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (parent.right === current) return false;
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (parent.right === current && ['&&=', '||=', '??='].includes(parent.operator)) return false;
        break;
      case AST_NODE_TYPES.ChainExpression:
        return false;
      default:
        if (isFunctionNode(parent)) return false;
    }
    current = parent;
  }
  return true;
}

/**
 * Whether `point` makes the function wait after `from` ends and before `to`
 * starts, on the way from one to the other: it stands between them in the
 * source (a `for await` loop wholly between them waits at least once, for
 * its end), or it is the `for await` loop `to` is in, and it is not inside a
 * block that leaves (`return`, `throw`, `break`, `continue`) before `to` is
 * reached. All three are in one function.
 */
export function waitsBetween(point: AwaitPoint, from: TSESTree.Node, to: TSESTree.Node): boolean {
  // A `for await` loop waits before each pass, and at least once for its end: a write in its body or after it.
  if (point.type === AST_NODE_TYPES.ForOfStatement && contains(point.body, to)) return from.range[1] <= point.range[0];
  if (point.range[0] < from.range[1] || point.range[1] > to.range[0]) return false;
  const common = getCommonAncestor(point, to);
  if (common === undefined || isInOtherBranch(point, common)) return false;
  for (let current: TSESTree.Node = point; current !== common; ) {
    const parent: TSESTree.Node | null | undefined = current.parent;
    if (parent == null) return false;
    // The list that holds both goes on to \`to\`, whatever it ends with.
    const list = parent === common ? undefined : getStatementList(parent);
    if (list !== undefined && endsWithJump(list)) return false;
    if (parent.type === AST_NODE_TYPES.IfStatement && current !== parent.test && isJump(current)) return false;
    current = parent;
  }
  return true;
}

/**
 * Whether `point`, inside `common`, is in a branch of it that excludes the
 * branch the other node is in: the two arms of an `if` or `?:`, two cases of
 * a `switch` (we do not follow fall-through).
 */
function isInOtherBranch(point: TSESTree.Node, common: TSESTree.Node): boolean {
  switch (common.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return !contains(common.test, point);
    case AST_NODE_TYPES.SwitchStatement:
      return !contains(common.discriminant, point);
    default:
      return false;
  }
}

/** The nearest node that holds both. */
export function getCommonAncestor(a: TSESTree.Node, b: TSESTree.Node): TSESTree.Node | undefined {
  for (let current: TSESTree.Node | null | undefined = a; current != null; current = current.parent) {
    if (contains(current, b)) return current;
  }
  return undefined;
}

function getStatementList(node: TSESTree.Node): readonly TSESTree.Statement[] | undefined {
  if (node.type === AST_NODE_TYPES.BlockStatement) return node.body;
  if (node.type === AST_NODE_TYPES.SwitchCase) return node.consequent;
  return undefined;
}

function endsWithJump(list: readonly TSESTree.Statement[]): boolean {
  const last = list.at(-1);
  return last !== undefined && isJump(last);
}

function isJump(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ReturnStatement ||
    node.type === AST_NODE_TYPES.ThrowStatement ||
    node.type === AST_NODE_TYPES.BreakStatement ||
    node.type === AST_NODE_TYPES.ContinueStatement
  );
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  // ESLint gives the Program a `null` parent; ranges need no parents.
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
