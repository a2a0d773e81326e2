import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { isFunctionNode } from '../syntax/function-node.js';
import { isLoopStatement } from '../syntax/loop.js';
import { forEachESTreeDescendant, someESTreeDescendant } from '../syntax/walk.js';

/**
 * Whether one awaited operation needs what another produced, read from the
 * code and its scopes: for a loop, whether a pass depends on an earlier pass
 * (loop-carried values, exits decided by an awaited result, shared state the
 * body changes); for two awaits in a row, whether the second uses what the
 * first produced, directly or through a local function. What the awaited
 * calls do to records outside the program is `record-overlap.ts`'s question.
 */

/** The loops whose passes the analysis can judge. */
export type JudgedLoop = TSESTree.ForOfStatement | TSESTree.ForStatement;

/**
 * Why a pass of a loop depends on another:
 * - `exit`: a `break`, `return` or `yield`, or a labelled `continue` — the
 *   loop may stop part way, after a pass that came first;
 * - `dependent-exit`: a `continue` or `throw` decided by an awaited result
 *   (inside a test that reads it, or a `catch` of an awaited call);
 * - `carried-write`: the body assigns a variable declared outside it (an
 *   accumulator, a cursor or token fed back, a `let` the next pass reads),
 *   or the loop's own element or counter;
 * - `shared-mutation`: the body changes an object that outlives the pass
 *   (`seen.add(id)`, `results.push(r)` in completion order, `this.total +=`);
 * - `function-scoped-var`: a `var` in the body belongs to the whole function.
 */
export type LoopDependence = 'carried-write' | 'dependent-exit' | 'exit' | 'function-scoped-var' | 'shared-mutation';

export interface LoopIndependence {
  /** The `continue` statements of the loop itself, each of which ends one pass only (a `return` in a callback). */
  readonly continues: readonly TSESTree.ContinueStatement[];
}

/** A `const results = []` just before the loop, filled by `results.push(value)` as the body's last statement. */
export interface CollectedResults {
  readonly declaration: TSESTree.VariableDeclaration;
  readonly declarator: TSESTree.VariableDeclarator & { id: TSESTree.Identifier };
  readonly push: TSESTree.ExpressionStatement & { expression: TSESTree.CallExpression };
  readonly value: TSESTree.Expression;
}

/** Methods that change the object they are called on. */
const MUTATING_METHODS = new Set([
  'push',
  'unshift',
  'pop',
  'shift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
  'add',
  'set',
  'delete',
  'clear',
  'append',
  'assign',
]);

/**
 * The awaits of the loop's body whose nearest loop is this one, in source
 * order, not counting those of nested functions (which run when called).
 * `undefined` when a nested loop (or a `for await`) awaits too: its own
 * passes are judged on their own, and this loop is left alone.
 */
export function getLoopAwaits(loop: JudgedLoop): TSESTree.AwaitExpression[] | undefined {
  const awaits: TSESTree.AwaitExpression[] = [];
  const found = { nestedAwaits: false };
  forEachESTreeDescendant(loop.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression) awaits.push(node);
    else if (node !== loop.body && isLoopStatement(node)) {
      if (
        (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
        someESTreeDescendant(node, (inner) =>
          isFunctionNode(inner) ? 'skip' : inner.type === AST_NODE_TYPES.AwaitExpression ? 'found' : 'descend',
        )
      ) {
        found.nestedAwaits = true;
      }
    }
    return true;
  });
  return found.nestedAwaits ? undefined : awaits;
}

/**
 * Judges whether the passes of `loop` are independent of each other.
 * `collected` is the results array the loop fills in order, whose one
 * `push` the suggestion turns into the callback's `return`; `counter` the
 * counting variable of a `for` loop, whose update the suggestion replaces
 * with the index `map` hands out.
 */
