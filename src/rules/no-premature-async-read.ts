import { AST_NODE_TYPES, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { classifyCallback, type CallbackClassification } from '../analysis/callback-timing.js';
import { hasPromiseForm } from '../analysis/promise-form.js';
import { classifyExpressionThenability } from '../analysis/thenable.js';
import { createRule } from '../create-rule.js';
import { canAwaitAt } from '../syntax/await-context.js';
import { describeNode, describeText } from '../syntax/describe-node.js';
import { getEnclosingFunction, isFunctionNode, type FunctionNode } from '../syntax/function-node.js';
import { isLoopStatement } from '../syntax/loop.js';
import { someESTreeDescendant } from '../syntax/walk.js';

export type Options = [
  {
    /**
     * Callee names (a function, or a method's property name) whose callbacks
     * count as running before the call returns.
     * @default []
     */
    ignore?: string[];
  },
];
export type MessageIds = 'awaitResult' | 'prematureRead';

type CallbackFunction = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
type SchedulingCall = TSESTree.CallExpression | TSESTree.NewExpression;

/** The continuations whose callback never runs before the call that schedules it returns. */
const LATER_REASONS = new Set(['event-listener', 'node-style-callback', 'promise-handler', 'timer']);

const REASON_TEXT: Readonly<Record<string, string>> = {
  'event-listener': 'the listener runs when the event comes',
  'node-style-callback': 'the callback runs when the work is done',
  'promise-handler': 'the handler runs when the promise settles',
  timer: 'the timer fires later',
};

export default createRule<Options, MessageIds>({
  name: 'no-premature-async-read',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reading a variable that a callback which runs later has not assigned yet',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    defaultOptions: [{ ignore: [] }],
    messages: {
      prematureRead:
        '`{{name}}` is read here before the callback of `{{callee}}` (line {{line}}) assigns it: {{reason}}, after this code has run, so this read sees the old value. Read it inside the callback, or wait for the result.',
      awaitResult: 'Wait for the result instead: `{{name}} = await {{call}};`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          ignore: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
            description: 'Callee names (a function, or a method property name) whose callbacks count as running before the call returns.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const timingOptions = { ignore: options.ignore ?? [] };
    /** `variable:call` pairs already reported: one report per variable and scheduling call. */
    const reported = new Set<string>();

    function checkWrite(target: TSESTree.Node): void {
      // `({ rows } = result)`, `[a, b] = pair`: each name the pattern writes.
      if (target.type !== AST_NODE_TYPES.Identifier) {
        for (const name of getPatternNames(target)) checkWrite(name);
        return;
      }
      // Syntax first: a write inside a function written as an argument, to a variable of the code around the call.
      const scheduled = findSchedulingCallback(target);
      if (scheduled === undefined) return;
      const { callback, call } = scheduled;
      const variable = findVariable(target);
      if (variable === undefined) return;
      const outer = getRunningCode(call);
      if (variable.scope.variableScope.block !== outer) return;
      const statement = getStatementInList(call);
      // `await p.then((r) => { v = r; })`: the statement waits for the handler.
      if (statement === undefined || isAwaitedWithin(call, statement)) return;
      // `timer = setTimeout(() => { timer = null; })`, `let handle = setTimeout(…)`: the function itself assigns after the call.
      if (isAssignedFromCall(variable, call, outer)) return;
      const read = findFirstReadAfter(variable, call, statement, outer);
      if (read === undefined) return;
      const key = `${variable.name}:${String(call.range[0])}`;
      if (reported.has(key)) return;

      const timing = classifyCallback(services, callback, timingOptions);
      if (!isLater(timing)) return;
      if (!scheduled.through.every((fn) => runsInPlace(classifyCallback(services, fn, timingOptions)))) return;
      // An emitter calls its listeners synchronously on `emit`: any call in between may fire the event.
      if (timing.reason === 'event-listener' && hasCallBetween(outer, call.range[1], read.range[0])) return;
      reported.add(key);

      const suggestion = buildSuggestion(variable.name, callback, call, statement, timing, outer);
      context.report({
        node: read,
        messageId: 'prematureRead',
        data: {
          name: variable.name,
          callee: describeNode(sourceCode, call.callee),
          line: String(call.loc.start.line),
          reason: REASON_TEXT[timing.reason] ?? 'the callback runs later',
        },
        suggest: suggestion === undefined ? [] : [suggestion],
      });
    }

    function findVariable(identifier: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
      const reference = sourceCode.getScope(identifier).references.find((candidate) => candidate.identifier === identifier);
      return reference?.resolved ?? undefined;
    }

    /**
     * The first read of `variable` directly in `outer` (not in a function
     * nested in it) in the statements that follow `statement` in its list
     * (and after the loops, `try` blocks and plain blocks that hold that
     * list), with nothing in between that waits (`await`, `yield`) and no
     * write of its own in between.
     */
    function findFirstReadAfter(
      variable: TSESLint.Scope.Variable,
      call: SchedulingCall,
      statement: TSESTree.Node,
      outer: FunctionNode | TSESTree.Program,
    ): TSESTree.Identifier | undefined {
      const region = getReadRegion(statement);
      if (region === undefined) return undefined;
      const { list, skipped } = region;
      const references = [...variable.references].sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
      for (const reference of references) {
        const identifier = reference.identifier;
        if (identifier.range[0] < statement.range[1] || !isWithin(identifier, list)) continue;
        if (skipped.some((node) => isWithin(identifier, node))) continue;
        if (getRunningCode(identifier) !== outer) continue;
        if (reference.isWrite()) return undefined;
        if (!reference.isRead() || isInTypeQuery(identifier, list)) continue;
        if (waitsBetween(outer, call.range[1], identifier.range[0]) || isInWaitingLoop(identifier, list)) return undefined;
        return identifier as TSESTree.Identifier;
      }
      return undefined;
    }

    function buildSuggestion(
      name: string,
      callback: CallbackFunction,
      call: SchedulingCall,
      statement: TSESTree.Node,
      timing: CallbackClassification,
      outer: FunctionNode | TSESTree.Program,
    ): TSESLint.SuggestionReportDescriptor<MessageIds> | undefined {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression !== call) return undefined;
      if (call.type !== AST_NODE_TYPES.CallExpression || call.optional) return undefined;
      const awaitedText = getAwaitedCallText(name, callback, call, timing);
      if (awaitedText === undefined) return undefined;
      const asyncToken = getTokenToMakeAsync(call, outer);
      if (asyncToken === false) return undefined;
      return {
        messageId: 'awaitResult',
        data: { name, call: describeText(awaitedText) },
        fix: (fixer) => [
          ...(asyncToken === undefined ? [] : [fixer.insertTextBefore(asyncToken, 'async ')]),
          fixer.replaceText(statement, `${name} = await ${awaitedText};`),
        ],
      };
    }

    /**
     * What to await for the callback's result, when the callback only stores
     * it: `p.then((r) => { v = r; })` → `p`; `client.query(sql, (err, res) => { rows = res; })`
     * → `client.query(sql)` when that form returns a promise of the same.
     */
    function getAwaitedCallText(
      name: string,
      callback: CallbackFunction,
      call: TSESTree.CallExpression,
      timing: CallbackClassification,
    ): string | undefined {
      const callee = call.callee;
      if (timing.reason === 'promise-handler') {
        if (callee.type !== AST_NODE_TYPES.MemberExpression || call.arguments.length !== 1) return undefined;
        if (sourceCode.getText(callee.property) !== 'then') return undefined;
        const [value] = callback.params;
        if (value?.type !== AST_NODE_TYPES.Identifier || !onlyAssigns(callback, name, value.name)) return undefined;
        return classifyExpressionThenability(services, callee.object) === 'thenable' ? sourceCode.getText(callee.object) : undefined;
      }
      if (timing.reason === 'node-style-callback') {
        if (call.arguments.at(-1) !== callback) return undefined;
        const [error, result] = callback.params;
        if (error?.type !== AST_NODE_TYPES.Identifier || result?.type !== AST_NODE_TYPES.Identifier) return undefined;
        if (!onlyAssigns(callback, name, result.name, error.name)) return undefined;
        if (!hasPromiseForm(services, call, services.getTypeAtLocation(result))) return undefined;
        const others = call.arguments.slice(0, -1).map((argument) => sourceCode.getText(argument));
        return `${sourceCode.getText(callee)}(${others.join(', ')})`;
      }
      return undefined;
    }

    /**
     * The body is `name = value` alone (or after `if (error) throw error;`):
     * awaiting the value instead stores the same, and a failure throws there.
     */
    function onlyAssigns(callback: CallbackFunction, name: string, value: string, error?: string): boolean {
      const isStore = (node: TSESTree.Node | undefined): boolean => {
        const expression = node?.type === AST_NODE_TYPES.ExpressionStatement ? node.expression : node;
        return (
          expression?.type === AST_NODE_TYPES.AssignmentExpression &&
          expression.operator === '=' &&
          expression.left.type === AST_NODE_TYPES.Identifier &&
          expression.left.name === name &&
          expression.right.type === AST_NODE_TYPES.Identifier &&
          expression.right.name === value
        );
      };
      if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return error === undefined && isStore(callback.body);
      const statements = callback.body.body;
      if (statements.length === 1) return isStore(statements[0]);
      return error !== undefined && statements.length === 2 && isThrowIfSet(statements[0], error) && isStore(statements[1]);
    }

    /**
     * `undefined` when an `await` is valid at the call already; the function's
     * first token when it can be made async (a function, arrow or method
     * that is not a generator, constructor or accessor and declares no return
     * type, which would have to change too); `false` otherwise.
     */
    function getTokenToMakeAsync(call: SchedulingCall, outer: FunctionNode | TSESTree.Program): TSESTree.Token | undefined | false {
      if (canAwaitAt(services.program, services.esTreeNodeToTSNodeMap.get(sourceCode.ast), call)) return undefined;
      if (outer.type === AST_NODE_TYPES.Program || outer.async || outer.generator || outer.returnType !== undefined) return false;
      const parent = outer.parent;
      if (parent.type === AST_NODE_TYPES.MethodDefinition || parent.type === AST_NODE_TYPES.Property) {
        if (parent.kind !== 'method' && parent.kind !== 'init') return false;
        if (parent.type === AST_NODE_TYPES.Property && parent.method) return sourceCode.getFirstToken(parent.key) ?? false;
        if (parent.type === AST_NODE_TYPES.MethodDefinition) {
          return parent.computed || parent.static || parent.key.type === AST_NODE_TYPES.PrivateIdentifier
            ? false
            : (sourceCode.getFirstToken(parent.key) ?? false);
        }
      }
      return sourceCode.getFirstToken(outer) ?? false;
    }

    return {
      AssignmentExpression(node) {
        // `p.then(undefined, () => { pending = null; })`: a callback that only clears the variable releases
        // what the function stored; a read after the call wants the stored value, not the cleared one.
        if (node.operator === '=' && isClearingValue(node.right)) return;
        checkWrite(node.left);
      },
      UpdateExpression(node) {
        checkWrite(node.argument);
      },
    };
  },
});

