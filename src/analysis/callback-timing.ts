import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';
import { getAmbientModuleName, isDeclaredInLibrary } from './declaration-origin.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import type { FunctionNode } from '../syntax/function-node.js';
import { getResolvedSymbolAtLocation } from './symbols.js';
import { classifyExpressionThenability } from './thenable.js';
import { getCalleeNameNode } from '../syntax/callee-name.js';

/**
 * When a function handed to a call runs, read from the callee's type and
 * declaration rather than from names alone:
 * - `continuation`: later, after some work finishes or an event happens;
 * - `synchronous`: before the call returns (or not at all);
 * - `unknown`: the types do not say (an untyped callee, `any`).
 *
 * `reason` names the row of the decision table that decided, so that a rule
 * can be stricter than the class (a rule about blocking the event loop cares
 * about promise handlers and event listeners, not every continuation).
 */
export type CallbackTiming = 'continuation' | 'synchronous' | 'unknown';

export type ContinuationReason =
  /**
   * The types cannot tell (an untyped callee, or one that types the callback's
   * first parameter `any`/`unknown`), the callback's first parameter is not
   * typed as anything else, and its name is one of the `errorNames` option:
   * `untyped.query(sql, (err, rows) => …)`. Never without that option.
   */
  | 'error-first-by-name'
  /** `.on('data', …)`, `addEventListener('click', …)` on an `EventEmitter`/`EventTarget` by type. */
  | 'event-listener'
  /**
   * The callee's parameter type gives the callback's first parameter an
   * `Error` type, and the callee ignores what the callback returns:
   * `(err, data) => …`, `(err: Error | null) => …`; not a lone parameter
   * that always holds an error (`onError((error: Error) => …)`, a handler). On an untyped callee, the callback's own annotation
   * (`(err: Error | null, rows) => …`) decides. Never an `'error'` event
   * listener: there the event is the error.
   */
  | 'node-style-callback'
  /** `.then`, `.catch`, `.finally` on a thenable. */
  | 'promise-handler'
  /** `setTimeout`, `setInterval`, `setImmediate`, `queueMicrotask`, `process.nextTick`, `requestAnimationFrame` (global or `node:timers`). */
  | 'timer'
  /** A callee that returns `void` takes a function returning `void`: nothing waits for the callback. */
  | 'void-callback';

export type SynchronousReason =
  /** `map`, `forEach`, `reduce`, `sort`… of arrays, typed arrays, maps, sets, iterators, strings (`replace`), `Array.from`. */
  | 'array-method'
  /** A name in the caller's `ignore` list. */
  | 'ignored'
  /** `(() => …)()`. */
  | 'immediately-invoked'
  /** `new Promise((resolve, reject) => …)`. */
  | 'promise-executor'
  /** The callee's parameter type says it uses what the callback returns (`(item: T) => U`). */
  | 'return-value-used'
  /** `describe`, `it`, `test`, `suite`, `beforeEach`… (and `.only`, `.skip`, `.each(…)`). */
  | 'test-block';

export type UnknownReason =
  /** Not an argument of a call or `new`. */
  | 'not-an-argument'
  /** Nothing in the types decides. */
  | 'undetermined'
  /** The callee, or the parameter the function is passed to, is `any`/`unknown` or has no type. */
  | 'untyped-callee';

export type CallbackClassification =
  | {
      readonly timing: 'continuation';
      readonly reason: ContinuationReason;
      readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
    }
  | {
      readonly timing: 'synchronous';
      readonly reason: SynchronousReason;
      readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
    }
  | { readonly timing: 'unknown'; readonly reason: UnknownReason };

export interface CallbackTimingOptions {
  /** Callee names (the function, or the method's property name) whose callbacks count as synchronous. */
  readonly ignore?: readonly string[];
  /**
   * Names of a first parameter that make a callback Node-style where the
   * types cannot tell (`err`, `error`); a first parameter typed as a domain
   * value is never one. None unless given.
   */
  readonly errorNames?: readonly string[];
}

