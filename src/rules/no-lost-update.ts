import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { askChecker } from '../analysis/checker-guard.js';
import { isCertainlyNotThenable } from '../analysis/not-thenable.js';
import { createRule } from '../create-rule.js';
import { getFixOrSuggest } from '../fixers/fix-or-suggest.js';
import { hoistAwait, replaceReferences } from '../fixers/hoist-await.js';
import {
  type AwaitPoint,
  findAwaitPoints,
  isReadBeforeWaitIntoValue,
  isUnconditionallyEvaluated,
  waitsBetween,
} from '../syntax/await-points.js';
import { describeNode } from '../syntax/describe-node.js';
import { type FunctionNode, getEnclosingFunction, isFunctionNode } from '../syntax/function-node.js';
import {
  getBoundLocation,
  getLocationVisibility,
  getStorageLocation,
  isWithinLocation,
  type StorageLocation,
} from '../syntax/shared-location.js';
import { getStatementInList } from '../syntax/statement-list.js';
import { createNamePicker, type NamePicker } from '../syntax/unused-name.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

export type Options = [
  {
    /**
     * Locks that serialise the code they guard: a call whose callee, or the
     * object the method is called on, is written as one of these names
     * (`mutex` matches `mutex.runExclusive(fn)`, `this.mutex.acquire()`).
     * Code in a function passed to such a call, or after such a call in the
     * same function, is left alone.
     * @default []
     */
    locks?: string[];
  },
];
export type MessageIds = 'hoistAwait' | 'lostUpdate' | 'readAgain';