/**
 * The function written as an argument of a call that holds `node`, through
 * functions that run in place inside it (array callbacks, `(() => …)()`),
 * decided by syntax here and by types later: the innermost function that is
 * an argument.
 */
function findSchedulingCallback(node: TSESTree.Node): ScheduledCallback | undefined {
  const through: CallbackFunction[] = [];
  for (let fn = getEnclosingFunction(node); fn !== undefined; fn = getEnclosingFunction(fn)) {
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    const call = fn.parent;
    if ((call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) && call.arguments.includes(fn)) {
      if (!isInPlaceCall(call)) return { callback: fn, call, through };
    } else if (call.type !== AST_NODE_TYPES.CallExpression || call.callee !== fn) {
      return undefined;
    }
    through.push(fn);
  }
  return undefined;
}

interface ScheduledCallback {
  readonly callback: CallbackFunction;
  readonly call: SchedulingCall;
  /** The functions between the write and `callback`, innermost first, that look as if they ran in place. */
  readonly through: readonly CallbackFunction[];
}

/** The checker agrees that each function runs before its call returns: an array method's callback, `(() => …)()`. */
function runsInPlace(timing: CallbackClassification): boolean {
  return timing.timing === 'synchronous' && (timing.reason === 'array-method' || timing.reason === 'immediately-invoked');
}

