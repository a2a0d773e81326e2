import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  classifyCallback,
  findAsyncRunContext,
  isErrorFirstCallbackParameter,
  isErrorType,
  isEventSource,
  isInsideTestBlock,
  type CallbackTimingOptions,
} from '../../src/analysis/callback-timing.js';
import { getFunctionLabel, runTypedProbe } from './typed-probe.js';

/** `timing/reason` of every labelled function (`() => { 'label'; … }`) of `code`. */
async function classifyLabelled(code: string, options?: CallbackTimingOptions): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  const visit = (services: Parameters<typeof classifyCallback>[0]) => (node: TSESTree.Node) => {
    const label = getFunctionLabel(node);
    if (label === undefined) return;
    const classification = classifyCallback(services, node, options);
    found[label] = `${classification.timing}/${classification.reason}`;
  };
  await runTypedProbe(code, (_context, services) => ({
    ArrowFunctionExpression: visit(services),
    FunctionExpression: visit(services),
  }));
  return found;
}

describe('classifyCallback: the decision table', () => {
  it('continuations: promise handlers, event listeners, timers, Node-style and void callbacks', async () => {
    expect(
      await classifyLabelled(`
        import { EventEmitter } from 'node:events';
        import { readFile } from 'node:fs';
        import { createServer } from 'node:http';
        import { setTimeout as delay } from 'node:timers';
        declare const pending: Promise<number>;
        declare const like: PromiseLike<number>;
        declare const button: HTMLButtonElement;
        declare function onReady(callback: () => void): void;
        declare function lookUp(name: string, done: (error: Error | null, address?: string) => void): void;
        class NotFound extends Error {}
        declare function find(id: string, done: (error: NotFound | undefined, row: string) => void): void;
        const emitter = new EventEmitter();
        const server = createServer();
        pending.then(() => { 'then'; });
        pending.catch(() => { 'catch'; });
        pending.finally(() => { 'finally'; });
        like.then(() => { 'PromiseLike then'; });
        emitter.on('data', () => { 'on'; });
        emitter.once('data', () => { 'once'; });
        emitter.addListener('data', () => { 'addListener'; });
        emitter.prependListener('data', () => { 'prependListener'; });
        server.on('request', () => { 'server.on'; });
        button.addEventListener('click', () => { 'addEventListener'; });
        setTimeout(() => { 'setTimeout'; }, 10);
        setInterval(() => { 'setInterval'; }, 10);
        setImmediate(() => { 'setImmediate'; });
        queueMicrotask(() => { 'queueMicrotask'; });
        process.nextTick(() => { 'nextTick'; });
        delay(() => { 'node:timers'; }, 10);
        readFile('a', (error, data) => { 'fs.readFile'; });
        lookUp('a', function (error) { 'Error | null'; });
        find('a', (error, row) => { 'Error subclass'; });
        onReady(() => { 'void callee, void callback'; });
      `),
    ).toEqual({
      then: 'continuation/promise-handler',
      catch: 'continuation/promise-handler',
      finally: 'continuation/promise-handler',
      'PromiseLike then': 'continuation/promise-handler',
      on: 'continuation/event-listener',
      once: 'continuation/event-listener',
      addListener: 'continuation/event-listener',
      prependListener: 'continuation/event-listener',
      'server.on': 'continuation/event-listener',
      addEventListener: 'continuation/event-listener',
      setTimeout: 'continuation/timer',
      setInterval: 'continuation/timer',
      setImmediate: 'continuation/timer',
      queueMicrotask: 'continuation/timer',
      nextTick: 'continuation/timer',
      'node:timers': 'continuation/timer',
      'fs.readFile': 'continuation/node-style-callback',
      'Error | null': 'continuation/node-style-callback',
      'Error subclass': 'continuation/node-style-callback',
      'void callee, void callback': 'continuation/void-callback',
    });
  });

  it('synchronous: array and iterator methods, executors, used return values, test blocks, ignored names', async () => {
    expect(
      await classifyLabelled(
        `
        import { describe, it, beforeEach } from 'vitest';
        declare const items: number[];
        declare const frozen: readonly number[];
        declare const bytes: Uint8Array;
        declare const byKey: Map<string, number>;
        declare const seen: Set<number>;
        declare function compute<T>(make: () => T): T;
        declare function withLock(work: () => void): void;
        declare const classes: DOMTokenList;
        declare const nodeParams: import('node:url').URLSearchParams;
        declare const fetchHeaders: import('undici-types').Headers;
        items.map(() => { 'map'; return 1; });
        items.forEach(() => { 'forEach'; });
        frozen.filter(() => { 'readonly filter'; return true; });
        items.sort(() => { 'sort'; return 0; });
        bytes.forEach(() => { 'typed array'; });
        byKey.forEach(() => { 'Map forEach'; });
        seen.forEach(() => { 'Set forEach'; });
        classes.forEach(() => { 'DOMTokenList forEach'; });
        nodeParams.forEach(() => { 'node:url URLSearchParams forEach'; });
        fetchHeaders.forEach(() => { 'undici Headers forEach'; });
        Array.from(items, () => { 'Array.from'; return 1; });
        'a-b'.replace(/-/gu, () => { 'String replace'; return ''; });
        new Promise<void>((resolve) => { 'executor'; resolve(); });
        (() => { 'immediately invoked'; })();
        compute(() => { 'return value used'; return 1; });
        withLock(() => { 'ignored by name'; });
        describe('suite', () => { 'describe'; });
        it('works', () => { 'it'; });
        it.each([1])('works %i', () => { 'it.each'; });
        beforeEach(() => { 'hook'; });
      `,
        { ignore: ['withLock'] },
      ),
    ).toEqual({
      map: 'synchronous/array-method',
      forEach: 'synchronous/array-method',
      'readonly filter': 'synchronous/array-method',
      sort: 'synchronous/array-method',
      'typed array': 'synchronous/array-method',
      'Map forEach': 'synchronous/array-method',
      'Set forEach': 'synchronous/array-method',
      'DOMTokenList forEach': 'synchronous/array-method',
      'node:url URLSearchParams forEach': 'synchronous/array-method',
      'undici Headers forEach': 'synchronous/array-method',
      'Array.from': 'synchronous/array-method',
      'String replace': 'synchronous/array-method',
      executor: 'synchronous/promise-executor',
      'immediately invoked': 'synchronous/immediately-invoked',
      'return value used': 'synchronous/return-value-used',
      'ignored by name': 'synchronous/ignored',
      describe: 'synchronous/test-block',
      it: 'synchronous/test-block',
      'it.each': 'synchronous/test-block',
      hook: 'synchronous/test-block',
    });
  });

  it('unknown: untyped callees, domain-typed first parameters, names alone', async () => {
    expect(
      await classifyLabelled(`
        declare const untyped: any;
        declare function validate(check: (err: string, value: number) => void): boolean;
        declare function register(make: () => unknown): void;
        class Stream { catch(handler: () => void): this { return this; } on(event: string, handler: () => void): this { return this; } }
        function test(body: () => void): number { return 1; }
        declare const stream: Stream;
        untyped.on('data', () => { 'any receiver'; });
        untyped(() => { 'any callee'; });
        validate((err, value) => { 'err typed as a domain string'; });
        register(() => { 'callback returning unknown'; });
        stream.catch(() => { 'catch on a non-thenable'; });
        stream.on('data', () => { 'on of a non-emitter'; });
        test(() => { 'a program function named test'; });
        const stored = () => { 'not an argument'; };
        class Job { constructor(run: () => void) {} }
        export const job = new Job(() => { 'new of a class that is no Promise'; });
      `),
    ).toEqual({
      'any receiver': 'unknown/untyped-callee',
      'any callee': 'unknown/untyped-callee',
      'err typed as a domain string': 'unknown/undetermined',
      'callback returning unknown': 'unknown/undetermined',
      'catch on a non-thenable': 'unknown/undetermined',
      'on of a non-emitter': 'unknown/undetermined',
      'a program function named test': 'unknown/undetermined',
      'not an argument': 'unknown/not-an-argument',
      'new of a class that is no Promise': 'unknown/undetermined',
    });
  });
});