export function findLoopDependence(
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop: JudgedLoop,
  collected: CollectedResults | undefined,
  counter: TSESLint.Scope.Variable | undefined,
): LoopDependence | LoopIndependence {
  const body = loop.body;
  const awaitedLocals = findAwaitedLocals(sourceCode, loop);
  const continues: TSESTree.ContinueStatement[] = [];
  let dependence: LoopDependence | undefined;

  forEachESTreeDescendant(body, (node) => {
    if (dependence !== undefined) return false;
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
        if (!isInsideNestedFunction(node, body)) dependence = 'exit';
        break;
      case AST_NODE_TYPES.BreakStatement:
        if (!isInsideNestedFunction(node, body) && (node.label !== null || !hasInnerBreakTarget(node, body))) dependence = 'exit';
        break;
      case AST_NODE_TYPES.ContinueStatement:
        if (isInsideNestedFunction(node, body) || (node.label === null && hasInnerLoop(node, body))) break;
        if (node.label !== null) dependence = 'exit';
        else if (isDecidedByAwait(node, body, awaitedLocals, sourceCode)) dependence = 'dependent-exit';
        else continues.push(node);
        break;
      case AST_NODE_TYPES.ThrowStatement:
        if (!isInsideNestedFunction(node, body) && isDecidedByAwait(node, body, awaitedLocals, sourceCode)) {
          dependence = 'dependent-exit';
        }
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        if (node.kind === 'var') dependence = 'function-scoped-var';
        break;
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.left.type === AST_NODE_TYPES.MemberExpression && isSharedObject(sourceCode, node.left, loop)) {
          dependence = 'shared-mutation';
        }
        break;
      case AST_NODE_TYPES.UpdateExpression:
        if (node.argument.type === AST_NODE_TYPES.MemberExpression && isSharedObject(sourceCode, node.argument, loop)) {
          dependence = 'shared-mutation';
        }
        break;
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === 'delete' && node.argument.type === AST_NODE_TYPES.MemberExpression && isSharedObject(sourceCode, node.argument, loop)) {
          dependence = 'shared-mutation';
        }
        break;
      case AST_NODE_TYPES.CallExpression:
        if (
          node !== collected?.push.expression &&
          node.callee.type === AST_NODE_TYPES.MemberExpression &&
          !node.callee.computed &&
          node.callee.property.type === AST_NODE_TYPES.Identifier &&
          MUTATING_METHODS.has(node.callee.property.name) &&
          isSharedObject(sourceCode, node.callee, loop)
        ) {
          dependence = 'shared-mutation';
        }
        break;
      default:
        break;
    }
    return true;
  });
  if (dependence !== undefined) return dependence;
  if (writesOuterVariable(sourceCode, loop, counter)) return 'carried-write';
  if (collected !== undefined && isReferencedWithin(sourceCode, collected.declarator, body, collected.push.expression.callee)) {
    return 'shared-mutation';
  }
  return { continues };
}

/**
 * The results array the loop fills, one value per pass and in order: the
 * statement just before the loop declares it as an empty array literal, and
 * the body's last statement is its only `push`, of one value. A `push`
 * anywhere else (inside an `if`, with a `continue` that skips it) would
 * leave gaps, and the order of completion would be the order of the array.
 */
export function getCollectedResults(sourceCode: Readonly<TSESLint.SourceCode>, loop: JudgedLoop): CollectedResults | undefined {
  const statements = getStatementList(loop);
  const index = statements?.indexOf(loop) ?? -1;
  const declaration = index > 0 ? statements?.[index - 1] : undefined;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'var' || declaration.declare) return undefined;
  const [declarator] = declaration.declarations;
  if (
    declaration.declarations.length !== 1 ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.init?.type !== AST_NODE_TYPES.ArrayExpression ||
    declarator.init.elements.length > 0
  ) {
    return undefined;
  }
  const last = loop.body.type === AST_NODE_TYPES.BlockStatement ? loop.body.body.at(-1) : loop.body;
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement || last.expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const call = last.expression;
  const [value] = call.arguments;
  if (
    call.arguments.length !== 1 ||
    value === undefined ||
    value.type === AST_NODE_TYPES.SpreadElement ||
    call.optional ||
    call.callee.type !== AST_NODE_TYPES.MemberExpression ||
    call.callee.computed ||
    call.callee.object.type !== AST_NODE_TYPES.Identifier ||
    call.callee.object.name !== declarator.id.name ||
    call.callee.property.type !== AST_NODE_TYPES.Identifier ||
    call.callee.property.name !== 'push'
  ) {
    return undefined;
  }
  // Comments between the declaration and the loop would be lost when the two become one statement.
  if (sourceCode.getCommentsBefore(loop).some((comment) => comment.range[0] > declaration.range[1])) return undefined;
  return {
    declaration,
    declarator: declarator as CollectedResults['declarator'],
    push: last as CollectedResults['push'],
    value,
  };
}