const EVENT_REGISTRATION_METHODS = new Set([
  'addEventListener',
  'addListener',
  'on',
  'once',
  'prependListener',
  'prependOnceListener',
]);
const PROMISE_HANDLER_METHODS = new Set(['catch', 'finally', 'then']);
const TIMER_FUNCTIONS = new Set([
  'queueMicrotask',
  'requestAnimationFrame',
  'requestIdleCallback',
  'setImmediate',
  'setInterval',
  'setTimeout',
]);
const TEST_BLOCK_NAMES = new Set([
  'after',
  'afterAll',
  'afterEach',
  'before',
  'beforeAll',
  'beforeEach',
  'bench',
  'context',
  'describe',
  'it',
  'specify',
  'suite',
  'test',
]);
/**
 * Types whose methods call their callbacks before they return: of the
 * standard library, and the same collections as `@types/node` and
 * `undici-types` declare them for a program without the DOM library
 * (`URLSearchParams` of `node:url`, fetch's `Headers` and `FormData`).
 */
const SYNCHRONOUS_CALLBACK_OWNERS = new Set([
  'Array',
  'ArrayConstructor',
  'DOMTokenList',
  'FormData',
  'Headers',
  'Iterator',
  'IteratorObject',
  'Map',
  'MapConstructor',
  'NodeList',
  'NodeListOf',
  'ObjectConstructor',
  'ReadonlyArray',
  'ReadonlyMap',
  'ReadonlySet',
  'Set',
  'String',
  'URLSearchParams',
]);
const TYPED_ARRAY = /^(?:Big)?(?:Int|Uint|Float)(?:8|16|32|64)(?:Clamped)?Array(?:Constructor)?$/u;

/**
 * Classifies a function (or a reference to one) passed as an argument, by the
 * call it is passed to. The checks run in the order of the decision table:
 * syntax first, then the callee's declaration, then the parameter's type.
 */
export function classifyCallback(
  services: ParserServicesWithTypeInformation,
  callback: TSESTree.Node,
  options: CallbackTimingOptions = {},
): CallbackClassification {
  // Every callback rule asks of the same functions in one lint run: ask the checker once per node and options.
  const byNode = getClassificationCache(services.program.getTypeChecker());
  const key = JSON.stringify([options.ignore ?? [], options.errorNames ?? []]);
  let byOptions = byNode.get(callback);
  if (byOptions === undefined) {
    byOptions = new Map();
    byNode.set(callback, byOptions);
  }
  let classification = byOptions.get(key);
  if (classification === undefined) {
    classification = askChecker<CallbackClassification>({ timing: 'unknown', reason: 'undetermined' }, () =>
      classifyCallbackUncached(services, callback, options),
    );
    byOptions.set(key, classification);
  }
  return classification;
}

const getClassificationCache = cachePerChecker(() => new WeakMap<TSESTree.Node, Map<string, CallbackClassification>>());