describe('classifyCallback: error-first callbacks by type and, where types cannot tell, by name', () => {
  const code = `
    import { EventEmitter } from 'node:events';
    declare const untyped: any;
    declare function authenticate(done: (err: any, user?: string) => void): void;
    declare function forward(listener: (...args: any[]) => void): void;
    declare function validate(check: (err: string, value: number) => void): void;
    declare function retry(shouldRetry: (error: Error, attempt: number) => boolean): Promise<void>;
    declare function onFailure(handler: (error: Error) => void): void;
    class Socket { on(event: 'error', listener: (error: Error) => void): void; on(event: string, listener: () => void): void; on() {} }
    declare const socket: Socket;
    declare function each<T>(list: readonly T[], iteratee: (value: T, index: number) => void): void;
    declare function settle<E extends Error>(done: (err: E | null, value: number) => void): void;
    declare const failures: Error[];
    declare const anything: any[];
    const emitter = new EventEmitter();
    untyped.query('sql', (err, rows) => { 'untyped callee, err'; });
    untyped.query('sql', (error: unknown, rows) => { 'untyped callee, error: unknown'; });
    untyped.query('sql', (err: Error | null, rows) => { 'untyped callee, own Error annotation'; });
    untyped.query('sql', (err: { code: number }, rows) => { 'untyped callee, err typed as a domain value'; });
    untyped.query('sql', (failure, rows) => { 'untyped callee, another name'; });
    untyped.on('error', (err) => { 'untyped error listener'; });
    authenticate((err, user) => { 'callee types err any'; });
    forward((err) => { 'callee takes ...args: any[]'; });
    validate((err, value) => { 'callee types err as a string'; });
    retry((error) => { 'error-first, return value used'; return true; });
    onFailure((error) => { 'always an error, void'; });
    socket.on('error', (error) => { 'error event of a non-emitter'; });
    emitter.on('error', (err) => { 'error event of an emitter'; });
    each(failures, (err, index) => { 'Error items of a type parameter'; });
    each(anything, (err, index) => { 'any items of a type parameter'; });
    settle((err, value) => { 'type parameter constrained to Error'; });
  `;

  it('counts names only with the errorNames option, and only where the types cannot tell', async () => {
    expect(await classifyLabelled(code, { errorNames: ['err', 'error'] })).toEqual({
      'untyped callee, err': 'continuation/error-first-by-name',
      'untyped callee, error: unknown': 'continuation/error-first-by-name',
      'untyped callee, own Error annotation': 'continuation/node-style-callback',
      'untyped callee, err typed as a domain value': 'unknown/untyped-callee',
      'untyped callee, another name': 'unknown/untyped-callee',
      'untyped error listener': 'unknown/untyped-callee',
      'callee types err any': 'continuation/error-first-by-name',
      'callee takes ...args: any[]': 'continuation/error-first-by-name',
      'callee types err as a string': 'continuation/void-callback',
      'error-first, return value used': 'synchronous/return-value-used',
      'always an error, void': 'continuation/void-callback',
      'error event of a non-emitter': 'continuation/void-callback',
      'error event of an emitter': 'continuation/event-listener',
      'Error items of a type parameter': 'continuation/void-callback',
      'any items of a type parameter': 'continuation/void-callback',
      'type parameter constrained to Error': 'continuation/node-style-callback',
    });
  });

  it('never counts names without the option (what no-sync-io-in-async and the pyramid rule ask)', async () => {
    const found = await classifyLabelled(code);
    expect(found['untyped callee, err']).toBe('unknown/untyped-callee');
    expect(found['callee types err any']).toBe('continuation/void-callback');
    expect(found['callee takes ...args: any[]']).toBe('continuation/void-callback');
  });
});