/** `items.forEach(…)`, `items.map(…)`: by name only to walk on; the checker decides whether the outer callback runs later. */
function isInPlaceCall(call: SchedulingCall): boolean {
  const callee = call.callee;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    IN_PLACE_METHODS.has(callee.property.name)
  );
}

const IN_PLACE_METHODS = new Set(['every', 'filter', 'find', 'findIndex', 'flatMap', 'forEach', 'map', 'reduce', 'some']);

function isLater(timing: CallbackClassification): timing is CallbackClassification & { timing: 'continuation' } {
  return timing.timing === 'continuation' && LATER_REASONS.has(timing.reason);
}

/** The function whose body runs `node`, or the program for top-level code. */
function getRunningCode(node: TSESTree.Node): FunctionNode | TSESTree.Program {
  for (let current = node.parent; current != null; current = current.parent) {
    if (isFunctionNode(current) || current.type === AST_NODE_TYPES.Program) return current;
  }
  throw new Error('a node outside any program');
}

/** The statement of a statement list (block, program, `case`) that holds `node`, within its function. */
function getStatementInList(node: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current != null; child = current, current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (
      current.type === AST_NODE_TYPES.BlockStatement ||
      current.type === AST_NODE_TYPES.Program ||
      current.type === AST_NODE_TYPES.SwitchCase ||
      current.type === AST_NODE_TYPES.StaticBlock
    ) {
      return current.type === AST_NODE_TYPES.SwitchCase && child === current.test ? undefined : child;
    }
  }
  return undefined;
}

