import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { classifyCallback, type CallbackTimingOptions, type ContinuationReason } from './callback-timing.js';
import { askChecker } from './checker-guard.js';
import { getAmbientModuleName } from './declaration-origin.js';
import { getResolvedSymbolAtLocation } from './symbols.js';
import { getCallbackNesting, type CallbackNode } from '../syntax/callback-nesting.js';
import { getCalleeNameNode } from '../syntax/callee-name.js';

/**
 * A callback that is one step of a pyramid: it runs later, after the work its
 * call started, so code nested in it waits for that work.
 */
export interface ContinuationStep {
  readonly callback: CallbackNode;
  readonly reason: ContinuationReason;
  readonly call: TSESTree.CallExpression | TSESTree.NewExpression;
}

/** Counts continuation nesting for one file, asking the checker at most once per callback. */
export interface ContinuationNesting {
  /** The callback as a step of a pyramid, or `undefined` when it runs in place, its timing is unknown, or it only handles errors. */
  getStep(callback: CallbackNode): ContinuationStep | undefined;
  /**
   * The continuation steps that hold `callback`, outermost first, ending with
   * `callback`'s own; `undefined` when `callback` is no step. Asks no type at
   * all when the callbacks as written nest less than `minimumDepth` deep
   * (`callback` included), since the steps cannot nest deeper; then asks
   * `callback` first, and the callbacks around it only if it is a step.
   */
  getStepsTo(callback: CallbackNode, minimumDepth: number): ContinuationStep[] | undefined;
}

/**
 * The continuation nesting of callbacks, by syntax first (function arguments
 * nested in function arguments) and by the callback-timing classifier only
 * where that nesting is deep enough to matter. Synchronous callbacks (array
 * methods, promise executors, test blocks, `ignore`d names) and callbacks of
 * unknown timing are not steps, and do not end the count either.
 */
export function createContinuationNesting(
  services: ParserServicesWithTypeInformation,
  options: CallbackTimingOptions = {},
): ContinuationNesting {
  const steps = new Map<CallbackNode, ContinuationStep | undefined>();
  const getStep = (callback: CallbackNode): ContinuationStep | undefined => {
    if (steps.has(callback)) return steps.get(callback);
    const step = askChecker(undefined, () => classifyStep(services, callback, options));
    steps.set(callback, step);
    return step;
  };
  return {
    getStep,
    getStepsTo(callback, minimumDepth) {
      const written = getCallbackNesting(callback);
      if (written.length < minimumDepth) return undefined;
      const own = getStep(callback);
      if (own === undefined) return undefined;
      const found: ContinuationStep[] = [];
      for (const outer of written.slice(0, -1)) {
        const step = getStep(outer);
        if (step !== undefined) found.push(step);
      }
      found.push(own);
      return found;
    },
  };
}

function classifyStep(
  services: ParserServicesWithTypeInformation,
  callback: CallbackNode,
  options: CallbackTimingOptions,
): ContinuationStep | undefined {
  const timing = classifyCallback(services, callback, options);
  if (timing.timing !== 'continuation') return undefined;
  if (timing.reason === 'event-listener' && isErrorEventRegistration(timing.call)) return undefined;
  return { callback, reason: timing.reason, call: timing.call };
}

/**
 * `stream.on('error', (error) => …)`: the listener handles a failure of the
 * work around it; it is no further step that waits for a result.
 */
function isErrorEventRegistration(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const [event] = call.arguments;
  if (event?.type === AST_NODE_TYPES.Literal) return event.value === 'error';
  return event?.type === AST_NODE_TYPES.TemplateLiteral && event.expressions.length === 0 && event.quasis[0]?.value.cooked === 'error';
}

/**
 * Whether the expression's type is the standard library's `Promise` (every
 * member of a union, none `null` or `undefined`): its `then` is the one
 * `await` stands for. A custom thenable's `then` may call its handlers when
 * and as it likes, and may return something that is no promise.
 */
export function isNativePromise(services: ParserServicesWithTypeInformation, expression: TSESTree.Expression): boolean {
  return askChecker(false, () => {
    const type = services.getTypeAtLocation(expression);
    const members = tsutils.unionConstituents(type);
    return members.length > 0 && members.every((member) => isLibraryPromiseType(services.program, member));
  });
}

function isLibraryPromiseType(program: ts.Program, type: ts.Type): boolean {
  const target = tsutils.isTypeReference(type) ? type.target : type;
  const symbol = target.getSymbol();
  const declarations = symbol?.name === 'Promise' ? (symbol.declarations ?? []) : [];
  // The interface merges with `declare var Promise: PromiseConstructor`: every declaration in the library, one an interface.
  return (
    declarations.some((declaration) => ts.isInterfaceDeclaration(declaration)) &&
    declarations.every((declaration) => program.isSourceFileDefaultLibrary(declaration.getSourceFile()))
  );
}

/**
 * `node:fs` callback functions whose `node:fs/promises` namesake takes the
 * same arguments (without the callback) and resolves to what the callback's
 * second parameter receives.
 */
const FS_PROMISE_TWINS = new Set([
  'access',
  'appendFile',
  'chmod',
  'copyFile',
  'lstat',
  'mkdir',
  'mkdtemp',
  'readFile',
  'readdir',
  'readlink',
  'realpath',
  'rename',
  'rm',
  'rmdir',
  'stat',
  'unlink',
  'writeFile',
]);

/**
 * The name of the `node:fs/promises` function that stands for a `node:fs`
 * callback function (`readFile` for `fs.readFile(…, callback)`, under any
 * import name), by the declaration the callee resolves to; `undefined` for
 * anything else, a function of the program named `readFile` included.
 */
export function getFsPromiseTwin(services: ParserServicesWithTypeInformation, callee: TSESTree.Expression): string | undefined {
  const name = getCalleeNameNode(callee);
  if (name === undefined) return undefined;
  return askChecker(undefined, () => {
    const symbol = getResolvedSymbolAtLocation(services.program.getTypeChecker(), services.esTreeNodeToTSNodeMap.get(name));
    const declarations = symbol?.declarations ?? [];
    const isFsFunction = declarations.some((declaration) => {
      const module = getAmbientModuleName(declaration);
      return ts.isFunctionDeclaration(declaration) && declaration.getSourceFile().isDeclarationFile && (module === 'fs' || module === 'node:fs');
    });
    return isFsFunction && symbol !== undefined && FS_PROMISE_TWINS.has(symbol.name) ? symbol.name : undefined;
  });
}
