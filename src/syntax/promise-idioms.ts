import { AST_NODE_TYPES, ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { someESTreeDescendant } from './walk.js';

/**
 * Syntactic shapes of promises made around values that are already here:
 * `Promise.resolve(v)`, `new Promise((r) => r(v))`, and the idioms people
 * write to yield to the event loop on purpose. Types are the caller's job;
 * these only read syntax, so a rule can ask them before asking the checker.
 */

/** `Promise` as written refers to the global, not a local binding or import. */
export function isGlobalPromise(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier || node.name !== 'Promise') return false;
  const variable = ASTUtils.findVariable(sourceCode.getScope(node), node);
  return variable === null || variable.defs.length === 0;
}

/**
 * For `Promise.resolve(v)` gives `v`; for `Promise.resolve()` gives `null`;
 * for anything else `undefined`.
 */
export function getPromiseResolveArgument(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): TSESTree.Expression | null | undefined {
  if (
    node.type !== AST_NODE_TYPES.CallExpression ||
    node.optional ||
    node.callee.type !== AST_NODE_TYPES.MemberExpression ||
    node.callee.computed ||
    node.callee.optional ||
    node.callee.property.type !== AST_NODE_TYPES.Identifier ||
    node.callee.property.name !== 'resolve' ||
    !isGlobalPromise(sourceCode, node.callee.object)
  ) {
    return undefined;
  }
  if (node.arguments.length === 0) return null;
  const [argument] = node.arguments;
  if (node.arguments.length > 1 || argument === undefined || argument.type === AST_NODE_TYPES.SpreadElement) {
    return undefined;
  }
  return argument;
}

/**
 * For `new Promise((resolve) => resolve(v))` (or a block body whose only
 * statement is `resolve(v);`) gives `v`; for `resolve()` gives `null`; for an
 * executor that does anything else, `undefined`.
 */
export function getImmediatelyResolvedValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
): TSESTree.Expression | null | undefined {
  const executor = getExecutor(sourceCode, node);
  const resolveParameter = executor?.params[0];
  if (executor === undefined || resolveParameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const call = getSoleExpression(executor.body);
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.optional ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== resolveParameter.name
  ) {
    return undefined;
  }
  if (call.arguments.length === 0) return null;
  const [value] = call.arguments;
  if (call.arguments.length > 1 || value === undefined || value.type === AST_NODE_TYPES.SpreadElement) return undefined;
  // Moved out of the executor, a name of its own would mean something else.
  if (readsExecutorBindings(value, executor)) return undefined;
  return value;
}

/** The value reads the executor's parameters, or (in a `function` executor) its `this` or `arguments`. */
function readsExecutorBindings(value: TSESTree.Node, executor: Executor): boolean {
  if (executor.params.some((parameter) => parameter.type !== AST_NODE_TYPES.Identifier)) return true;
  const ownNames = new Set(
    executor.params.flatMap((parameter) => (parameter.type === AST_NODE_TYPES.Identifier ? [parameter.name] : [])),
  );
  if (executor.type === AST_NODE_TYPES.FunctionExpression) ownNames.add('arguments');
  return containsNode(
    value,
    (node) =>
      (node.type === AST_NODE_TYPES.Identifier && ownNames.has(node.name)) ||
      (node.type === AST_NODE_TYPES.ThisExpression && executor.type === AST_NODE_TYPES.FunctionExpression),
  );
}

/**
 * For an executor whose block runs synchronous statements and ends with
 * `resolve(v)` gives `v`: `new Promise((resolve) => { const total = sum(xs); resolve(total); })`.
 * The statements before may not touch `resolve`/`reject` or create functions
 * (anything that could settle the promise later), nor pass `isCallback`
 * arguments to calls (`setTimeout(flush, 10)`: asynchronous work started
 * inside). Such a promise is settled before the constructor returns, but it
 * cannot be unwrapped into an expression, so the caller reports it without a
 * fix.
 */