/**
 * Whether `second` uses a variable `first` declares, directly or through a
 * local function it calls that reads it (`const load = () => orders(user.id)`).
 */
export function usesDeclaredValues(
  sourceCode: Readonly<TSESLint.SourceCode>,
  first: TSESTree.VariableDeclaration,
  second: TSESTree.Node,
): boolean {
  const produced = new Set(first.declarations.flatMap((declarator) => sourceCode.getDeclaredVariables(declarator)));
  const visited = new Set<TSESLint.Scope.Variable>();
  const pending: TSESTree.Node[] = [second];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    for (const reference of getReferencesWithin(sourceCode, node)) {
      const variable = reference.resolved;
      if (variable === null || visited.has(variable)) continue;
      visited.add(variable);
      if (produced.has(variable)) return true;
      const definition = variable.defs[0];
      if (definition === undefined || visited.size > 64) continue;
      if (definition.type === TSESLint.Scope.DefinitionType.FunctionName) pending.push(definition.node);
      else if (definition.type === TSESLint.Scope.DefinitionType.Variable && definition.node.init !== null && isFunctionNode(definition.node.init)) {
        pending.push(definition.node.init);
      }
    }
  }
  return false;
}

/** The references whose identifier lies inside `node`, from every scope at or below the one around it. */
function getReferencesWithin(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): TSESLint.Scope.Reference[] {
  const [start, end] = node.range;
  const references: TSESLint.Scope.Reference[] = [];
  const scopes: TSESLint.Scope.Scope[] = [sourceCode.getScope(node)];
  for (let scope = scopes.pop(); scope !== undefined; scope = scopes.pop()) {
    for (const reference of scope.references) {
      const [from, to] = reference.identifier.range;
      if (from >= start && to <= end) references.push(reference);
    }
    for (const child of scope.childScopes) {
      if (child.block.range[1] > start && child.block.range[0] < end) scopes.push(child);
    }
  }
  return references;
}

function isWithin(node: TSESTree.Node | TSESTree.Token, container: TSESTree.Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * The body (or the loop's test and update) assigns a variable declared
 * outside the body, other than a counting loop's counter in its update.
 */
function writesOuterVariable(
  sourceCode: Readonly<TSESLint.SourceCode>,
  loop: JudgedLoop,
  counter: TSESLint.Scope.Variable | undefined,
): boolean {
  const regions: TSESTree.Node[] = [loop.body];
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    if (loop.test !== null) regions.push(loop.test);
    if (loop.update !== null) regions.push(loop.update);
  }
  return regions.some((region) =>
    getReferencesWithin(sourceCode, region).some((reference) => {
      if (!reference.isWrite()) return false;
      const variable = reference.resolved;
      if (variable === null) return true;
      if (variable === counter && loop.type === AST_NODE_TYPES.ForStatement && loop.update !== null && isWithin(reference.identifier, loop.update)) {
        return false;
      }
      return !variable.defs.every((definition) => isWithin(definition.name, loop.body));
    }),
  );
}

/**
 * The member expression's object outlives one pass: `this`, or a variable
 * declared outside the body other than the loop's own element (writing a
 * property of the item a pass works on is that pass's business).
 */
function isSharedObject(sourceCode: Readonly<TSESLint.SourceCode>, member: TSESTree.MemberExpression, loop: JudgedLoop): boolean {
  let root: TSESTree.Node = member;
  while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.ChainExpression) {
    root = root.type === AST_NODE_TYPES.ChainExpression ? root.expression : root.object;
  }
  if (root.type === AST_NODE_TYPES.ThisExpression || root.type === AST_NODE_TYPES.Super) return true;
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const reference = getReferencesWithin(sourceCode, root).find((candidate) => candidate.identifier === root);
  const variable = reference?.resolved;
  if (variable === undefined) return false;
  if (variable === null) return true;
  return variable.defs.some(
    (definition) =>
      !isWithin(definition.name, loop.body) &&
      !(loop.type === AST_NODE_TYPES.ForOfStatement && isWithin(definition.name, loop.left)),
  );
}

/**
 * Variables of the body whose value comes from an await of this loop, and
 * those computed from them, in source order (`const user = await load(id)`,
 * `const active = user.active`), each with the offset from which it holds
 * the awaited value: `entry.value = await load(entry.key)` makes `entry` an
 * awaited value for the code after it, not for a `continue` before it.
 */
