import { AST_NODE_TYPES, ASTUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { skipChainExpression } from '../syntax/chain-expression.js';
import { isFunctionNode } from '../syntax/function-node.js';
import { isGlobalPromise } from '../syntax/promise-idioms.js';
import { someESTreeDescendant } from '../syntax/walk.js';
import { askChecker } from './checker-guard.js';
import { getAmbientModuleName } from './declaration-origin.js';
import { getResolvedSymbolAtLocation } from './symbols.js';

/**
 * Why one awaited operation is waited for before the next on purpose, so
 * that running them at the same time would defeat what the code is for:
 * - `delay`: a sleep, a backoff, a timer promise (`setTimeout` of
 *   `node:timers/promises`, `new Promise((r) => setTimeout(r, ms))`);
 * - `rate-limit`: a limiter, throttle, semaphore, queue or mutex, by name or
 *   by type (`p-limit`, `p-queue`, `bottleneck`, `async-mutex`…);
 * - `batch`: `await Promise.all(chunk.map(…))` — concurrency already, in
 *   bounded batches;
 * - `reduce-chain`: awaiting the accumulator of a `reduce` callback, which
 *   chains the items one after the other;
 * - `session-step`: connecting, logging in, opening, beginning, acquiring,
 *   releasing — a step that changes the state the next call runs in (for
 *   two awaits in a row; each pass of a loop may open its own);
 * - `ordered-write`: writing, sending or piping to a stream or socket,
 *   whose bytes must go out in order;
 * - `ordered-read`: the next item of a reader, iterator, queue or prompt
 *   (`reader.read()`, `it.next()`, `rl.question(…)`), which each call
 *   advances: the second call's answer depends on the first having run;
 * - `command`: running a command or a child process (`exec`, `execa`,
 *   `spawn`, `run…`), whose effects on files and services no type shows;
 * - `ui-step`: driving one browser page or screen (`page.goto(url)`,
 *   `click`, `fill`), which shows one state at a time.
 */
export type SequenceReason =
  | 'batch'
  | 'command'
  | 'delay'
  | 'ordered-read'
  | 'ordered-write'
  | 'rate-limit'
  | 'reduce-chain'
  | 'session-step'
  | 'ui-step';

/** The loops that are sequential on purpose, beside the operations above: retries by name. */
export type LoopSequenceReason = SequenceReason | 'retry';

const DELAY_WORDS = new Set(['sleep', 'delay', 'wait', 'backoff', 'pause', 'nap', 'cooldown']);
const LIMITER_WORDS = new Set([
  'limit',
  'limiter',
  'limited',
  'ratelimit',
  'throttle',
  'throttled',
  'throttler',
  'semaphore',
  'sema',
  'queue',
  'queued',
  'mutex',
  'lock',
  'locked',
  'bottleneck',
  'schedule',
  'scheduler',
]);
const SESSION_WORDS = new Set([
  'connect',
  'disconnect',
  'open',
  'close',
  'login',
  'logout',
  'authenticate',
  'auth',
  'begin',
  'commit',
  'rollback',
  'start',
  'stop',
  'init',
  'initialize',
  'setup',
  'acquire',
  'release',
  'listen',
  'migrate',
  'flush',
]);
const ORDERED_WRITE_METHODS = new Set(['write', 'writev', 'writeLine', 'send', 'end', 'pipe', 'pipeTo', 'emit']);
/** Whole method names (any case): `readFile` reads a file of its own, `read` the next chunk of a shared reader. */
const ORDERED_READ_METHODS = new Set(['next', 'read', 'readline', 'question', 'prompt', 'ask', 'confirm', 'receive', 'recv', 'take', 'pop', 'shift', 'dequeue']);
/** Whole method names of browser automation (Puppeteer, Playwright, WebDriver), any case. */
const UI_STEP_METHODS = new Set([
  'goto',
  'navigate',
  'reload',
  'goback',
  'goforward',
  'click',
  'dblclick',
  'tap',
  'type',
  'press',
  'fill',
  'check',
  'uncheck',
  'hover',
  'focus',
  'select',
  'selectoption',
  'scroll',
  'drag',
  'dragto',
  'keyboard',
  'screenshot',
]);
const COMMAND_WORDS = new Set(['exec', 'execa', 'spawn', 'fork', 'shell', 'run', 'sh', 'command', 'cmd']);
const RETRY_WORDS = new Set(['retry', 'retries', 'attempt', 'attempts', 'tries', 'try']);
const PROMISE_COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** Packages whose whole purpose is to run work one (or a few) at a time. */
const LIMITER_PACKAGES = new Set([
  'p-limit',
  'p-queue',
  'p-throttle',
  'p-ratelimit',
  'p-mutex',
  'p-sema',
  'bottleneck',
  'async-mutex',
  'async-sema',
  'async-lock',
  'limiter',
  'rate-limiter-flexible',
  'semaphore-async-await',
]);
const TIMER_PROMISE_MODULES = new Set(['timers/promises', 'node:timers/promises']);

/**
 * Syntax only: why an awaited operand is waited for on purpose, from the
 * names in its callee (`sleep(ms)`, `limiter.schedule(…)`,
 * `rateLimit.take()`), the shape of a timer promise, a batch, or a reduce
 * chain. `undefined` when syntax shows no purpose; `getTypedSequenceReason`
 * asks the types next.
 */
export function getSequenceReason(sourceCode: Readonly<TSESLint.SourceCode>, operand: TSESTree.Expression): SequenceReason | undefined {
  const inner = skipChainExpression(operand);
  if (inner.type === AST_NODE_TYPES.NewExpression) return isTimerPromise(sourceCode, inner) ? 'delay' : undefined;
  if (inner.type === AST_NODE_TYPES.Identifier) return isReduceAccumulator(sourceCode, inner) ? 'reduce-chain' : undefined;
  if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = skipChainExpression(inner.callee);
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    !callee.computed &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    PROMISE_COMBINATORS.has(callee.property.name) &&
    isGlobalPromise(sourceCode, callee.object)
  ) {
    return 'batch';
  }
  const names = getCalleeNames(callee);
  const words = names.flatMap(splitWords);
  if (words.some((word) => DELAY_WORDS.has(word))) return 'delay';
  if (words.some((word) => LIMITER_WORDS.has(word))) return 'rate-limit';
  const method = names.at(-1);
  const verb = method === undefined ? undefined : splitWords(method)[0];
  if (verb !== undefined && SESSION_WORDS.has(verb)) return 'session-step';
  if (verb !== undefined && COMMAND_WORDS.has(verb)) return 'command';
  if (method !== undefined && ORDERED_READ_METHODS.has(method.toLowerCase())) return 'ordered-read';
  if (callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && UI_STEP_METHODS.has(method.toLowerCase())) {
    return 'ui-step';
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && method !== undefined && ORDERED_WRITE_METHODS.has(method)) {
    return 'ordered-write';
  }
  return undefined;
}