export function getSynchronouslyResolvedValue(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  isCallback: (argument: TSESTree.Node) => boolean,
): TSESTree.Expression | undefined {
  const executor = getExecutor(sourceCode, node);
  if (executor?.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  if (executor.params.some((parameter) => parameter.type !== AST_NODE_TYPES.Identifier)) return undefined;
  const statements = executor.body.body;
  const last = statements.at(-1);
  const resolveParameter = executor.params[0];
  if (last?.type !== AST_NODE_TYPES.ExpressionStatement || resolveParameter?.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const call = last.expression;
  const [value] = call.type === AST_NODE_TYPES.CallExpression ? call.arguments : [];
  if (
    call.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== resolveParameter.name ||
    call.arguments.length !== 1 ||
    value === undefined ||
    value.type === AST_NODE_TYPES.SpreadElement
  ) {
    return undefined;
  }
  const parameterNames = new Set(executor.params.map((parameter) => (parameter as TSESTree.Identifier).name));
  const settlesLater = statements
    .slice(0, -1)
    .some((statement) =>
      containsNode(
        statement,
        (inner) =>
          (inner.type === AST_NODE_TYPES.Identifier && parameterNames.has(inner.name)) ||
          inner.type === AST_NODE_TYPES.ArrowFunctionExpression ||
          inner.type === AST_NODE_TYPES.FunctionExpression ||
          inner.type === AST_NODE_TYPES.FunctionDeclaration ||
          inner.type === AST_NODE_TYPES.ClassExpression ||
          inner.type === AST_NODE_TYPES.ClassDeclaration ||
          inner.type === AST_NODE_TYPES.ReturnStatement ||
          ((inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) &&
            inner.arguments.some(isCallback)),
      ),
    );
  return settlesLater ? undefined : value;
}

/**
 * Operands awaited only to give the event loop a turn: `null`, `undefined`,
 * `void 0`, `Promise.resolve()` (or of `undefined`/`null`), `new Promise((r) => r())` (or `r(undefined)`/`r(null)`),
 * `new Promise(setImmediate)`, `new Promise((r) => setTimeout(r, 0))`,
 * `scheduler.yield()`.
 */
export function isEventLoopYield(sourceCode: Readonly<TSESLint.SourceCode>, operand: TSESTree.Node): boolean {
  switch (operand.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.UnaryExpression:
      return isNothing(operand);
    case AST_NODE_TYPES.CallExpression: {
      // `Promise.resolve()`, and `Promise.resolve(undefined)` or `(null)`, which say the same.
      const resolved = getPromiseResolveArgument(sourceCode, operand);
      return resolved === null || (resolved !== undefined && isNothing(resolved)) || isSchedulerYield(operand);
    }
    case AST_NODE_TYPES.NewExpression: {
      // `new Promise((r) => r())`, and `r(undefined)` or `r(null)`, which say the same.
      const resolved = getImmediatelyResolvedValue(sourceCode, operand);
      return resolved === null || (resolved !== undefined && isNothing(resolved)) || isTimerExecutor(sourceCode, operand);
    }
    default:
      return false;
  }
}

/** `null`, `undefined`, `void 0`. */
function isNothing(node: TSESTree.Node): boolean {
  return (
    (node.type === AST_NODE_TYPES.Literal && node.value === null && !('regex' in node)) ||
    (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') ||
    (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'void' && node.argument.type === AST_NODE_TYPES.Literal)
  );
}

type Executor = TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

function getExecutor(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): Executor | undefined {
  if (node.type !== AST_NODE_TYPES.NewExpression || !isGlobalPromise(sourceCode, node.callee)) return undefined;
  const [executor] = node.arguments;
  if (
    node.arguments.length !== 1 ||
    (executor?.type !== AST_NODE_TYPES.ArrowFunctionExpression && executor?.type !== AST_NODE_TYPES.FunctionExpression) ||
    executor.async ||
    executor.generator
  ) {
    return undefined;
  }
  return executor;
}

function getSoleExpression(body: TSESTree.BlockStatement | TSESTree.Expression): TSESTree.Expression | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  const [statement] = body.body;
  if (body.body.length !== 1 || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  return statement.expression;
}

const TIMER_NAMES = new Set(['setImmediate', 'setTimeout']);

/** `new Promise(setImmediate)`, `new Promise((r) => setTimeout(r))`, `new Promise((r) => setTimeout(r, 0))`. */
function isTimerExecutor(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.NewExpression): boolean {
  if (!isGlobalPromise(sourceCode, node.callee) || node.arguments.length !== 1) return false;
  const [argument] = node.arguments;
  if (argument?.type === AST_NODE_TYPES.Identifier) return TIMER_NAMES.has(argument.name);
  const executor = getExecutor(sourceCode, node);
  const resolveParameter = executor?.params[0];
  if (executor === undefined || resolveParameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const call = getSoleExpression(executor.body);
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return false;
  if (!TIMER_NAMES.has(call.callee.name)) return false;
  const [callback, delay] = call.arguments;
  const isResolve = callback?.type === AST_NODE_TYPES.Identifier && callback.name === resolveParameter.name;
  const isZeroDelay = delay === undefined || (delay.type === AST_NODE_TYPES.Literal && delay.value === 0);
  return isResolve && isZeroDelay && call.arguments.length <= 2;
}

function isSchedulerYield(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'scheduler' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'yield'
  );
}

/** Whether `root` or any node below it satisfies `predicate`. */
function containsNode(root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): boolean {
  return someESTreeDescendant(root, (node) => (predicate(node) ? 'found' : 'descend'));
}