/** The async context of every `probe('label')` call of `code`, as `kind via N` or `none`. */
async function findContexts(code: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  await runTypedProbe(code, (_context, services) => ({
    CallExpression(node: TSESTree.CallExpression) {
      const [label] = node.arguments;
      if (node.callee.type !== AST_NODE_TYPES.Identifier || node.callee.name !== 'probe' || label?.type !== AST_NODE_TYPES.Literal) {
        return;
      }
      const context = findAsyncRunContext(services, node);
      found[String(label.value)] =
        context === undefined ? 'none' : `${context.kind}${context.through.length > 0 ? ` through ${context.through.length}` : ''}`;
    },
  }));
  return found;
}

const probeDeclaration = 'declare function probe(label: string): void;\n';

describe('findAsyncRunContext', () => {
  it('finds async functions, promise handlers, listeners and request handlers', async () => {
    expect(
      await findContexts(`${probeDeclaration}
        import { EventEmitter } from 'node:events';
        import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
        import express from 'express';
        declare const pending: Promise<string>;
        const app = express();
        const emitter = new EventEmitter();
        export async function load(items: string[]) {
          probe('async function');
          items.map(() => probe('array callback in an async function'));
          items.forEach(() => items.filter(() => { probe('two array callbacks deep'); return true; }));
          await new Promise<void>((resolve) => { probe('promise executor'); resolve(); });
        }
        class Store {
          async save() { probe('async method'); }
        }
        export const store = new Store();
        pending.then(() => probe('then handler'));
        emitter.on('data', () => probe('event listener'));
        createServer((request, response) => probe('createServer handler'));
        app.get('/', (request, response) => { probe('express handler'); });
        app.use((request, response, next) => { probe('express middleware'); next(); });
        app.use((error: Error, request: express.Request, response: express.Response, next: express.NextFunction) => { probe('express error handler'); });
        export function handle(request: IncomingMessage, response: ServerResponse) { probe('named request handler'); }
        createServer(({ url }, response) => probe('destructured request'));
        async function* stream() { probe('async generator'); }
        export const generated = stream();
      `),
    ).toEqual({
      'async function': 'async-function',
      'array callback in an async function': 'async-function through 1',
      'two array callbacks deep': 'async-function through 2',
      'promise executor': 'async-function through 1',
      'async method': 'async-function',
      'then handler': 'promise-handler',
      'event listener': 'event-listener',
      'createServer handler': 'request-handler',
      'express handler': 'request-handler',
      'express middleware': 'request-handler',
      'express error handler': 'request-handler',
      'named request handler': 'request-handler',
      'destructured request': 'request-handler',
      'async generator': 'async-function',
    });
  });

  it('leaves top-level code, plain functions and other continuations alone', async () => {
    expect(
      await findContexts(`${probeDeclaration}
        import { readFile } from 'node:fs';
        import type { IncomingMessage } from 'node:http';
        probe('top level');
        export function main() { probe('plain function'); }
        export async function outer() {
          function helper() { probe('function declared in an async function'); }
          helper();
          const later = () => probe('arrow stored in an async function');
          later();
          class Local { field = probe('class field'); }
          return new Local();
        }
        setTimeout(() => probe('timer'), 1);
        readFile('a', () => probe('Node-style callback'));
        process.on('exit', () => probe('process exit listener'));
        process.once('SIGINT', () => probe('process signal listener'));
        export function parseCookies(request: IncomingMessage) { probe('takes only a request'); }
        [1].map(() => probe('array callback at the top level'));
      `),
    ).toEqual({
      'top level': 'none',
      'plain function': 'none',
      'function declared in an async function': 'none',
      'arrow stored in an async function': 'none',
      'class field': 'none',
      timer: 'none',
      'Node-style callback': 'none',
      'process exit listener': 'none',
      'process signal listener': 'none',
      'takes only a request': 'none',
      'array callback at the top level': 'none',
    });
  });
});

