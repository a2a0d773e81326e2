import rule from '../../src/rules/no-needless-async.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-needless-async', rule, {
  valid: [
    // Another overload wants the callback to return a promise (agenda's `define`): the checker picks the
    // first, `(job, done) => void`, which an async function fits too.
    `
      interface Job { name: string }
      declare class Agenda {
        define(name: string, processor: (job: Job, done: (error?: Error) => void) => void): void;
        define(name: string, processor: (job: Job) => Promise<void>): void;
      }
      export function register(agenda: Agenda, seen: string[]) {
        agenda.define('audit', async (job) => {
          seen.push(job.name);
        });
      }
    `,
    // An async IIFE whose promise is kept as a value: the IIFE exists to make that promise, turning
    // a synchronous throw into a rejection the collector handles (graphile-worker's runner).
    `
      declare function safeEmit(event: string): void;
      declare function release(): Promise<void>;
      export function stop(): Promise<void> {
        const promises: Array<void | Promise<void>> = [];
        promises.push((async () => void safeEmit('stop'))());
        promises.push(release());
        return Promise.all(promises).then(() => undefined);
      }
    `,
    // The same, passed straight on, or held in a variable.
    `
      declare function validate(input: string): number;
      declare function track(work: Promise<number>): void;
      export function start(input: string) {
        track((async () => validate(input))());
        const checked = (async () => validate(input))();
        return checked;
      }
    `,
    // An object literal whose context is `any` (a mock's resolved value) may stand in for anything.
    `
      declare function mockResolvedValue(value: any): void;
      mockResolvedValue({
        ok: true,
        json: async () => ({ message: 'test' }),
      });
    `,
    // A base-class default that a subclass of the program overrides with real async work.
    `
      export class Loader {
        async load(): Promise<number> {
          return 1;
        }
      }
      export class RemoteLoader extends Loader {
        override async load(): Promise<number> {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return 2;
        }
      }
    `,
    // `return` beside `[Symbol.asyncIterator]`: the async iteration protocol wants a promise.
    `
      export function countdown(from: number) {
        let current = from;
        return {
          async next() {
            await new Promise((resolve) => setTimeout(resolve, 1));
            return current > 0 ? { done: false, value: current-- } : { done: true, value: undefined };
          },
          async return() {
            current = 0;
            return { done: true, value: undefined };
          },
          [Symbol.asyncIterator]() {
            return this;
          },
        };
      }
    `,
    // An object literal stored in a const and later passed where the member must return a promise.
    `
      interface CookieJar { getCookie(url: string): Promise<string> }
      declare function request(url: string, options: { cookieJar: CookieJar }): void;
      const cookies = new Map<string, string>();
      const jar = {
        async getCookie(url: string) {
          return cookies.get(url) ?? '';
        },
      };
      request('/', { cookieJar: jar });
    `,
    // An object literal returned by a factory whose calls are passed where a promise is required.
    `
      interface CookieJar { getCookie(url: string): Promise<string> }
      declare function request(url: string, options: { cookieJar: CookieJar }): void;
      const makeJar = (cookie: string) => ({
        async getCookie() {
          return cookie;
        },
      });
      request('/', { cookieJar: makeJar('a=1') });
    `,
    // Implements an interface member that returns a Promise: the promise is the contract.
    `
      interface Loader {
        load(): Promise<number>;
      }
      class StaticLoader implements Loader {
        async load() {
          return 1;
        }
      }
    `,
    // Implements an interface property typed as a Promise-returning function.
    `
      interface Loader {
        load: () => Promise<number>;
      }
      class StaticLoader implements Loader {
        async load() {
          return 2;
        }
      }
    `,
    // Implements an abstract member declared to return a Promise.
    `
      abstract class Task {
        abstract run(): Promise<number>;
      }
      class Sum extends Task {
        async run() {
          return 1 + 2;
        }
      }
    `,
    // An `override` of a Promise-returning base member keeps the base's contract.
    `
      class Base {
        async run(): Promise<string> {
          return new Promise((resolve) => setTimeout(() => resolve('base'), 1));
        }
      }
      class Derived extends Base {
        override async run() {
          return 'derived';
        }
      }
    `,
    // A same-named base member without `override` is an override all the same.
    `
      class Base {
        async save(): Promise<boolean> {
          return new Promise((resolve) => setTimeout(() => resolve(true), 1));
        }
      }
      class DryRun extends Base {
        async save() {
          return false;
        }
      }
    `,
    // The parameter's type asks for a function returning a Promise.
    `
      declare function later<T>(fn: () => Promise<T>): Promise<T>;
      later(async () => 1);
    `,
    // The parameter's type accepts `void | Promise<void>`: a promise is part of the contract.
    `
      declare function register(handler: () => void | Promise<void>): void;
      register(async () => {
        console.log('registered');
      });
    `,
    // A callback with parameters whose type returns `Promise<void>`.
    `
      declare function each(xs: number[], fn: (x: number) => Promise<void>): void;
      each([1, 2], async (x) => {
        console.log(x);
      });
    `,
    // Assigned to a variable annotated as returning a Promise.
    `
      const handler: () => Promise<number> = async () => 1;
    `,
    // A function expression assigned to a variable whose call signature returns a Promise.
    `
      const handler: { (): Promise<number> } = async function () {
        return 2;
      };
    `,
    // Assigned to a property typed as returning a Promise.
    `
      declare const target: { onLoad: () => Promise<void> };
      target.onLoad = async () => {
        console.log('loaded');
      };
    `,
    // A class property annotated as returning a Promise.
    `
      class Widget {
        handler: () => Promise<number> = async () => 3;
      }
    `,
    // An object-literal method whose annotation gives the member a Promise return.
    `
      type Api = { load(): Promise<number> };
      const api: Api = {
        async load() {
          return 1;
        },
      };
    `,
    // An object-literal property arrow whose annotation gives the member a Promise return.
    `
      type Api = { load: () => Promise<number> };
      const api: Api = { load: async () => 1 };
    `,
    // An object-literal method whose contextual type comes from the declared return type.
    `
      function makeApi(): { load(): Promise<number> } {
        return {
          async load() {
            return 1;
          },
        };
      }
    `,
    // An object-literal method whose contextual type comes from `satisfies`.
    `
      const api = {
        async load() {
          return 1;
        },
      } satisfies { load(): Promise<number> };
    `,
    // `satisfies` a member that may return a Promise (a union with a thenable).
    `
      const api = {
        size: 2,
        async load() {
          return 3;
        },
      } satisfies { size: number; load(): number | Promise<number> };
    `,
    // An object literal passed where the parameter's type gives the method a Promise return.
    `
      declare function serve(api: { handle(): Promise<string> }): void;
      serve({
        async handle() {
          return 'ok';
        },
      });
    `,
    // An index signature gives every member a Promise-returning type.
    `
      const routes: Record<string, () => Promise<number>> = {
        async home() {
          return 1;
        },
      };
    `,
    // A named function passed by reference where a Promise-returning callback is expected.
    `
      declare function register(handler: () => Promise<void>): void;
      async function tick() {
        console.log('tick');
      }
      register(tick);
    `,
    // A named function placed, by shorthand, in a property typed as returning a Promise.
    `
      async function load() {
        return 1;
      }
      const api: { load(): Promise<number> } = { load };
    `,
    // A named function assigned by reference to a variable typed as returning a Promise.
    `
      let current: () => Promise<string>;
      async function greet() {
        return 'hi';
      }
      current = greet;
    `,
    // An empty function is a stub or a default, not sync work in disguise.
    `
      async function noop() {}
    `,
    // An empty async arrow.
    `
      const noop = async () => {};
    `,
    // An async generator yields asynchronously by nature.
    `
      async function* numbers() {
        yield 1;
      }
    `,
    // Awaits real asynchronous work.
    `
      import { fetchSetting } from './modules/sync-work';
      async function read() {
        const value = await fetchSetting('port');
        return value;
      }
    `,
    // An await inside a nested block still belongs to the function.
    `
      import { fetchSetting } from './modules/sync-work';
      async function maybeRead(flag: boolean) {
        if (flag) {
          console.log(await fetchSetting('port'));
        }
        return 0;
      }
    `,
    // `for await` is an await.
    `
      async function drain(xs: AsyncIterable<number>) {
        for await (const x of xs) console.log(x);
      }
    `,
    // `await using` awaits the disposal.
    `
      async function withResource(open: () => AsyncDisposable) {
        await using resource = open();
        console.log(resource);
      }
    `,
    // Returns a promise: the function is a pass-through for async work.
    `
      import { fetchSetting } from './modules/sync-work';
      async function readPort() {
        return fetchSetting('port');
      }
    `,
    // One of the returns is a promise.
    `
      import { fetchSetting } from './modules/sync-work';
      async function readCached(cached: string | undefined) {
        if (cached !== undefined) return cached;
        return fetchSetting('port');
      }
    `,
    // Returns `any`: it may well be a promise.
    `
      async function parse(text: string) {
        return JSON.parse(text);
      }
    `,
    // Returns `unknown`: cannot tell.
    `
      async function pass(value: unknown) {
        return value;
      }
    `,
    // Returns an unconstrained type parameter: it may be a promise.
    `
      async function identity<T>(value: T) {
        return value;
      }
    `,
    // A type parameter constrained to a Promise is a promise.
    `
      async function forward<T extends Promise<number>>(value: T) {
        return value;
      }
    `,
    // A generic callback whose return type parameter is constrained to a promise: the callee asks for one.
    `
      function run<T extends PromiseLike<unknown>>(fn: () => T): T {
        return fn();
      }
      run(async () => 1);
    `,
    // `Function` says nothing about the return: stay silent.
    `
      declare function defer(fn: Function): void;
      defer(async () => 1);
    `,
    // Not async at all.
    `
      function double(n: number) {
        return n * 2;
      }
    `,
    // A named function expression that awaits its own recursive call.
    `
      export {};
      const countDown = async function step(n: number): Promise<number> {
        if (n > 0) await step(n - 1);
        return n;
      };
      await countDown(3);
    `,
  ],
  invalid: [
    {
      name: 'an overload that wants a promise but takes other arguments, or fewer callback parameters, does not count',
      code: `
      interface Job { name: string }
      interface Emitter {
        on(event: 'ready', listener: () => void): void;
        on(event: 'drain', listener: () => Promise<void>): void;
        define(name: string, processor: (job: Job, done: (error?: Error) => void) => void): void;
        define(name: string, processor: (job: Job) => Promise<void>): void;
      }
      export function wire(emitter: Emitter, seen: string[]) {
        emitter.on('ready', async () => {
          seen.push('ready');
        });
        emitter.define('audit', async (job, done) => {
          seen.push(job.name);
          done();
        });
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeAsync',
              data: { name: 'Async arrow function' },
              output: `
      interface Job { name: string }
      interface Emitter {
        on(event: 'ready', listener: () => void): void;
        on(event: 'drain', listener: () => Promise<void>): void;
        define(name: string, processor: (job: Job, done: (error?: Error) => void) => void): void;
        define(name: string, processor: (job: Job) => Promise<void>): void;
      }
      export function wire(emitter: Emitter, seen: string[]) {
        emitter.on('ready', () => {
          seen.push('ready');
        });
        emitter.define('audit', async (job, done) => {
          seen.push(job.name);
          done();
        });
      }
    `,
            },
          ],
        },
        {
          messageId: 'needlessAsync',
          line: 13,
          column: 33,
          endLine: 13,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'removeAsync',
              data: { name: 'Async arrow function' },
              output: `
      interface Job { name: string }
      interface Emitter {
        on(event: 'ready', listener: () => void): void;
        on(event: 'drain', listener: () => Promise<void>): void;
        define(name: string, processor: (job: Job, done: (error?: Error) => void) => void): void;
        define(name: string, processor: (job: Job) => Promise<void>): void;
      }
      export function wire(emitter: Emitter, seen: string[]) {
        emitter.on('ready', async () => {
          seen.push('ready');
        });
        emitter.define('audit', (job, done) => {
          seen.push(job.name);
          done();
        });
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'an async IIFE whose promise is dropped is still needless',
      code: `
      declare function log(message: string): void;
      export function boot() {
        (async () => {
          log('boot');
        })();
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 15,
          suggestions: [
            {
              messageId: 'removeAsync',
              data: { name: 'Async arrow function' },
              output: `
      declare function log(message: string): void;
      export function boot() {
        (() => {
          log('boot');
        })();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'an async IIFE awaited on the spot is still needless',
      code: `
      declare function compute(): number;
      export async function run() {
        return await (async () => compute())();
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 23,
          endLine: 4,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'removeAsync',
              data: { name: 'Async arrow function' },
              output: `
      declare function compute(): number;
      export async function run() {
        return await (() => compute())();
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a #private method only ever awaited inside its class gets the fix',
      code: `
      export class Totals {
        #values: number[] = [];
        async #sum(): Promise<number> {
          return this.#values.reduce((a, b) => a + b, 0);
        }
        async report() {
          const sum = await this.#sum();
          await this.#sum();
          return sum;
        }
      }
    `,
      output: `
      export class Totals {
        #values: number[] = [];
        #sum(): number {
          return this.#values.reduce((a, b) => a + b, 0);
        }
        async report() {
          const sum = await this.#sum();
          await this.#sum();
          return sum;
        }
      }
    `,
      errors: [{ messageId: 'needlessAsync', line: 4, column: 9, endLine: 4, endColumn: 14 }],
    },
    {
      name: 'a TS-private method used as a value: suggestion only',
      code: `
      export class Ids {
        private counter = 0;
        private async next() {
          return ++this.counter;
        }
        handlers() {
          return [this.next.bind(this)];
        }
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export class Ids {
        private counter = 0;
        private next() {
          return ++this.counter;
        }
        handlers() {
          return [this.next.bind(this)];
        }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a map callback: map\'s U is inferred from the callback, so nothing asks for a promise',
      code: `
      export function upperAll(names: string[]) {
        return names.map(async (name) => name.toUpperCase());
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export function upperAll(names: string[]) {
        return names.map((name) => name.toUpperCase());
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a named function passed to a generic callee whose type parameter is unconstrained',
      code: `
      function run<T>(fn: () => T): T {
        return fn();
      }
      async function one() {
        return 1;
      }
      run(one);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 5,
          column: 7,
          endLine: 5,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      function run<T>(fn: () => T): T {
        return fn();
      }
      function one() {
        return 1;
      }
      run(one);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'overload signatures written without async: the fix rewrites their Promise<T> too',
      code: `
      export {};
      function parse(text: string): Promise<number>;
      function parse(text: string, radix: number): Promise<number>;
      async function parse(text: string, radix = 10): Promise<number> {
        return Number.parseInt(text, radix);
      }
      console.log(await parse('7'));
    `,
      output: `
      export {};
      function parse(text: string): number;
      function parse(text: string, radix: number): number;
      function parse(text: string, radix = 10): number {
        return Number.parseInt(text, radix);
      }
      console.log(await parse('7'));
    `,
      errors: [{ messageId: 'needlessAsync', line: 5, column: 7, endLine: 5, endColumn: 12 }],
    },
    {
      name: 'method after a field without a semicolon: the suggestion keeps them apart',
      code: `
      export class Registry {
        names = ['a']
        async ['size']() { return this.names.length; }
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export class Registry {
        names = ['a']
        ;['size']() { return this.names.length; }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'implements an interface member declared to return void: no contract for a promise',
      code: `
      interface Handler { handle(): void }
      export class Logger implements Handler {
        async handle() { console.log('handled'); }
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      interface Handler { handle(): void }
      export class Logger implements Handler {
        handle() { console.log('handled'); }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'overrides a base method that returns void',
      code: `
      class Base { handle(): void {} }
      export class Logger extends Base {
        override async handle() { console.log('handled'); }
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      class Base { handle(): void {} }
      export class Logger extends Base {
        override handle() { console.log('handled'); }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'function declaration whose references are all awaited or discarded calls: fix',
      code: `
      export {};
      async function double(n: number) {
        return n * 2;
      }
      await double(1);
      double(2);
      void double(3);
    `,
      output: `
      export {};
      function double(n: number) {
        return n * 2;
      }
      await double(1);
      double(2);
      void double(3);
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 7, endLine: 3, endColumn: 12 }],
    },
    {
      name: 'const arrow with a concise body: fix',
      code: `
      export {};
      const triple = async (n: number) => n * 3;
      const nine = await triple(3);
      console.log(nine);
    `,
      output: `
      export {};
      const triple = (n: number) => n * 3;
      const nine = await triple(3);
      console.log(nine);
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 22, endLine: 3, endColumn: 27 }],
    },
    {
      name: 'const function expression: fix',
      code: `
      export {};
      const greet = async function (name: string) {
        return \`hi \${name}\`;
      };
      greet('ada');
    `,
      output: `
      export {};
      const greet = function (name: string) {
        return \`hi \${name}\`;
      };
      greet('ada');
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 21, endLine: 3, endColumn: 26 }],
    },
    {
      name: 'Promise<T> annotation rewritten to T',
      code: `
      export {};
      async function size(text: string): Promise<number> {
        return text.length;
      }
      console.log(await size('abc'));
    `,
      output: `
      export {};
      function size(text: string): number {
        return text.length;
      }
      console.log(await size('abc'));
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 7, endLine: 3, endColumn: 12 }],
    },
    {
      name: 'Promise<void> annotation rewritten to void; a throw inside try/catch still allows the fix',
      code: `
      export {};
      async function check(n: number): Promise<void> {
        try {
          if (n < 0) throw new Error('negative');
        } catch {
          console.log('caught');
        }
      }
      await check(1);
    `,
      output: `
      export {};
      function check(n: number): void {
        try {
          if (n < 0) throw new Error('negative');
        } catch {
          console.log('caught');
        }
      }
      await check(1);
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 7, endLine: 3, endColumn: 12 }],
    },
    {
      name: 'Promise<A | B> annotation rewritten to the union',
      code: `
      export {};
      function outer() {
        async function pick(): Promise<'heads' | 'tails'> {
          return Math.random() > 0.5 ? 'heads' : 'tails';
        }
        void pick();
      }
      outer();
    `,
      output: `
      export {};
      function outer() {
        function pick(): 'heads' | 'tails' {
          return Math.random() > 0.5 ? 'heads' : 'tails';
        }
        void pick();
      }
      outer();
    `,
      errors: [{ messageId: 'needlessAsync', line: 4, column: 9, endLine: 4, endColumn: 14 }],
    },
    {
      name: 'nested function of a script is not global: fix',
      code: `
      function main() {
        const half = async (n: number) => n / 2;
        half(4);
      }
      main();
    `,
      output: `
      function main() {
        const half = (n: number) => n / 2;
        half(4);
      }
      main();
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 22, endLine: 3, endColumn: 27 }],
    },
    {
      name: 'an await inside a nested function does not count for the outer one',
      code: `
      import { fetchSetting } from './modules/sync-work';
      async function outer() {
        const inner = async () => {
          await fetchSetting('a');
        };
        void inner();
        return 1;
      }
      await outer();
    `,
      output: `
      import { fetchSetting } from './modules/sync-work';
      function outer() {
        const inner = async () => {
          await fetchSetting('a');
        };
        void inner();
        return 1;
      }
      await outer();
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 7, endLine: 3, endColumn: 12 }],
    },
    {
      name: 'overload signatures are rewritten with the implementation',
      code: `
      export {};
      async function parse(text: string): Promise<number>;
      async function parse(text: string, radix: number): Promise<number>;
      async function parse(text: string, radix = 10): Promise<number> {
        return Number.parseInt(text, radix);
      }
      await parse('1');
    `,
      output: `
      export {};
      function parse(text: string): number;
      function parse(text: string, radix: number): number;
      function parse(text: string, radix = 10): number {
        return Number.parseInt(text, radix);
      }
      await parse('1');
    `,
      errors: [{ messageId: 'needlessAsync', line: 5, column: 7, endLine: 5, endColumn: 12 }],
    },
    {
      name: 'exported function declaration: suggestion only',
      code: `
      export async function double(n: number) {
        return n * 2;
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 14,
          endLine: 2,
          endColumn: 19,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export function double(n: number) {
        return n * 2;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'exported const arrow: suggestion only',
      code: `
      export const triple = async (n: number): Promise<number> => n * 3;
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export const triple = (n: number): number => n * 3;
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'default-exported anonymous function: suggestion only',
      code: `
      export default async function () {
        return 1;
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export default function () {
        return 1;
      }
    `,
            },
          ],
        },
      ],
    },
    {
      // Found by the fuzz tests: a template's \`\${\` before \`async (\` ends no expression, so no \`;\` goes there.
      name: 'an arrow in a template substitution: no separator after the template head',
      code: `
      export const label = \`\${async () => 1}\`;
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 31,
          endLine: 2,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export const label = \`\${() => 1}\`;
    `,
            },
          ],
        },
      ],
    },
    {
      // Found by the fuzz tests: \`of\` in a \`for…of\` head is a keyword, not an identifier an expression ends with.
      name: 'an arrow after the of of a for…of head: no separator',
      code: `
      for (const step of async () => 1) console.log(step);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 26,
          endLine: 2,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      for (const step of () => 1) console.log(step);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'exported later through an export list: suggestion only',
      code: `
      async function one() {
        return 1;
      }
      await one();
      export { one };
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      function one() {
        return 1;
      }
      await one();
      export { one };
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a reference used as a value (const p = f()): suggestion only',
      code: `
      export {};
      async function total(values: number[]): Promise<number> {
        return values.reduce((sum, value) => sum + value, 0);
      }
      const pending = total([1, 2]);
      console.log(pending);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      function total(values: number[]): number {
        return values.reduce((sum, value) => sum + value, 0);
      }
      const pending = total([1, 2]);
      console.log(pending);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a reference chained with .then: suggestion only',
      code: `
      export {};
      const answer = async () => 42;
      answer().then(console.log);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 22,
          endLine: 3,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      const answer = () => 42;
      answer().then(console.log);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a reference under typeof: suggestion only',
      code: `
      export {};
      async function one() {
        return 1;
      }
      type One = ReturnType<typeof one>;
      await one();
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      function one() {
        return 1;
      }
      type One = ReturnType<typeof one>;
      await one();
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a named function expression that uses its own call as a value: suggestion only',
      code: `
      export {};
      const countDown = async function step(n: number): Promise<number> {
        if (n > 0) console.log(step(n - 1));
        return n;
      };
      await countDown(3);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 25,
          endLine: 3,
          endColumn: 30,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      const countDown = function step(n: number): number {
        if (n > 0) console.log(step(n - 1));
        return n;
      };
      await countDown(3);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a throw outside any try: suggestion only',
      code: `
      export {};
      async function check(n: number): Promise<void> {
        if (n < 0) throw new Error('negative');
      }
      await check(1);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      function check(n: number): void {
        if (n < 0) throw new Error('negative');
      }
      await check(1);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a throw inside try/finally is not caught: suggestion only',
      code: `
      export {};
      async function check(n: number) {
        try {
          if (n < 0) throw new Error('negative');
        } finally {
          console.log('checked');
        }
      }
      check(1);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      function check(n: number) {
        try {
          if (n < 0) throw new Error('negative');
        } finally {
          console.log('checked');
        }
      }
      check(1);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'a rethrow from a catch clause: suggestion only',
      code: `
      export {};
      async function load(text: string) {
        try {
          return JSON.parse(text) as number;
        } catch (error) {
          throw new Error('bad input', { cause: error });
        }
      }
      void load('1');
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      function load(text: string) {
        try {
          return JSON.parse(text) as number;
        } catch (error) {
          throw new Error('bad input', { cause: error });
        }
      }
      void load('1');
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'class method: suggestion only',
      code: `
      class Store {
        private readonly values = new Map<string, string>();
        public async get(key: string): Promise<string | undefined> {
          return this.values.get(key);
        }
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 16,
          endLine: 4,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      class Store {
        private readonly values = new Map<string, string>();
        public get(key: string): string | undefined {
          return this.values.get(key);
        }
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'class property arrow without a type: suggestion only',
      code: `
      class Counter {
        count = 0;
        increment = async () => {
          this.count += 1;
        };
      }
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      class Counter {
        count = 0;
        increment = () => {
          this.count += 1;
        };
      }
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'an annotation that is not Promise<T> cannot be rewritten: reported without fix or suggestion',
      code: `
      export {};
      type Pending = Promise<number>;
      async function seven(): Pending {
        return 7;
      }
      await seven();
    `,
      output: null,
      errors: [{ messageId: 'needlessAsync', line: 4, column: 7, endLine: 4, endColumn: 12, suggestions: [] }],
    },
    {
      name: 'forEach callback: its type returns void',
      code: `
      [1, 2].forEach(async (x) => {
        console.log(x);
      });
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 22,
          endLine: 2,
          endColumn: 27,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      [1, 2].forEach((x) => {
        console.log(x);
      });
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'callback whose parameter type returns void',
      code: `
      declare function register(handler: () => void): void;
      register(async () => {
        console.log('registered');
      });
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 16,
          endLine: 3,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      declare function register(handler: () => void): void;
      register(() => {
        console.log('registered');
      });
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'named function passed by reference where a void callback is expected',
      code: `
      export {};
      async function tick() {
        console.log('tick');
      }
      setTimeout(tick, 10);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      function tick() {
        console.log('tick');
      }
      setTimeout(tick, 10);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'object-literal method with no contextual type',
      code: `
      const cache = {
        async size() {
          return 3;
        },
      };
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      const cache = {
        size() {
          return 3;
        },
      };
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'object-literal method whose contextual type returns void',
      code: `
      const hooks: { onDone(): void } = {
        async onDone() {
          console.log('done');
        },
      };
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      const hooks: { onDone(): void } = {
        onDone() {
          console.log('done');
        },
      };
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'top-level function of a script is a global other files may call: suggestion only',
      code: `
      async function globalDouble(n: number) {
        return n * 2;
      }
      globalDouble(1);
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 12,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      function globalDouble(n: number) {
        return n * 2;
      }
      globalDouble(1);
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'optional call is not a plain call: suggestion only',
      code: `
      export {};
      const ping = async () => 'pong';
      ping?.();
    `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
      export {};
      const ping = () => 'pong';
      ping?.();
    `,
            },
          ],
        },
      ],
    },
    {
      name: 'tsx: generic arrow with the trailing-comma type parameter',
      filename: 'react.tsx',
      code: `
      export {};
      const toItems = async <T,>(value: T) => [value];
      const element = <ul />;
      await toItems(element);
    `,
      output: `
      export {};
      const toItems = <T,>(value: T) => [value];
      const element = <ul />;
      await toItems(element);
    `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 23, endLine: 3, endColumn: 28 }],
    },
  ],
});