/**
 * With the checker: the callee is a timer promise of `node:timers/promises`
 * under any name, or the callee or its receiver has a type that says it
 * limits (a `Limiter`, a `PQueue`, a `Mutex`), or comes from a limiter
 * package.
 */
export function getTypedSequenceReason(
  services: ParserServicesWithTypeInformation,
  operand: TSESTree.Expression,
): SequenceReason | undefined {
  const call = skipChainExpression(operand);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  return askChecker<SequenceReason | undefined>(undefined, () => {
    const checker = services.program.getTypeChecker();
    const callee = skipChainExpression(call.callee);
    const nameNode = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
    const symbol = getResolvedSymbolAtLocation(checker, services.esTreeNodeToTSNodeMap.get(nameNode));
    const declarations = symbol?.declarations ?? [];
    if (declarations.some((declaration) => isInModule(declaration, TIMER_PROMISE_MODULES))) return 'delay';
    const typed = [callee, ...(callee.type === AST_NODE_TYPES.MemberExpression ? [callee.object] : [])];
    return typed.some((node) => isLimiterType(services.getTypeAtLocation(node))) ? 'rate-limit' : undefined;
  });
}

/**
 * A loop that retries by name: its counter, its element or the array it
 * walks is called `attempt`, `retries`, `tries` (`for (let attempt = 0; …)`,
 * `for (const delay of retryDelays)`). Retries that exit on success are
 * caught by the loop's exits already; this catches the ones that swallow
 * the error and go round again.
 */