export default createRule<Options, MessageIds>({
  name: 'no-lost-update',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow writing shared state from a value read before an `await`, which overwrites what other tasks wrote meanwhile',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    fixable: 'code',
    // The suggestions are built by getFixOrSuggest, out of this rule's sight.
    // eslint-disable-next-line eslint-plugin/require-meta-has-suggestions
    hasSuggestions: true,
    messages: {
      lostUpdate:
        '`{{location}}` is written from a value read before the `await` on line {{line}}. Another task can change `{{location}}` while this one waits; this write then overwrites that change, and it is lost.',
      hoistAwait: 'Await first, then read and write `{{location}}` in one step.',
      readAgain: 'Read `{{location}}` again after the `await`.',
    },
    defaultOptions: [{ locks: [] }],
    schema: [
      {
        type: 'object',
        properties: {
          locks: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description:
              'Names of locks (`mutex`, `this.lock`, `withLock`): code in a function passed to a call of one, or after one is called in the same function, is not reported.',
          },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const locks = new Set([...BUILT_IN_LOCKS, ...(options.locks ?? [])]);
    const awaitPointsByFunction = new Map<FunctionNode, AwaitPoint[]>();
    let namePicker: NamePicker | undefined;

    function getFunctionAwaitPoints(fn: FunctionNode): AwaitPoint[] {
      let points = awaitPointsByFunction.get(fn);
      if (points === undefined) {
        points = findAwaitPoints(fn.body);
        awaitPointsByFunction.set(fn, points);
      }
      return points;
    }

    /** The checker may say the wait lets other tasks run: anything but an `await` of a certain plain value. */
    function mayLetOthersRun(point: AwaitPoint): boolean {
      if (point.type !== AST_NODE_TYPES.AwaitExpression) return true;
      return !isCertainlyNotThenable(services, point.argument);
    }

    /** `any`, `unknown` or an error type where the location's object is: we do not know what it is. */
    function isObjectOfUnknownType(target: TSESTree.Expression): boolean {
      const object = getObjectOfTarget(target);
      if (object === undefined) return false;
      return askChecker(true, () => tsutils.isTypeFlagSet(services.getTypeAtLocation(object), ts.TypeFlags.Any | ts.TypeFlags.Unknown));
    }

    function isUnderLock(fn: FunctionNode, read: TSESTree.Node): boolean {
      for (let current: FunctionNode | undefined = fn; current !== undefined; current = getEnclosingFunction(current)) {
        const callback: TSESTree.Node = current;
        const parent = current.parent;
        if (
          parent.type === AST_NODE_TYPES.CallExpression &&
          parent.arguments.some((argument) => argument === callback) &&
          isLockCall(sourceCode, parent, locks)
        ) {
          return true;
        }
      }
      let locked = false;
      forEachESTreeDescendant(fn.body, (node) => {
        if (locked || node.range[0] >= read.range[0]) return false;
        if (node !== fn.body && isFunctionNode(node)) return false;
        if (node.type === AST_NODE_TYPES.CallExpression && node.range[1] <= read.range[0] && isLockCall(sourceCode, node, locks)) locked = true;
        return !locked;
      });
      return locked;
    }

    function report(assignment: TSESTree.AssignmentExpression, stale: StaleWrite): void {
      const location = describeNode(sourceCode, assignment.left);
      const change = getChange(assignment, stale);
      context.report({
        node: assignment.left,
        messageId: 'lostUpdate',
        data: { location, line: String(stale.points[0]?.loc.start.line ?? assignment.loc.start.line) },
        ...(change === undefined
          ? {}
          : getFixOrSuggest<MessageIds>({
              fixIsSafe: change.safe,
              fix: change.fix,
              suggestion: { messageId: change.messageId, data: { location } },
            })),
      });
    }

    function getChange(
      assignment: TSESTree.AssignmentExpression,
      stale: StaleWrite,
    ): { fix: TSESLint.ReportFixFunction; messageId: MessageIds; safe: boolean } | undefined {
      if (stale.kind === 'through-variable') {
        const references = stale.references;
        if (!stale.initIsLocation || references.some((reference) => isShorthandValue(reference))) return undefined;
        return { fix: replaceReferences(references, sourceCode.getText(assignment.left)), messageId: 'readAgain', safe: false };
      }
      const statement = getStatementInList(assignment);
      if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== assignment) return undefined;
      // A `const` right in a `case` would belong to the whole `switch` (ESLint's `no-case-declarations`).
      if (statement.parent.type === AST_NODE_TYPES.SwitchCase) return undefined;
      const points = findAwaitPoints(assignment.right);
      const [point] = points;
      if (points.length !== 1 || point?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
      if (!isUnconditionallyEvaluated(point, assignment.right)) return undefined;
      namePicker ??= createNamePicker(sourceCode);
      return {
        fix: hoistAwait(sourceCode, statement, point, namePicker.pick('awaited')),
        messageId: 'hoistAwait',
        safe: isHoistSafeShape(assignment, point),
      };
    }

    return {
      AssignmentExpression(node) {
        if (!STALE_OPERATORS.has(node.operator)) return;
        const fn = getEnclosingFunction(node);
        if (fn?.async !== true) return;
        const location = getStorageLocation(sourceCode, node.left);
        if (location === undefined) return;
        const stale = findStaleWrite(node, location, fn);
        if (stale === undefined) return;
        if (getLocationVisibility(sourceCode, location, fn) !== 'shared') return;
        if (isUnderLock(fn, stale.read)) return;
        if (isObjectOfUnknownType(node.left) || !stale.points.some((point) => mayLetOthersRun(point))) return;
        report(node, stale);
      },
    };

    /**
     * The read of the written location that went stale, and the waits since:
     * - the compound assignment's own read (`x.y += await e`);
     * - a read in the same right side before an `await` (`x.y = x.y + await e`);
     * - a local bound to a read before an `await` and used in the written
     *   value (`const n = x.y; await save(); x.y = n + 1`), with no second
     *   read after the wait and no write of this function's own in between.
     */
    function findStaleWrite(node: TSESTree.AssignmentExpression, location: StorageLocation, fn: FunctionNode): StaleWrite | undefined {
      const rightPoints = findAwaitPoints(node.right);
      if (node.operator !== '=') {
        return rightPoints.length === 0 ? undefined : { kind: 'compound', location, read: node.left, points: rightPoints };
      }
      if (rightPoints.length > 0) {
        for (const read of findReadsWithin(node.right, location)) {
          const points = rightPoints.filter((point) => isReadBeforeWaitIntoValue(read, point, node.right));
          if (points.length > 0) return { kind: 'same-expression', location, read, points };
        }
      }
      return findStaleWriteThroughVariable(node, location, fn);
    }

    function findStaleWriteThroughVariable(
      node: TSESTree.AssignmentExpression,
      location: StorageLocation,
      fn: FunctionNode,
    ): StaleWrite | undefined {
      const byVariable = new Map<TSESLint.Scope.Variable, TSESTree.Identifier[]>();
      forEachExpressionIdentifier(node.right, (identifier) => {
        const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
        if (variable === null) return;
        const list = byVariable.get(variable) ?? [];
        list.push(identifier);
        byVariable.set(variable, list);
      });
      for (const [variable, references] of byVariable) {
        const declarator = getOnlyDeclarator(variable, fn);
        if (declarator === undefined) continue;
        const read = findBoundRead(variable, declarator, location);
        if (read === undefined) continue;
        const points = getFunctionAwaitPoints(fn).filter((point) => waitsBetween(point, read.node, node));
        if (points.length === 0) continue;
        const lastPoint = points.at(-1);
        if (lastPoint === undefined || isLocationTouchedBetween(fn, location, lastPoint, node, declarator)) continue;
        // `x.y = Math.max(x.y, n)` reads it again: a merge of both values.
        if (findReadsWithin(node.right, location).length > 0) continue;
        // Writing back exactly what was read (`const prev = x.y; … x.y = prev`) restores, it does not compute.
        if (read.isWholeValue && node.right.type === AST_NODE_TYPES.Identifier) continue;
        return { kind: 'through-variable', location, read: read.node, points, references, initIsLocation: read.isWholeValue };
      }
      return undefined;
    }

    /** Reads of `location`, or of a place inside it, in `root` (not in nested functions), in source order. */
    function findReadsWithin(root: TSESTree.Node, location: StorageLocation): TSESTree.Node[] {
      const reads: TSESTree.Node[] = [];
      forEachMention(root, location, (node) => {
        if (!isWriteTarget(node)) reads.push(node);
      });
      return reads;
    }

    /** Mentions of `location`, of a place inside it or of a path it is inside, in `root` (not in nested functions). */
    function forEachMention(
      root: TSESTree.Node,
      location: StorageLocation,
      visit: (node: TSESTree.Node, mentioned: StorageLocation) => void,
      related: (mentioned: StorageLocation) => boolean = (mentioned) => isWithinLocation(mentioned, location),
    ): void {
      forEachESTreeDescendant(root, (node) => {
        if (node !== root && isFunctionNode(node)) return false;
        if (node.type === AST_NODE_TYPES.Identifier && !isVariableReference(node)) return false;
        if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) return true;
        const mentioned = getStorageLocation(sourceCode, node);
        if (mentioned !== undefined && related(mentioned)) {
          visit(node, mentioned);
          return false;
        }
        return true;
      });
    }

    /**
     * Whether the function reads the location again after the last wait, or
     * writes it after the local took its value (a re-check, a save and
     * restore): then the value written is not simply computed from the stale read.
     */
    function isLocationTouchedBetween(
      fn: FunctionNode,
      location: StorageLocation,
      lastPoint: AwaitPoint,
      write: TSESTree.AssignmentExpression,
      declarator: TSESTree.VariableDeclarator,
    ): boolean {
      let touched = false;
      const either = (mentioned: StorageLocation): boolean => isWithinLocation(mentioned, location) || isWithinLocation(location, mentioned);
      forEachMention(
        fn.body,
        location,
        (node) => {
          if (node.range[0] < declarator.range[1] || node.range[1] > write.range[0]) return;
          if (isWriteTarget(node) || node.range[0] >= lastPoint.range[1]) touched = true;
        },
        either,
      );
      return touched;
    }

    /**
     * Where the local read the location when it was declared: the read in
     * its initialiser (`const next = x.y + 1`), or the pattern property that
     * took it (`const { y } = x`); and whether it holds exactly the location's value.
     */
    function findBoundRead(
      variable: TSESLint.Scope.Variable,
      declarator: TSESTree.VariableDeclarator,
      location: StorageLocation,
    ): { node: TSESTree.Node; isWholeValue: boolean } | undefined {
      const bound = getBoundLocation(sourceCode, variable);
      if (declarator.id.type !== AST_NODE_TYPES.Identifier) {
        const definitionName = variable.defs[0]?.name;
        return bound !== undefined && definitionName !== undefined && isWithinLocation(bound, location)
          ? { node: definitionName, isWholeValue: bound.key === location.key }
          : undefined;
      }
      const init = declarator.init;
      const read = init === null ? undefined : findReadsWithin(init, location)[0];
      return read === undefined ? undefined : { node: read, isWholeValue: bound?.key === location.key };
    }

    function getOnlyDeclarator(variable: TSESLint.Scope.Variable, fn: FunctionNode): TSESTree.VariableDeclarator | undefined {
      const definition = variable.defs[0];
      if (variable.defs.length !== 1 || definition?.type !== TSESLint.Scope.DefinitionType.Variable) return undefined;
      const declarator = definition.node;
      if (getEnclosingFunction(declarator) !== fn) return undefined;
      if (variable.references.some((reference) => reference.isWrite() && reference.identifier !== definition.name)) return undefined;
      return declarator;
    }
  },
});