// Cases found by writing tests from the catalogue alone, against the built rule.
ruleTester.run('no-needless-async: references the fix cannot see, and what it keeps', rule, {
  valid: [
    // The `await` in a nested class's computed key runs in this function.
    `
      async function makeCommand(name: Promise<string>) {
        return class {
          [await name]() {
            return 1;
          }
        };
      }
      export const command = makeCommand(Promise.resolve('run'));
    `,
    // A test double without `implements`, handed to a parameter typed by the interface.
    `
      interface UserRepo {
        findById(id: string): Promise<{ id: string }>;
      }
      class UserService {
        constructor(private readonly repo: UserRepo) {}
        load(id: string) {
          return this.repo.findById(id);
        }
      }
      class FakeRepo {
        async findById(id: string) {
          return { id };
        }
      }
      export const service = new UserService(new FakeRepo());
    `,
    // The same double stored in a `const` first, and a class handed on as a constructor.
    `
      interface Clock {
        now(): Promise<number>;
      }
      declare function register(token: string, implementation: new () => Clock): void;
      declare function useClock(clock: Clock): void;
      class FixedClock {
        async now() {
          return 0;
        }
      }
      class SystemClock {
        async now() {
          return Date.now();
        }
      }
      const fixed = new FixedClock();
      useClock(fixed);
      register('clock', SystemClock);
    `,
    // A server action must be async, whatever its body does.
    `
      'use server';
      const todos: string[] = [];
      export async function addTodo(text: string) {
        todos.push(text);
        return todos.length;
      }
    `,
    // A standard decorator that calls the method and expects a promise.
    `
      function timed<This, Args extends unknown[], Result>(
        target: (this: This, ...args: Args) => Promise<Result>,
        context: ClassMethodDecoratorContext<This, (this: This, ...args: Args) => Promise<Result>>,
      ) {
        console.log(context.name);
        return function (this: This, ...args: Args) {
          return target.call(this, ...args).then((result) => result);
        };
      }
      export class Jobs {
        @timed
        async run(count: number) {
          return count * 2;
        }
      }
    `,
    // A method of an unannotated object, handed on as a route handler that must return a promise.
    `
      type Handler = (path: string) => Promise<void>;
      declare const app: { post(path: string, handler: Handler): void };
      const userController = {
        async list(path: string) {
          console.log(path);
        },
      };
      app.post('/users', userController.list);
    `,
    // A class method handed on through `.bind`.
    `
      type Handler = (path: string) => Promise<void>;
      declare const app: { post(path: string, handler: Handler): void };
      class Orders {
        async list(path: string) {
          console.log(path);
        }
      }
      const orders = new Orders();
      app.post('/orders', orders.list.bind(orders));
    `,
    // An arrow-function property handed on as a value.
    `
      type Handler = (path: string) => Promise<void>;
      declare const app: { post(path: string, handler: Handler): void };
      class Stats {
        report = async (path: string) => {
          console.log(path);
        };
      }
      app.post('/stats', new Stats().report);
    `,
    // A function handed on through `.bind`.
    `
      type Handler = (path: string) => Promise<void>;
      declare const app: { post(path: string, handler: Handler): void };
      async function health(this: { name: string }, path: string) {
        console.log(this.name, path);
      }
      app.post('/health', health.bind({ name: 'api' }));
    `,
    // `void`-member overrides aside, a base method whose override awaits keeps its promise.
    `
      export class Shape {
        async area(): Promise<number> {
          return 0;
        }
      }
      export class Remote extends Shape {
        override async area() {
          return await fetch('/area').then((response) => response.status);
        }
      }
    `,
  ],
  invalid: [
    // Near-miss: the same method handed on where a `void` handler is expected is no contract.
    {
      code: `
        type Listener = (path: string) => void;
        declare const app: { on(path: string, listener: Listener): void };
        const userController = {
          async list(path: string) {
            console.log(path);
          },
        };
        app.on('/users', userController.list);
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        type Listener = (path: string) => void;
        declare const app: { on(path: string, listener: Listener): void };
        const userController = {
          list(path: string) {
            console.log(path);
          },
        };
        app.on('/users', userController.list);
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: the interface it stands in for wants a plain value from that member.
    {
      code: `
        interface Clock {
          now(): number;
        }
        declare function useClock(clock: Clock): void;
        class FixedClock {
          async now() {
            return 0;
          }
          read() {
            return 1;
          }
        }
        useClock({ now: () => new FixedClock().read() });
        export const clock = new FixedClock();
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        interface Clock {
          now(): number;
        }
        declare function useClock(clock: Clock): void;
        class FixedClock {
          now() {
            return 0;
          }
          read() {
            return 1;
          }
        }
        useClock({ now: () => new FixedClock().read() });
        export const clock = new FixedClock();
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: an instance typed as its own class only repeats the member's own `async`.
    {
      code: `
        class Runner {
          async release() {
            console.log('released');
          }
        }
        export function create(): Runner {
          return new Runner();
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 11,
          endLine: 3,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        class Runner {
          release() {
            console.log('released');
          }
        }
        export function create(): Runner {
          return new Runner();
        }
      `,
            },
          ],
        },
      ],
    },
    // In checked JavaScript a JSDoc `@returns {Promise<number>}` is the annotation: reported, not changed.
    {
      filename: 'checked.js',
      code: `
        /** @returns {Promise<number>} */
        async function two() {
          return 2;
        }
        export async function sum(x) {
          return (await two()) + x;
        }
      `,
      output: null,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 9, endLine: 3, endColumn: 14 }],
    },
    // A private method taken out of `this` by destructuring is used as a value: suggestion only.
    {
      code: `
        class Reporter {
          private async render(title: string) {
            return '# ' + title;
          }
          async publish() {
            const { render } = this;
            return render.call(this, 'a').then((text) => text.length);
          }
        }
        export const reporter = new Reporter();
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        class Reporter {
          private render(title: string) {
            return '# ' + title;
          }
          async publish() {
            const { render } = this;
            return render.call(this, 'a').then((text) => text.length);
          }
        }
        export const reporter = new Reporter();
      `,
            },
          ],
        },
      ],
    },
    // A TS-private method can be reached as `obj['name']` wherever an instance goes.
    {
      code: `
        export class Ledger {
          private async balance() {
            return 1;
          }
          async report() {
            return await this.balance();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 3,
          column: 19,
          endLine: 3,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class Ledger {
          private balance() {
            return 1;
          }
          async report() {
            return await this.balance();
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // The overload signatures of a method change with it.
    {
      code: `
        export class Lookup {
          #find(key: string): Promise<number>;
          #find(key: number): Promise<string>;
          async #find(key: string | number): Promise<number | string> {
            return typeof key === 'string' ? key.length : String(key);
          }
          async run() {
            return [await this.#find('a'), await this.#find(1)];
          }
        }
      `,
      output: `
        export class Lookup {
          #find(key: string): number;
          #find(key: number): string;
          #find(key: string | number): number | string {
            return typeof key === 'string' ? key.length : String(key);
          }
          async run() {
            return [await this.#find('a'), await this.#find(1)];
          }
        }
      `,
      errors: [{ messageId: 'needlessAsync', line: 5, column: 11, endLine: 5, endColumn: 16 }],
    },
    // A top-level `const` of a script is a global too: suggestion only.
    {
      code: `
        const globalArrow = async () => 2;
        globalArrow();
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 29,
          endLine: 2,
          endColumn: 34,
          suggestions: [{ messageId: 'removeAsync', output: `
        const globalArrow = () => 2;
        globalArrow();
      ` }],
        },
      ],
    },
    // A modifier (even on the line before) starts the member: no `;` is needed, and `override` stays.
    {
      code: `
                class Canvas {
          draw(): void {}
        }
        export class Board extends Canvas {
          enabled = false
          static
          async ['paint']() {
            return 1;
          }
          override async ['draw']() {
            console.log('draw');
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
                class Canvas {
          draw(): void {}
        }
        export class Board extends Canvas {
          enabled = false
          static
          ['paint']() {
            return 1;
          }
          override async ['draw']() {
            console.log('draw');
          }
        }
      `,
            },
          ],
        },
        {
          messageId: 'needlessAsync',
          line: 11,
          column: 20,
          endLine: 11,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
                class Canvas {
          draw(): void {}
        }
        export class Board extends Canvas {
          enabled = false
          static
          async ['paint']() {
            return 1;
          }
          override ['draw']() {
            console.log('draw');
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // After a field ending in `false` (no `;`), the member gets one.
    {
      code: `
        export class Toggle {
          enabled = false
          async ['toggle']() {
            return !this.enabled;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class Toggle {
          enabled = false
          ;['toggle']() {
            return !this.enabled;
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // A comment after `async` stays.
    {
      code: `
        async /* legacy */ function legacy() {
          return 1;
        }
        export async function main() {
          await legacy();
        }
      `,
      output: `
        /* legacy */ function legacy() {
          return 1;
        }
        export async function main() {
          await legacy();
        }
      `,
      errors: [{ messageId: 'needlessAsync', line: 2, column: 9, endLine: 2, endColumn: 14 }],
    },
    // A `throw` in a callback that runs right away leaves the body too: suggestion only.
    {
      code: `
        async function validateRows(rows: { id?: string }[]) {
          rows.forEach((row) => {
            if (row.id === undefined) throw new Error('missing id');
          });
        }
        export function validate(rows: { id?: string }[]) {
          validateRows(rows);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        function validateRows(rows: { id?: string }[]) {
          rows.forEach((row) => {
            if (row.id === undefined) throw new Error('missing id');
          });
        }
        export function validate(rows: { id?: string }[]) {
          validateRows(rows);
        }
      `,
            },
          ],
        },
      ],
    },
    // An `asserts` function throws on purpose: a discarded call would throw where it used to reject.
    {
      code: `
        function assertPositive(value: number): asserts value {
          if (value <= 0) throw new RangeError('not positive');
        }
        async function check(value: number) {
          assertPositive(value);
          return value;
        }
        export function checkAll(values: number[]) {
          for (const value of values) check(value);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 5,
          column: 9,
          endLine: 5,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        function assertPositive(value: number): asserts value {
          if (value <= 0) throw new RangeError('not positive');
        }
        function check(value: number) {
          assertPositive(value);
          return value;
        }
        export function checkAll(values: number[]) {
          for (const value of values) check(value);
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-needless-async: narrowed returns that are no certainty', rule, {
  valid: [
    // `return response` reads as `undefined`, but a callback assigns it: the function may return a promise.
    `
      declare function withConnection(callback: () => void): void;
      async function load() {
        let response;
        withConnection(() => {
          response = fetch('/load');
        });
        return response;
      }
      export async function f() {
        return await load();
      }
    `,
  ],
  invalid: [
    // Near-miss: a callback only reads the `let`, so its narrowed type is certain.
    {
      code: `
        declare function withConnection(callback: () => void): void;
        async function label() {
          let text;
          text = 'ready';
          withConnection(() => console.log(text));
          return text;
        }
        export async function f() {
          return await label();
        }
      `,
      output: `
        declare function withConnection(callback: () => void): void;
        function label() {
          let text;
          text = 'ready';
          withConnection(() => console.log(text));
          return text;
        }
        export async function f() {
          return await label();
        }
      `,
      errors: [{ messageId: 'needlessAsync', line: 3, column: 9, endLine: 3, endColumn: 14 }],
    },
  ],
});

ruleTester.run('no-needless-async: the declaration of a promise of a public API', rule, {
  valid: [],
  invalid: [
    // The declaration of an API's promise stays this rule's to judge (no-trivial-await leaves its callers alone).
    {
      code: `
        export class LockManager {
          private readonly locks = new Set<string>();
          async close(): Promise<void> {
            this.locks.clear();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class LockManager {
          private readonly locks = new Set<string>();
          close(): void {
            this.locks.clear();
          }
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-needless-async: allow', rule, {
  valid: [
    // Methods named in `allow` by name and file (relative to the program's directory, the repo here):
    // a public API's lifecycle methods (bullmq's LockManager).
    {
      code: `
        export class LockManager {
          private readonly locks = new Set<string>();
          async close(): Promise<void> {
            this.locks.clear();
          }
          async disconnect(): Promise<void> {
            this.locks.clear();
          }
        }
      `,
      options: [{ allow: [{ from: 'file', name: ['close', 'disconnect'], path: 'tests/fixtures/file.ts' }] }],
    },
    // A function declaration by its bare name.
    {
      code: `
        export async function warmUp(): Promise<void> {
          console.log('warm');
        }
      `,
      options: [{ allow: ['warmUp'] }],
    },
    // A method of an object literal.
    {
      code: `
        export const store = {
          items: [] as string[],
          async close() {
            this.items.length = 0;
          },
        };
      `,
      options: [{ allow: [{ from: 'file', name: 'close' }] }],
    },
  ],
  invalid: [
    {
      name: 'a method of that name declared in another file than the entry says',
      code: `
        export class Pool {
          private readonly idle: number[] = [];
          async close(): Promise<void> {
            this.idle.length = 0;
          }
        }
      `,
      output: null,
      options: [{ allow: [{ from: 'file', name: 'close', path: 'src/lock-manager.ts' }] }],
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class Pool {
          private readonly idle: number[] = [];
          close(): void {
            this.idle.length = 0;
          }
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a method the entries do not name, and an arrow bound to a const of an allowed name',
      code: `
        export class Door {
          open = false;
          async shut(): Promise<void> {
            this.open = false;
          }
        }
        export const close = async (door: Door) => {
          door.open = false;
        };
      `,
      output: null,
      options: [{ allow: ['close', { from: 'package', package: 'ioredis', name: 'shut' }] }],
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class Door {
          open = false;
          shut(): void {
            this.open = false;
          }
        }
        export const close = async (door: Door) => {
          door.open = false;
        };
      `,
            },
          ],
        },
        {
          messageId: 'needlessAsync',
          line: 8,
          column: 30,
          endLine: 8,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class Door {
          open = false;
          async shut(): Promise<void> {
            this.open = false;
          }
        }
        export const close = (door: Door) => {
          door.open = false;
        };
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-needless-async: a promise a caller must return', rule, {
  valid: [
    // TypeORM's query runners: `release()` must return a promise (`QueryRunner.release(): Promise<void>`) and returns the helper's.
    `
      interface Releasable {
        release(): Promise<void>;
      }
      export class Runner implements Releasable {
        private isReleased = false;
        private async releaseConnection(err?: Error) {
          if (this.isReleased) return;
          this.isReleased = true;
          console.log(err);
        }
        release(): Promise<void> {
          return this.releaseConnection();
        }
        onError(err: Error) {
          this.releaseConnection(err);
        }
      }
    `,
    // The same through a concise arrow body typed to return a promise.
    `
      async function flushLocal(buffer: string[]) {
        buffer.length = 0;
      }
      export const flush: (buffer: string[]) => Promise<void> = (buffer) => flushLocal(buffer);
    `,
  ],
  invalid: [
    // Near-miss: an `async` caller makes its own promise, so the helper's is made for nothing.
    {
      code: `
        export class Runner {
          private isReleased = false;
          private async releaseConnection() {
            this.isReleased = true;
          }
          async release(): Promise<void> {
            return this.releaseConnection();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        export class Runner {
          private isReleased = false;
          private releaseConnection() {
            this.isReleased = true;
          }
          async release(): Promise<void> {
            return this.releaseConnection();
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: a caller that must return nothing in particular (`void`, or a type it infers from the helper).
    {
      code: `
        async function flushLocal(buffer: string[]) {
          buffer.length = 0;
        }
        export function flush(buffer: string[]): void {
          flushLocal(buffer);
        }
        export function flushLater(buffer: string[]) {
          return flushLocal(buffer);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 14,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        function flushLocal(buffer: string[]) {
          buffer.length = 0;
        }
        export function flush(buffer: string[]): void {
          flushLocal(buffer);
        }
        export function flushLater(buffer: string[]) {
          return flushLocal(buffer);
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-needless-async: a callback for an overloaded callee', rule, {
  valid: [
    // Mocha's hooks and `it` (TypeORM's tests): one overload takes a promise-returning function, though the checker picks `Func`.
    `
      type Done = (err?: unknown) => void;
      type Func = (done: Done) => void;
      type AsyncFunc = () => PromiseLike<unknown>;
      interface HookFunction {
        (fn: Func): void;
        (fn: AsyncFunc): void;
        (name: string, fn?: Func): void;
        (name: string, fn?: AsyncFunc): void;
      }
      declare const after: HookFunction;
      declare const stub: { restore(): void };
      after(async () => {
        stub.restore();
      });
      after('restore the stub', async () => {
        stub.restore();
      });
      async function restoreAll() {
        stub.restore();
      }
      after(restoreAll);
    `,
  ],
  invalid: [
    // Near-miss: no overload takes a promise-returning function there; a `string` parameter of another overload says nothing.
    {
      code: `
        interface Register {
          (name: string): void;
          (fn: () => void): void;
          (event: 'close', fn: (code: number) => void): void;
        }
        declare const register: Register;
        register(async () => {
          console.log('registered');
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'needlessAsync',
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'removeAsync',
              output: `
        interface Register {
          (name: string): void;
          (fn: () => void): void;
          (event: 'close', fn: (code: number) => void): void;
        }
        declare const register: Register;
        register(() => {
          console.log('registered');
        });
      `,
            },
          ],
        },
      ],
    },
  ],
});