function classifyCallbackUncached(
  services: ParserServicesWithTypeInformation,
  callback: TSESTree.Node,
  options: CallbackTimingOptions,
): CallbackClassification {
  const call = callback.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression && call?.type !== AST_NODE_TYPES.NewExpression) {
    return { timing: 'unknown', reason: 'not-an-argument' };
  }
  if (call.type === AST_NODE_TYPES.CallExpression && call.callee === callback) {
    return { timing: 'synchronous', reason: 'immediately-invoked', call };
  }
  if (!call.arguments.includes(callback as TSESTree.CallExpressionArgument)) {
    return { timing: 'unknown', reason: 'not-an-argument' };
  }
  const continuation = (reason: ContinuationReason): CallbackClassification => ({ timing: 'continuation', reason, call });
  const synchronous = (reason: SynchronousReason): CallbackClassification => ({ timing: 'synchronous', reason, call });

  const checker = services.program.getTypeChecker();
  const callee = skipChainExpression(call.callee);
  const [firstArgument] = call.arguments;
  const calleeName = getCalleeName(callee);
  if (call.type === AST_NODE_TYPES.NewExpression) {
    return isGlobalPromiseConstructor(services, callee) ? synchronous('promise-executor') : classifyByType();
  }

  if (calleeName !== undefined && options.ignore?.includes(calleeName) === true) return synchronous('ignored');
  if (callee.type === AST_NODE_TYPES.MemberExpression && calleeName !== undefined) {
    if (PROMISE_HANDLER_METHODS.has(calleeName) && classifyExpressionThenability(services, callee.object) === 'thenable') {
      return continuation('promise-handler');
    }
    if (EVENT_REGISTRATION_METHODS.has(calleeName) && isEventSource(checker, services.getTypeAtLocation(callee.object))) {
      return continuation('event-listener');
    }
  }
  if (isTestBlock(services, call.callee)) return synchronous('test-block');
  if (isTimerCall(services, callee)) return continuation('timer');
  if (callee.type === AST_NODE_TYPES.MemberExpression && isSynchronousLibraryMethod(services, callee)) {
    return synchronous('array-method');
  }
  return classifyByType();

  function classifyByType(): CallbackClassification {
    // `emitter.on('error', (err) => …)` on something that is no event source by type: the event is the error.
    const errorListener = calleeName !== undefined && EVENT_REGISTRATION_METHODS.has(calleeName) && isErrorEventName(firstArgument);
    const expected = checker.getContextualType(services.esTreeNodeToTSNodeMap.get(callback) as ts.Expression);
    const signatures =
      expected === undefined || isAnyOrUnknown(expected)
        ? []
        : tsutils.unionConstituents(expected).flatMap((member) => checker.getApparentType(member).getCallSignatures());
    if (signatures.length === 0) {
      if (errorListener) return { timing: 'unknown', reason: 'untyped-callee' };
      const own = getOwnFirstParameterType(services, callback);
      if (own !== undefined && isErrorType(services.program, own)) return continuation('node-style-callback');
      return isErrorFirstByName(services, callback, options.errorNames)
        ? continuation('error-first-by-name')
        : { timing: 'unknown', reason: 'untyped-callee' };
    }
    const returnTypes = signatures.map((signature) => signature.getReturnType());
    // A callee that uses what the callback returns (`retry((error: Error) => boolean)`) calls it to decide, not to hand over a result.
    const returnIgnored = returnTypes.every((type) => isVoidLike(type) || isAnyOrUnknown(type));
    if (!errorListener && returnIgnored && !isItemOfTypeArgument(services, call as TSESTree.CallExpression | TSESTree.NewExpression, callback)) {
      if (signatures.some((signature) => hasErrorFirstParameter(services.program, signature))) return continuation('node-style-callback');
      if (
        signatures.every((signature) => hasUntypedFirstParameter(checker, signature)) &&
        isErrorFirstByName(services, callback, options.errorNames)
      ) {
        return continuation('error-first-by-name');
      }
    }
    if (returnTypes.every(isVoidLike)) {
      const callType = services.getTypeAtLocation(call as TSESTree.Node);
      return isVoidLike(callType) ? continuation('void-callback') : { timing: 'unknown', reason: 'undetermined' };
    }
    if (returnTypes.some(isAnyOrUnknown)) return { timing: 'unknown', reason: 'undetermined' };
    return synchronous('return-value-used');
  }
}

/** A context a function body runs in where the event loop is expected to stay free. */
export type AsyncRunContextKind =
  /** The function is `async` (or an async generator). */
  | 'async-function'
  /** An `EventEmitter`/`EventTarget` listener (`'process'` lifecycle listeners excluded). */
  | 'event-listener'
  /** A `.then`/`.catch`/`.finally` handler. */
  | 'promise-handler'
  /** A function that takes an HTTP request and its response (`node:http`, express). */
  | 'request-handler';