function findAwaitedLocals(sourceCode: Readonly<TSESLint.SourceCode>, loop: JudgedLoop): Map<TSESLint.Scope.Variable, number> {
  const awaited = new Map<TSESLint.Scope.Variable, number>();
  const taint = (variable: TSESLint.Scope.Variable, from: number): void => {
    if (!awaited.has(variable)) awaited.set(variable, from);
  };
  forEachESTreeDescendant(loop.body, (node) => {
    if (isFunctionNode(node)) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init !== null && dependsOnAwait(sourceCode, node.init, awaited)) {
      for (const variable of sourceCode.getDeclaredVariables(node)) taint(variable, node.range[0]);
    } else if (node.type === AST_NODE_TYPES.AssignmentExpression && dependsOnAwait(sourceCode, node.right, awaited)) {
      for (const reference of getReferencesWithin(sourceCode, node.left)) {
        if (reference.resolved !== null) taint(reference.resolved, node.range[1]);
      }
    }
    return true;
  });
  return awaited;
}

function dependsOnAwait(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  awaited: ReadonlyMap<TSESLint.Scope.Variable, number>,
): boolean {
  const containsAwait = someESTreeDescendant(node, (inner) =>
    isFunctionNode(inner) ? 'skip' : inner.type === AST_NODE_TYPES.AwaitExpression ? 'found' : 'descend',
  );
  return (
    containsAwait ||
    getReferencesWithin(sourceCode, node).some((reference) => {
      const from = reference.resolved === null ? undefined : awaited.get(reference.resolved);
      return from !== undefined && reference.identifier.range[0] >= from;
    })
  );
}

/**
 * A `continue` or `throw` runs or not by an awaited result: it sits in a
 * branch whose test reads one, in the `catch` of a `try` that awaits, or
 * throws a value computed from one.
 */
function isDecidedByAwait(
  jump: TSESTree.ContinueStatement | TSESTree.ThrowStatement,
  body: TSESTree.Statement,
  awaited: ReadonlyMap<TSESLint.Scope.Variable, number>,
  sourceCode: Readonly<TSESLint.SourceCode>,
): boolean {
  if (jump.type === AST_NODE_TYPES.ThrowStatement && dependsOnAwait(sourceCode, jump.argument, awaited)) return true;
  let child: TSESTree.Node = jump;
  while (child !== body) {
    const current: TSESTree.Node | undefined = child.parent;
    if (current === undefined) return false;
    switch (current.type) {
      case AST_NODE_TYPES.IfStatement:
        if (child !== current.test && dependsOnAwait(sourceCode, current.test, awaited)) return true;
        break;
      case AST_NODE_TYPES.SwitchStatement:
        if (dependsOnAwait(sourceCode, current.discriminant, awaited)) return true;
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (current.test !== null && dependsOnAwait(sourceCode, current.test, awaited)) return true;
        break;
      case AST_NODE_TYPES.CatchClause:
        if (dependsOnAwait(sourceCode, current.parent.block, awaited)) return true;
        break;
      default:
        break;
    }
    child = current;
  }
  return false;
}

function isInsideNestedFunction(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current !== body; current = current.parent) {
    if (isFunctionNode(current)) return true;
  }
  return false;
}

/** An unlabelled `break` inside a nested loop or `switch` ends that, not our loop. */
function hasInnerBreakTarget(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current !== body; current = current.parent) {
    if (isLoopStatement(current) || current.type === AST_NODE_TYPES.SwitchStatement) return true;
  }
  return false;
}

function hasInnerLoop(node: TSESTree.Node, body: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current !== body; current = current.parent) {
    if (isLoopStatement(current)) return true;
  }
  return false;
}

/** The variable `declarator` declares is referenced inside `region`, other than at `except`. */
function isReferencedWithin(
  sourceCode: Readonly<TSESLint.SourceCode>,
  declarator: TSESTree.VariableDeclarator,
  region: TSESTree.Node,
  except: TSESTree.Node,
): boolean {
  const variables = new Set(sourceCode.getDeclaredVariables(declarator));
  return getReferencesWithin(sourceCode, region).some(
    (reference) => reference.resolved !== null && variables.has(reference.resolved) && !isWithin(reference.identifier, except),
  );
}

function getStatementList(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  const parent = node.parent;
  if (parent === undefined) return undefined;
  switch (parent.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return parent.body;
    case AST_NODE_TYPES.SwitchCase:
      return parent.consequent;
    default:
      return undefined;
  }
}