export function isRetryLoop(loop: TSESTree.ForOfStatement | TSESTree.ForStatement): boolean {
  const heads = loop.type === AST_NODE_TYPES.ForOfStatement ? [loop.left, loop.right] : [loop.init, loop.test];
  return heads.some(
    (head) =>
      head !== null &&
      someESTreeDescendant(head, (node) =>
        node.type === AST_NODE_TYPES.Identifier && splitWords(node.name).some((word) => RETRY_WORDS.has(word) || DELAY_WORDS.has(word))
          ? 'found'
          : 'descend',
      ),
  );
}

/**
 * The array a `for…of` walks, when it is one (an array or tuple type, every
 * member of a union): a generator, an async iterable, a stream, a `Map` or a
 * `Set` hands out its items in an order of its own, and has no `map`.
 */
export function isArrayTyped(services: ParserServicesWithTypeInformation, node: TSESTree.Expression): boolean {
  return askChecker(false, () => {
    const checker = services.program.getTypeChecker();
    const type = services.getTypeAtLocation(node);
    const members = tsutils.unionConstituents(type);
    return members.length > 0 && members.every((member) => checker.isArrayType(member) || checker.isTupleType(member));
  });
}

/** The identifiers a callee is made of, outermost first: `this.rateLimiter.schedule` gives `rateLimiter`, `schedule`. */
function getCalleeNames(callee: TSESTree.Node): string[] {
  const names: string[] = [];
  let current: TSESTree.Node = callee;
  for (;;) {
    if (current.type === AST_NODE_TYPES.ChainExpression) current = current.expression;
    else if (current.type === AST_NODE_TYPES.Identifier) {
      names.unshift(current.name);
      return names;
    } else if (current.type === AST_NODE_TYPES.MemberExpression) {
      if (!current.computed && current.property.type === AST_NODE_TYPES.Identifier) names.unshift(current.property.name);
      current = current.object;
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      // `limit(() => …)` is named by `limit`; `getLimiter().run(…)` by both.
      current = current.callee;
    } else return names;
  }
}

/** `rateLimiter` → rate, limiter; `RATE_LIMIT` → rate, limit; `PQueue` → p, queue; `sleep2` → sleep. */
export function splitWords(name: string): string[] {
  return (name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+/gu) ?? []).map((word) => word.toLowerCase());
}

/** `new Promise((resolve) => setTimeout(resolve, ms))`, with any delay. */
function isTimerPromise(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.NewExpression): boolean {
  if (!isGlobalPromise(sourceCode, node.callee)) return false;
  const [executor] = node.arguments;
  if (executor === undefined) return false;
  return someESTreeDescendant(executor, (child) =>
    child.type === AST_NODE_TYPES.Identifier && (child.name === 'setTimeout' || child.name === 'setInterval') ? 'found' : 'descend',
  );
}

/** `items.reduce(async (previous, item) => { await previous; … }, Promise.resolve())`. */
function isReduceAccumulator(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs[0];
  if (definition?.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
  const fn = definition.node;
  if (!isFunctionNode(fn) || fn.params[0] !== definition.name) return false;
  const call = fn.parent;
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.arguments[0] === fn &&
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    !call.callee.computed &&
    call.callee.property.type === AST_NODE_TYPES.Identifier &&
    (call.callee.property.name === 'reduce' || call.callee.property.name === 'reduceRight')
  );
}

function isInModule(declaration: ts.Node, modules: ReadonlySet<string>): boolean {
  const name = getAmbientModuleName(declaration);
  return name !== undefined && modules.has(name);
}

/** A type named for limiting (`Limiter`, `PQueue`, `LimitFunction`, `Mutex`) or declared by a limiter package. */
function isLimiterType(type: ts.Type): boolean {
  return tsutils.unionConstituents(type).some((member) => {
    const symbol = member.aliasSymbol ?? member.getSymbol();
    if (symbol === undefined) return false;
    const name = symbol.getName();
    if (!name.startsWith('__') && splitWords(name).some((word) => LIMITER_WORDS.has(word))) return true;
    return (symbol.declarations ?? []).some((declaration) => {
      const packageName = getPackageName(declaration.getSourceFile().fileName) ?? getAmbientModuleName(declaration);
      return packageName !== undefined && LIMITER_PACKAGES.has(packageName);
    });
  });
}

/** `/…/node_modules/p-limit/index.d.ts` → `p-limit`; `/…/node_modules/@scope/name/…` → `@scope/name`. */
function getPackageName(fileName: string): string | undefined {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/u.exec(fileName);
  return match?.[1]?.replace('\\', '/');
}