export interface AsyncRunContext {
  readonly kind: AsyncRunContextKind;
  /** The function whose body is that context. */
  readonly function: FunctionNode;
  /**
   * The functions between the node and `function`, innermost first, that run
   * synchronously inside it (`items.map((item) => …)`, a promise executor):
   * empty when `node` sits directly in `function`'s body.
   */
  readonly through: readonly FunctionNode[];
}

/**
 * Whether `node` runs in an asynchronous context: directly in the body of an
 * async function, a promise handler, an event listener or a request handler,
 * or in a callback that runs synchronously inside one (an array method's, a
 * promise executor, an immediately invoked function). Code at the top level,
 * in a plain function, in a class field or static block, or in a callback
 * whose timing the types do not tell gives `undefined`: only the enclosing
 * functions count, not who calls them.
 */
export function findAsyncRunContext(
  services: ParserServicesWithTypeInformation,
  node: TSESTree.Node,
): AsyncRunContext | undefined {
  const through: FunctionNode[] = [];
  for (let fn = getRunningFunction(node); fn !== undefined; fn = getRunningFunction(fn)) {
    if (fn.async) return { kind: 'async-function', function: fn, through };
    const timing = classifyCallback(services, fn);
    const kind = getCallbackContextKind(services, timing) ?? (isRequestHandler(services, fn) ? 'request-handler' : undefined);
    if (kind !== undefined) return { kind, function: fn, through };
    const runsInPlace =
      timing.timing === 'synchronous' &&
      (timing.reason === 'array-method' || timing.reason === 'immediately-invoked' || timing.reason === 'promise-executor');
    if (!runsInPlace) return undefined;
    through.push(fn);
  }
  return undefined;
}

function getCallbackContextKind(
  services: ParserServicesWithTypeInformation,
  timing: CallbackClassification,
): AsyncRunContextKind | undefined {
  if (timing.timing !== 'continuation') return undefined;
  if (timing.reason === 'promise-handler') return 'promise-handler';
  if (timing.reason === 'event-listener' && !isProcessLifecycleListener(services, timing.call)) return 'event-listener';
  return undefined;
}

/**
 * Whether `node` is inside a test-framework block (`it('…', async () => …)`,
 * `beforeEach`, `describe`), at any depth: the code a test runs, not the code
 * it tests.
 */