describe('isInsideTestBlock', () => {
  it('sees test blocks at any depth, by the framework, not a function of the program', async () => {
    const found: Record<string, boolean> = {};
    await runTypedProbe(
      `${probeDeclaration}
        import { describe, it } from 'vitest';
        import { test as nodeTest } from 'node:test';
        describe('suite', () => {
          it('case', async () => {
            [1].forEach(() => probe('nested in a case'));
          });
        });
        nodeTest('node:test', async () => probe('node:test, renamed'));
        function suite(body: () => void) { body(); }
        suite(() => probe('a program function'));
        export async function helper() { probe('outside any block'); }
      `,
      (_context, services) => ({
        CallExpression(node: TSESTree.CallExpression) {
          const [label] = node.arguments;
          if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'probe' && label?.type === AST_NODE_TYPES.Literal) {
            found[String(label.value)] = isInsideTestBlock(services, node);
          }
        },
      }),
    );
    expect(found).toEqual({
      'nested in a case': true,
      'node:test, renamed': true,
      'a program function': false,
      'outside any block': false,
    });
  });
});

describe('isErrorType and isEventSource', () => {
  it('tell by the type, base types included', async () => {
    const errors: Record<string, boolean> = {};
    const sources: Record<string, boolean> = {};
    await runTypedProbe(
      `
        import { EventEmitter } from 'node:events';
        import { Readable } from 'node:stream';
        import type { Server } from 'node:http';
        class HttpError extends Error {}
        class Emitter { on(event: string, listener: () => void): this { return this; } }
        declare const e1: Error | null;
        declare const e2: NodeJS.ErrnoException | null;
        declare const e3: HttpError | undefined;
        declare const e4: string;
        declare const e5: unknown;
        declare const e6: null;
        declare const s1: EventEmitter;
        declare const s2: Server;
        declare const s3: Readable;
        declare const s4: HTMLElement;
        declare const s5: Emitter;
        declare const s6: AbortSignal;
      `,
      (_context, services) => ({
        VariableDeclarator(node: TSESTree.VariableDeclarator) {
          if (node.id.type !== AST_NODE_TYPES.Identifier) return;
          const checker = services.program.getTypeChecker();
          const type = services.getTypeAtLocation(node.id);
          if (node.id.name.startsWith('e')) errors[node.id.name] = isErrorType(services.program, type);
          else sources[node.id.name] = isEventSource(checker, type);
        },
      }),
    );
    expect(errors).toEqual({ e1: true, e2: true, e3: true, e4: false, e5: false, e6: false });
    expect(sources).toEqual({ s1: true, s2: true, s3: true, s4: true, s5: false, s6: true });
  });
});

describe('isErrorFirstCallbackParameter', () => {
  it('finds a function parameter that takes an error first, and untyped ones by their name', async () => {
    const found: Record<string, boolean> = {};
    await runTypedProbe(
      `
        import type { NextFunction } from 'express';
        export function typed(done: (error: Error | null, value?: string) => void) {}
        export function optional(done?: (error?: NodeJS.ErrnoException) => void) {}
        export function express(next: NextFunction) {}
        export function untyped(callback: any) {}
        export function untypedOtherName(handler: any) {}
        export function anyFirstOtherName(handler: (err: any) => void) {}
        export function domain(done: (count: number) => void) {}
        export function value(done: string) {}
      `,
      (_context, services) => ({
        FunctionDeclaration(node: TSESTree.FunctionDeclaration) {
          const [parameter] = node.params;
          if (node.id === null || parameter?.type !== AST_NODE_TYPES.Identifier) return;
          found[node.id.name] = isErrorFirstCallbackParameter(services, parameter);
        },
      }),
    );
    expect(found).toEqual({
      typed: true,
      optional: true,
      express: true,
      untyped: true,
      untypedOtherName: false,
      anyFirstOtherName: false,
      domain: false,
      value: false,
    });
  });
});