function isWithin(node: TSESTree.Node, ancestor: TSESTree.Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

/**
 * An `await`, `yield` or `for await` of `outer` itself between two offsets:
 * the callback may have run by then. An `await` or `yield` whose operand
 * holds `end` (`await save(value)`) evaluates it before it waits, and so does
 * the iterable of a `for await`.
 */
function waitsBetween(outer: FunctionNode | TSESTree.Program, start: number, end: number): boolean {
  return someNodeBetween(outer, start, end, (node) => {
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) return node.range[1] <= end;
    return node.type === AST_NODE_TYPES.ForOfStatement && node.await && !(node.right.range[0] <= end && end < node.right.range[1]);
  });
}

/** A call, `new` or tagged template of `outer` itself between two offsets. */
function hasCallBetween(outer: FunctionNode | TSESTree.Program, start: number, end: number): boolean {
  return someNodeBetween(outer, start, end, (node) =>
    node.type === AST_NODE_TYPES.CallExpression ||
    node.type === AST_NODE_TYPES.NewExpression ||
    node.type === AST_NODE_TYPES.TaggedTemplateExpression,
  );
}

function someNodeBetween(
  outer: FunctionNode | TSESTree.Program,
  start: number,
  end: number,
  predicate: (node: TSESTree.Node) => boolean,
): boolean {
  const body = outer.type === AST_NODE_TYPES.Program ? outer : outer.body;
  return someESTreeDescendant(body, (node) => {
    if (node.range[1] <= start || node.range[0] >= end) return 'skip';
    if (node !== body && isFunctionNode(node)) return 'skip';
    return predicate(node) && node.range[0] >= start ? 'found' : 'descend';
  });
}

/**
 * `while (!done) await sleep(10);`: a loop (inside `list`) around the read
 * that waits in each pass polls the variable; the first check reading the old
 * value is the point.
 */
function isInWaitingLoop(read: TSESTree.Node, list: TSESTree.Node): boolean {
  for (let current = read.parent; current !== undefined && current !== list; current = current.parent) {
    if (isFunctionNode(current)) return false;
    if (isLoopStatement(current) && waitsBetween(getRunningCode(current), current.range[0], current.range[1])) return true;
  }
  return false;
}