export function isInsideTestBlock(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  for (let current = node.parent; current !== undefined && current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    const call = current.parent;
    if (
      (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression) &&
      call.type === AST_NODE_TYPES.CallExpression &&
      call.arguments.includes(current) &&
      isTestBlock(services, call.callee)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * The function whose body holds `node`. `undefined` at the top level, and in
 * a class field initializer or static block, which run when the class or
 * instance is made, not in the function around the class.
 */
function getRunningFunction(node: TSESTree.Node): FunctionNode | undefined {
  // ESLint gives the Program a `null` parent: stop there, not at `undefined`.
  for (let current = node.parent; current !== undefined && current.type !== AST_NODE_TYPES.Program; current = current.parent) {
    switch (current.type) {
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.FunctionExpression:
        return current;
      case AST_NODE_TYPES.PropertyDefinition:
      case AST_NODE_TYPES.AccessorProperty:
      case AST_NODE_TYPES.StaticBlock:
        return undefined;
      default:
        break;
    }
  }
  return undefined;
}

/**
 * `process.on('exit', …)`, `process.once('SIGINT', …)`: the process is
 * shutting down or being signalled, and an `'exit'` listener must be
 * synchronous (Node runs no further tasks). Not a place where async I/O is
 * expected.
 */
function isProcessLifecycleListener(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
): boolean {
  const callee = skipChainExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const checker = services.program.getTypeChecker();
  return someSelfOrBaseType(checker, services.getTypeAtLocation(callee.object), (symbol) =>
    symbol.name === 'Process' && isDeclaredInLibrary(services.program, symbol),
  );
}

/**
 * A function that takes an HTTP request and then its response, whoever
 * calls it: `createServer((req, res) => …)`, an express handler or
 * middleware (`(req, res, next)`, and `(err, req, res, next)`), a named
 * handler passed to a router. Decided by the parameters' types: a request
 * is a `node:http` `IncomingMessage` or `node:http2` `Http2ServerRequest`
 * (express's `Request` extends it), a response a `ServerResponse` or
 * `Http2ServerResponse`.
 */
export function isRequestHandler(services: ParserServicesWithTypeInformation, fn: FunctionNode): boolean {
  const checker = services.program.getTypeChecker();
  const parameterTypes = fn.params.slice(0, 3).map((parameter) => {
    // `(request, response)`, `({ url }, response)`, `(request = fallback, response)`; not `...rest`.
    const binding = parameter.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
    return binding.type === AST_NODE_TYPES.RestElement || binding.type === AST_NODE_TYPES.TSParameterProperty
      ? undefined
      : services.getTypeAtLocation(binding);
  });
  const isHttpType = (type: ts.Type | undefined, names: ReadonlySet<string>): boolean =>
    type !== undefined &&
    !isAnyOrUnknown(type) &&
    someSelfOrBaseType(checker, type, (symbol) => names.has(symbol.name) && isDeclaredInModule(symbol, HTTP_MODULES));
  for (let index = 0; index + 1 < parameterTypes.length && index < 2; index++) {
    if (isHttpType(parameterTypes[index], REQUEST_TYPES) && isHttpType(parameterTypes[index + 1], RESPONSE_TYPES)) return true;
  }
  return false;
}

const HTTP_MODULES = new Set(['http', 'http2', 'node:http', 'node:http2']);
const REQUEST_TYPES = new Set(['Http2ServerRequest', 'IncomingMessage']);
const RESPONSE_TYPES = new Set(['Http2ServerResponse', 'ServerResponse']);

/**
 * An `EventEmitter` or `EventTarget`, or a type built on one (`http.Server`,
 * a stream, a DOM element, `WebSocket`): a class or interface of that name
 * among the type's own or base types.
 */
export function isEventSource(checker: ts.TypeChecker, type: ts.Type): boolean {
  return someSelfOrBaseType(checker, type, (symbol) => symbol.name === 'EventEmitter' || symbol.name === 'EventTarget');
}

/**
 * An `Error`, or a type built on it (`NodeJS.ErrnoException`, a subclass),
 * optionally with `null`/`undefined`: what a Node-style callback's first
 * parameter receives.
 */
export function isErrorType(program: ts.Program, type: ts.Type): boolean {
  const checker = program.getTypeChecker();
  const members = tsutils
    .unionConstituents(type)
    .filter((member) => !tsutils.isTypeFlagSet(member, ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void));
  return (
    members.length > 0 &&
    members.every((member) =>
      someSelfOrBaseType(
        checker,
        member,
        (symbol) =>
          symbol.name === 'Error' &&
          (symbol.declarations ?? []).some((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile())),
      ),
    )
  );
}

/** Parameter names of a function's own callback, where its type cannot tell (`callback: any`). */
const CALLBACK_PARAMETER_NAMES = new Set(['callback', 'cb', 'done', 'next']);

/**
 * Whether a function's parameter is its own Node-style callback, one that
 * takes an error first: `done: (error: Error | null) => void`, express's
 * `next: NextFunction` (`(err?: any) => void`, so by its name), an untyped
 * `callback`. Where an error the function met should go.
 */
export function isErrorFirstCallbackParameter(services: ParserServicesWithTypeInformation, parameter: TSESTree.Identifier): boolean {
  return askChecker(false, () => {
    const checker = services.program.getTypeChecker();
    const type = services.getTypeAtLocation(parameter);
    if (isAnyOrUnknown(type)) return CALLBACK_PARAMETER_NAMES.has(parameter.name);
    const signatures = tsutils.unionConstituents(checker.getNonNullableType(type)).flatMap((member) => member.getCallSignatures());
    // `some`: express's `NextFunction` also has `(deferToNext: 'router')` overloads.
    return signatures.some((signature) => {
      const [first] = signature.getParameters();
      if (first === undefined) return false;
      const firstType = checker.getTypeOfSymbol(first);
      return isErrorType(services.program, firstType) || (isAnyOrUnknown(firstType) && CALLBACK_PARAMETER_NAMES.has(parameter.name));
    });
  });
}

function hasErrorFirstParameter(program: ts.Program, signature: ts.Signature): boolean {
  const parameters = signature.getParameters();
  const [first] = parameters;
  if (first === undefined) return false;
  const type = program.getTypeChecker().getTypeOfSymbol(first);
  if (!isErrorType(program, type)) return false;
  return !(parameters.length === 1 && isAlwaysSet(program, type));
}

/**
 * `(error: Error) => void` as the only parameter, with strict null checks:
 * the callee calls it only when something failed, an error handler
 * (commander's `exitOverride`, an `onError` hook) like an `'error'` listener,
 * not the completion callback of a Node-style call, which gets `null` (or
 * nothing) on success. Without strict null checks `Error | null` reads as
 * `Error`, so nothing can be told.
 */
function isAlwaysSet(program: ts.Program, type: ts.Type): boolean {
  const options = program.getCompilerOptions();
  if (!(options.strictNullChecks ?? options.strict ?? false)) return false;
  return !tsutils
    .unionConstituents(type)
    .some((member) => tsutils.isTypeFlagSet(member, ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void));
}

/**
 * `each(failures, (failure, index) => …)`: the callee declares the callback's
 * first parameter as a bare type parameter (its own, or its class's) that
 * nothing constrains to an error. Whatever the caller's data makes of it
 * (`Error` items, `any`), the API hands over items, not a failure of its own;
 * `(err: E | null) => …` with `E extends Error` still declares an error.
 */
function isItemOfTypeArgument(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression | TSESTree.NewExpression,
  callback: TSESTree.Node,
): boolean {
  const checker = services.program.getTypeChecker();
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  const declaration = checker.getResolvedSignature(tsCall)?.getDeclaration();
  if (declaration === undefined || !ts.isFunctionLike(declaration)) return false;
  const parameter = declaration.parameters[call.arguments.indexOf(callback as TSESTree.CallExpressionArgument)];
  if (parameter?.type === undefined || parameter.dotDotDotToken !== undefined) return false;
  const signatures = tsutils
    .unionConstituents(checker.getTypeFromTypeNode(parameter.type))
    .flatMap((member) => member.getCallSignatures());
  return (
    signatures.length > 0 &&
    signatures.every((signature) => {
      const [first] = signature.getParameters();
      if (first === undefined) return false;
      const members = tsutils
        .unionConstituents(checker.getTypeOfSymbol(first))
        .filter((member) => !tsutils.isTypeFlagSet(member, ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void));
      return (
        members.length > 0 &&
        members.every((member) => {
          if (!tsutils.isTypeParameter(member)) return false;
          const constraint = checker.getBaseConstraintOfType(member);
          return constraint === undefined || !isErrorType(services.program, constraint);
        })
      );
    })
  );
}

/** `(err: any, user?: User) => void`, `(...args: any[]) => void`: the callee gives the first parameter no type. */
function hasUntypedFirstParameter(checker: ts.TypeChecker, signature: ts.Signature): boolean {
  const [first] = signature.getParameters();
  if (first === undefined) return false;
  const type = checker.getTypeOfSymbol(first);
  if (isAnyOrUnknown(type)) return true;
  // A rest parameter `...args: any[]`: its elements.
  const declaration = first.valueDeclaration;
  if (declaration !== undefined && ts.isParameter(declaration) && declaration.dotDotDotToken !== undefined && checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type as ts.TypeReference);
    return element !== undefined && isAnyOrUnknown(element);
  }
  return false;
}

/** The first parameter of a function written in the call, its annotation's type or (unannotated) `undefined`. */
function getOwnFirstParameterType(services: ParserServicesWithTypeInformation, callback: TSESTree.Node): ts.Type | undefined {
  const first = getFirstParameterBinding(callback);
  if (first?.typeAnnotation === undefined) return undefined;
  return services.getTypeAtLocation(first);
}

/**
 * A function written in the call whose first parameter is a plain name of
 * `errorNames` and is not annotated with a type other than `any`/`unknown`:
 * the last resort where the types cannot tell.
 */
function isErrorFirstByName(
  services: ParserServicesWithTypeInformation,
  callback: TSESTree.Node,
  errorNames: readonly string[] | undefined,
): boolean {
  if (errorNames === undefined || errorNames.length === 0) return false;
  const first = getFirstParameterBinding(callback);
  if (first === undefined || !errorNames.includes(first.name)) return false;
  return first.typeAnnotation === undefined || isAnyOrUnknown(services.getTypeAtLocation(first));
}

/** `err` in `(err, data) => …` and `function (err = null) {…}`; not a pattern or a rest parameter. */
function getFirstParameterBinding(callback: TSESTree.Node): TSESTree.Identifier | undefined {
  if (callback.type !== AST_NODE_TYPES.ArrowFunctionExpression && callback.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  // `function (this: Statement, err, rows)`: `this` is no parameter of the call.
  const [parameter] = callback.params.filter((param) => param.type !== AST_NODE_TYPES.Identifier || param.name !== 'this');
  const binding = parameter?.type === AST_NODE_TYPES.AssignmentPattern ? parameter.left : parameter;
  return binding?.type === AST_NODE_TYPES.Identifier ? binding : undefined;
}

/** `'error'` (or `` `error` ``) as an event name. */
function isErrorEventName(node: TSESTree.Node | undefined): boolean {
  if (node?.type === AST_NODE_TYPES.Literal) return node.value === 'error';
  return (
    node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis[0]?.value.cooked === 'error'
  );
}

/**
 * Walks a type and its base classes and interfaces (type parameters by their
 * constraint, unions and intersections by their members) and asks
 * `predicate` of each one's symbol.
 */
function someSelfOrBaseType(checker: ts.TypeChecker, type: ts.Type, predicate: (symbol: ts.Symbol) => boolean): boolean {
  const seen = new Set<ts.Type>();
  const pending: ts.Type[] = [type];
  for (let current = pending.pop(); current !== undefined; current = pending.pop()) {
    if (seen.has(current) || seen.size > 64) continue;
    seen.add(current);
    if (current.isUnionOrIntersection()) {
      pending.push(...current.types);
      continue;
    }
    if (tsutils.isTypeParameter(current)) {
      const constraint = checker.getBaseConstraintOfType(current);
      if (constraint !== undefined && constraint !== current) pending.push(constraint);
      continue;
    }
    const target = tsutils.isTypeReference(current) ? current.target : current;
    const symbol = target.getSymbol();
    if (symbol !== undefined && predicate(symbol)) return true;
    if (tsutils.isObjectType(target) && tsutils.isObjectFlagSet(target, ts.ObjectFlags.ClassOrInterface)) {
      pending.push(...(checker.getBaseTypes(target as ts.InterfaceType) as ts.Type[]));
    }
  }
  return false;
}

function isDeclaredInModule(symbol: ts.Symbol, modules: ReadonlySet<string>): boolean {
  return (symbol.declarations ?? []).some((declaration) => {
    const module = getAmbientModuleName(declaration);
    return module !== undefined && modules.has(module);
  });
}

function isAnyOrUnknown(type: ts.Type): boolean {
  return tsutils.isIntrinsicAnyType(type) || tsutils.isIntrinsicUnknownType(type) || tsutils.isIntrinsicErrorType(type);
}

function isVoidLike(type: ts.Type): boolean {
  return tsutils
    .unionConstituents(type)
    .every((member) => tsutils.isTypeFlagSet(member, ts.TypeFlags.Void | ts.TypeFlags.Undefined));
}


/** The called function's name as written: `f` in `f()`, `on` in `emitter.on()`. */
function getCalleeName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Literal) {
    return typeof callee.property.value === 'string' ? callee.property.value : undefined;
  }
  return undefined;
}

function getSymbol(services: ParserServicesWithTypeInformation, node: TSESTree.Node): ts.Symbol | undefined {
  return getResolvedSymbolAtLocation(services.program.getTypeChecker(), services.esTreeNodeToTSNodeMap.get(node));
}

function isGlobalPromiseConstructor(services: ParserServicesWithTypeInformation, callee: TSESTree.Expression): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'Promise') return false;
  const symbol = getSymbol(services, callee);
  return symbol !== undefined && isDeclaredInLibrary(services.program, symbol);
}