/** Operators whose write may carry a value read earlier: `=` and the arithmetic, bitwise and string compounds (not `&&=`, `||=`, `??=`). */
const STALE_OPERATORS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '**=', '<<=', '>>=', '>>>=', '&=', '|=', '^=']);

/** Locks every program has: the Web Locks API. */
const BUILT_IN_LOCKS = ['navigator.locks'];

type StaleWrite =
  | {
      readonly kind: 'compound' | 'same-expression';
      readonly location: StorageLocation;
      readonly read: TSESTree.Node;
      readonly points: readonly AwaitPoint[];
    }
  | {
      readonly kind: 'through-variable';
      readonly location: StorageLocation;
      readonly read: TSESTree.Node;
      readonly points: readonly AwaitPoint[];
      /** Where the local is used in the written value. */
      readonly references: readonly TSESTree.Identifier[];
      /** The local holds exactly the location's value (`const n = x.y`), so the location can stand in for it. */
      readonly initIsLocation: boolean;
    };

/**
 * The two shapes whose hoisted form does the same except read the location
 * after the wait: `x.y op= await e` and `x.y = x.y op await e`.
 */
function isHoistSafeShape(assignment: TSESTree.AssignmentExpression, point: TSESTree.AwaitExpression): boolean {
  if (assignment.operator !== '=') return assignment.right === point;
  const right = assignment.right;
  if (right.type !== AST_NODE_TYPES.BinaryExpression || right.right !== point || !ARITHMETIC_OPERATORS.has(right.operator)) return false;
  return sameTarget(right.left, assignment.left);
}