/**
 * Where reads after `statement` may stand: its list, and the list around
 * each loop body, `try` block or `finally` and plain block it sits in (the
 * code after a loop runs before any callback it scheduled); not a `catch`
 * clause of such a `try` (it may run before the call), not past an `if`,
 * `switch` or `for await` (which waits).
 */
function getReadRegion(statement: TSESTree.Node): { list: TSESTree.Node; skipped: TSESTree.Node[] } | undefined {
  let list = statement.parent;
  const skipped: TSESTree.Node[] = [];
  while (list?.type === AST_NODE_TYPES.BlockStatement) {
    const owner = list.parent;
    const climbs =
      (isLoopStatement(owner) && owner.body === list && !(owner.type === AST_NODE_TYPES.ForOfStatement && owner.await)) ||
      (owner.type === AST_NODE_TYPES.TryStatement && (owner.block === list || owner.finalizer === list)) ||
      owner.type === AST_NODE_TYPES.BlockStatement ||
      owner.type === AST_NODE_TYPES.Program;
    if (!climbs) break;
    if (owner.type === AST_NODE_TYPES.TryStatement && owner.block === list && owner.handler !== null) skipped.push(owner.handler);
    const outerStatement = getStatementInList(owner.type === AST_NODE_TYPES.BlockStatement || owner.type === AST_NODE_TYPES.Program ? list : owner);
    if (outerStatement === undefined) break;
    list = outerStatement.parent;
  }
  return list === undefined ? undefined : { list, skipped };
}

/** `typeof value` in a type: no read when the code runs. */
function isInTypeQuery(identifier: TSESTree.Node, list: TSESTree.Node): boolean {
  for (let current = identifier.parent; current !== undefined && current !== list; current = current.parent) {
    if (current.type === AST_NODE_TYPES.TSTypeQuery) return true;
  }
  return false;
}

/** A write of `variable` by `outer` itself whose value holds the call: it lands when the call has returned. */
function isAssignedFromCall(variable: TSESLint.Scope.Variable, call: SchedulingCall, outer: FunctionNode | TSESTree.Program): boolean {
  return variable.references.some((reference) => {
    const value = reference.writeExpr;
    return reference.isWrite() && value != null && isWithin(call, value) && getRunningCode(reference.identifier) === outer;
  });
}

/** An `await` or `yield` around the call, inside its statement. */
function isAwaitedWithin(call: SchedulingCall, statement: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = call.parent; current !== undefined && current !== statement; current = current.parent) {
    if (current.type === AST_NODE_TYPES.AwaitExpression || current.type === AST_NODE_TYPES.YieldExpression) return true;
  }
  return false;
}

/** The names a destructuring pattern assigns (defaults and rest included), not the member targets. */
function getPatternNames(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((element) => (element === null ? [] : getPatternNames(element)));
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((property) =>
        getPatternNames(property.type === AST_NODE_TYPES.Property ? property.value : property),
      );
    case AST_NODE_TYPES.AssignmentPattern:
      return getPatternNames(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return getPatternNames(pattern.argument);
    default:
      return [];
  }
}

/** `if (error) throw error;` */
function isThrowIfSet(statement: TSESTree.Node | undefined, error: string): boolean {
  if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.alternate !== null) return false;
  const { test, consequent } = statement;
  const thrown =
    consequent.type === AST_NODE_TYPES.BlockStatement && consequent.body.length === 1 ? consequent.body[0] : consequent;
  return (
    test.type === AST_NODE_TYPES.Identifier &&
    test.name === error &&
    thrown?.type === AST_NODE_TYPES.ThrowStatement &&
    thrown.argument.type === AST_NODE_TYPES.Identifier &&
    thrown.argument.name === error
  );
}

/** `null`, `undefined`, `void 0`: a value that clears a variable rather than delivering a result. */
function isClearingValue(node: TSESTree.Expression): boolean {
  if (node.type === AST_NODE_TYPES.Literal) return node.value === null && node.raw === 'null';
  if (node.type === AST_NODE_TYPES.Identifier) return node.name === 'undefined';
  return node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void' && node.argument.type === AST_NODE_TYPES.Literal;
}