/**
 * `describe(…)`, `it.only(…)`, `test.each(table)(…)`: the block runs while
 * the test file is collected or the test runs, never as a continuation. A
 * function of the program that happens to be called `test` is not one.
 */
function isTestBlock(services: ParserServicesWithTypeInformation, callee: TSESTree.Expression): boolean {
  let root: TSESTree.Node = callee;
  for (;;) {
    if (root.type === AST_NODE_TYPES.ChainExpression) root = root.expression;
    else if (root.type === AST_NODE_TYPES.MemberExpression) root = root.object;
    else if (root.type === AST_NODE_TYPES.CallExpression) root = root.callee;
    else if (root.type === AST_NODE_TYPES.TaggedTemplateExpression) root = root.tag;
    else break;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const symbol = getSymbol(services, root);
  // `import { test as nodeTest } from 'node:test'` is a test block by the name its module gives it.
  if (!TEST_BLOCK_NAMES.has(root.name) && (symbol === undefined || !TEST_BLOCK_NAMES.has(symbol.name))) return false;
  // An untyped global `it` (no `@types/jest`), or one imported from a module that is not installed, is
  // still a test block by its name; a function the program declares is not.
  return (symbol?.declarations ?? []).every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/**
 * `setTimeout(…)`, `window.setTimeout(…)`, `timers.setImmediate(…)`,
 * `process.nextTick(…)`, and `import { setTimeout as delay } from
 * 'node:timers'`: by the name the library declares, not the one written.
 */
function isTimerCall(services: ParserServicesWithTypeInformation, callee: TSESTree.Expression): boolean {
  const nameNode = getCalleeNameNode(callee);
  if (nameNode === undefined) return false;
  const symbol = getSymbol(services, nameNode);
  return (
    symbol !== undefined &&
    (TIMER_FUNCTIONS.has(symbol.name) || symbol.name === 'nextTick') &&
    isDeclaredInLibrary(services.program, symbol)
  );
}

/**
 * A method of an array, map, set, iterator or string of the standard library
 * (`items.map`, `Array.from`), or of such a collection class of a dependency's
 * declarations (`params.forEach` of `node:url`).
 */
function isSynchronousLibraryMethod(services: ParserServicesWithTypeInformation, callee: TSESTree.MemberExpression): boolean {
  const symbol = getSymbol(services, callee.property);
  const declarations = symbol?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const owner = declaration.parent;
      const sourceFile = declaration.getSourceFile();
      if (services.program.isSourceFileDefaultLibrary(sourceFile)) {
        return ts.isInterfaceDeclaration(owner) && (SYNCHRONOUS_CALLBACK_OWNERS.has(owner.name.text) || TYPED_ARRAY.test(owner.name.text));
      }
      return (
        sourceFile.isDeclarationFile &&
        services.program.isSourceFileFromExternalLibrary(sourceFile) &&
        (ts.isInterfaceDeclaration(owner) || ts.isClassDeclaration(owner)) &&
        owner.name !== undefined &&
        NODE_COLLECTION_OWNERS.has(owner.name.text)
      );
    })
  );
}

/** The collections `@types/node` and `undici-types` declare as classes of their own. */
const NODE_COLLECTION_OWNERS = new Set(['FormData', 'Headers', 'URLSearchParams']);