const ARITHMETIC_OPERATORS = new Set(['+', '-', '*', '/', '%', '**', '<<', '>>', '>>>', '&', '|', '^']);

/** The same plain path, written the same way (`this.total` and `this.total`). */
function sameTarget(a: TSESTree.Node, b: TSESTree.Node): boolean {
  if (a.type === AST_NODE_TYPES.ThisExpression && b.type === AST_NODE_TYPES.ThisExpression) return true;
  if (a.type === AST_NODE_TYPES.Identifier && b.type === AST_NODE_TYPES.Identifier) return a.name === b.name;
  if (a.type !== AST_NODE_TYPES.MemberExpression || b.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (a.computed !== b.computed || a.optional || b.optional) return false;
  const sameProperty =
    (a.property.type === AST_NODE_TYPES.Identifier && b.property.type === AST_NODE_TYPES.Identifier && a.property.name === b.property.name) ||
    (a.property.type === AST_NODE_TYPES.PrivateIdentifier &&
      b.property.type === AST_NODE_TYPES.PrivateIdentifier &&
      a.property.name === b.property.name) ||
    (a.property.type === AST_NODE_TYPES.Literal && b.property.type === AST_NODE_TYPES.Literal && a.property.value === b.property.value);
  return sameProperty && sameTarget(a.object, b.object);
}

/** The object of `x.y` (the expression whose type says what `x` is); `undefined` for a variable. */
function getObjectOfTarget(target: TSESTree.Expression): TSESTree.Expression | undefined {
  let current: TSESTree.Node = target;
  while (current.type === AST_NODE_TYPES.TSNonNullExpression) current = current.expression;
  return current.type === AST_NODE_TYPES.MemberExpression ? current.object : undefined;
}

/** Identifiers in `root` that read a variable (not property names, not in nested functions). */
function forEachExpressionIdentifier(root: TSESTree.Node, visit: (identifier: TSESTree.Identifier) => void): void {
  forEachESTreeDescendant(root, (node) => {
    if (node !== root && isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      forEachExpressionIdentifier(node.object, visit);
      if (node.computed) forEachExpressionIdentifier(node.property, visit);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      forEachExpressionIdentifier(node.value, visit);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier) visit(node);
    return true;
  });
}

/** The place a write goes to: an assignment's left side, `x.y++`, `delete x.y`. */
function isWriteTarget(node: TSESTree.Node): boolean {
  const parent = node.parent;
  if (parent === undefined) return false;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === node;
  if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
  return parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete';
}

/** An identifier that names a variable, not a property, a key or a label. */
function isVariableReference(identifier: TSESTree.Identifier): boolean {
  const parent = identifier.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === identifier || parent.computed;
    case AST_NODE_TYPES.Property:
      return parent.value === identifier || parent.computed;
    case AST_NODE_TYPES.PropertyDefinition:
    case AST_NODE_TYPES.MethodDefinition:
      return parent.key !== identifier || parent.computed;
    case AST_NODE_TYPES.LabeledStatement:
    case AST_NODE_TYPES.BreakStatement:
    case AST_NODE_TYPES.ContinueStatement:
      return false;
    default:
      return true;
  }
}

function isShorthandValue(identifier: TSESTree.Identifier): boolean {
  return identifier.parent.type === AST_NODE_TYPES.Property && identifier.parent.shorthand;
}

/** A call to one of the locks: its callee, or the object its method is called on, written as a lock's name. */
function isLockCall(sourceCode: Readonly<TSESLint.SourceCode>, call: TSESTree.CallExpression, locks: ReadonlySet<string>): boolean {
  const callee = call.callee.type === AST_NODE_TYPES.ChainExpression ? call.callee.expression : call.callee;
  if (locks.has(compactText(sourceCode, callee))) return true;
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = callee.object;
  if (locks.has(compactText(sourceCode, object))) return true;
  // `this.mutex.acquire()` and `service.mutex.acquire()` for a lock named `mutex`.
  return object.type === AST_NODE_TYPES.MemberExpression && !object.computed && object.property.type === AST_NODE_TYPES.Identifier && locks.has(object.property.name);
}

function compactText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return sourceCode.getText(node).replace(/\s+/gu, '').replaceAll('?.', '.');
}
