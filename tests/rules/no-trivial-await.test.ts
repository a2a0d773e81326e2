import rule from '../../src/rules/no-trivial-await.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

/** TSX cases are linted as the fixture project's `react.tsx` (a base name of its own: TypeScript drops `x.tsx` beside `x.ts`). */
const tsx = { filename: 'react.tsx' } as const;

ruleTester.run('no-trivial-await', rule, {
  valid: [
    // Triage (openai src/client.ts:620): an empty protected hook of an exported class, for subclasses to fill.
    `
        export class Client {
          protected async prepareRequest(request: object, options: { url: string }): Promise<void> {}
          async send(request: object) {
            await this.prepareRequest(request, { url: '/' });
          }
        }
      `,
    // A method of a tagged primitive: libraries type values that are something else at run time this way.
    `
      type HtmlEscapedString = string & { isEscaped: true };
      declare function Fragment(props: { children: string }): HtmlEscapedString;
      export async function render() {
        return await Fragment({ children: 'x' }).toString();
      }
    `,
    // The same doubt through a const: the value came from a method of something that may be a promise.
    `
      declare const element: string | Promise<string>;
      export async function render() {
        const html = element.toString();
        return await html;
      }
    `,
    // `Promise.resolve(undefined)` says the same as `Promise.resolve()`: a deliberate yield.
    `
      export async function later() {
        await Promise.resolve(undefined);
        return 1;
      }
    `,
    // A method called on something that may be a promise: the author expects more than the types show.
    `
      declare const element: string | Promise<string>;
      export async function render() {
        return await element.toString();
      }
    `,
    // An executor that hands resolve to a callback settles later: real waiting.
    `
      declare function onReady(callback: () => void): void;
      export async function ready() {
        return await new Promise<number>((resolve) => {
          onReady(() => resolve(1));
          resolve(0);
        });
      }
    `,
    // A method of the program's own interface declared void: an implementation may be async.
    `
      interface AuditLog { record(event: string): void }
      export async function close(log: AuditLog) {
        await log.record('closed');
      }
    `,
    // A type assertion in the operand: the author overrode the checker (the value may be a promise at run time).
    `
      type Html = string & { isEscaped: true };
      export async function render(part: unknown) {
        return await (part as Html).toString();
      }
    `,
    // A void method that a subclass overrides with an async one: the await may be waiting for it.
    `
      class Reporter {
        flush(): void {}
      }
      export class RemoteReporter extends Reporter {
        override flush(): void {
          void fetch('/flush');
        }
      }
      export class QueuedReporter extends Reporter {
        override async flush(): Promise<void> {
          await fetch('/queue');
        }
      }
      export async function close(reporter: Reporter) {
        await reporter.flush();
      }
    `,
    // An index signature may hold a callable `then`: not certainly a plain value.
    `
      declare const handlers: Record<string, () => void>;
      export async function f() {
        await handlers;
      }
    `,
    // A public method that never awaits, overridden by a subclass whose version does: the call may run either.
    `
      class Loader {
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
      export async function f(loader: Loader) {
        return await loader.load();
      }
    `,
    // `any` may hold a promise: the rule needs certainty.
    `
        declare const value: any;
        export async function f() {
          return await value;
        }
    `,
    // `unknown` may hold a promise too.
    `
        export async function f(value: unknown) {
          return await value;
        }
    `,
    // A union with a thenable member is the "sometimes async" pattern: the await is needed.
    `
        export async function f(value: number | Promise<number>) {
          return await value;
        }
    `,
    // The same union coming back from a sync function whose return type is `T | Promise<T>`.
    `
        function maybeCached(key: string): string | Promise<string> {
          return key.length > 3 ? key : Promise.resolve(key);
        }
        export async function f() {
          return await maybeCached('a');
        }
    `,
    // An unconstrained type parameter is `unknown`.
    `
        export async function f<T>(value: T) {
          return await value;
        }
    `,
    // A type parameter whose constraint admits a thenable.
    `
        export async function f<T extends number | PromiseLike<number>>(value: T) {
          return await value;
        }
    `,
    // `object` and `{}` admit promises.
    `
        export async function f(a: object, b: {}) {
          await a;
          await b;
        }
    `,
    // `await null` inside a loop yields on purpose: no-needless-async-loop's business.
    `
        export async function f(items: number[]) {
          for (const item of items) {
            console.log(item);
            await null;
          }
        }
    `,
    // `await Promise.resolve()` yields on purpose.
    `
        export async function f(items: number[]) {
          for (const item of items) {
            console.log(item);
            await Promise.resolve();
          }
        }
    `,
    // `await new Promise(setImmediate)` yields to the macrotask queue on purpose.
    `
        export async function f() {
          await new Promise(setImmediate);
        }
    `,
    // `await new Promise(r => setTimeout(r, 0))` yields to the macrotask queue on purpose.
    `
        export async function f() {
          await new Promise((r) => setTimeout(r, 0));
        }
    `,
    // `await undefined` and `await void 0` are yields too.
    `
        export async function f() {
          await undefined;
          await void 0;
        }
    `,
    // `for await` is rule 3's (no-needless-async-loop), and there is no AwaitExpression here.
    `
        export async function f() {
          for await (const value of [1, 2, 3]) {
            console.log(value);
          }
        }
    `,
    // A real async function: its body awaits.
    `
        async function load(name: string) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return name;
        }
        export async function f() {
          return await load('a');
        }
    `,
    // Its only await is a `for await`: still real async work.
    `
        async function drain(source: AsyncIterable<number>) {
          let total = 0;
          for await (const value of source) total += value;
          return total;
        }
        export async function f(source: AsyncIterable<number>) {
          return await drain(source);
        }
    `,
    // An async function without await that returns a promise is not a wrapper around sync work.
    `
        async function load(name: string) {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return name;
        }
        async function loadTwice(name: string) {
          return load(name + name);
        }
        export async function f() {
          return await loadTwice('a');
        }
    `,
    // Returns a thenable on one branch only: still not only sync work.
    `
        declare function fetchCount(): Promise<number>;
        async function count(cached: number | undefined) {
          if (cached !== undefined) return cached;
          return fetchCount();
        }
        export async function f() {
          return await count(undefined);
        }
    `,
    // A `() => void` property may hold an async function.
    `
        interface Job {
          run: () => void;
        }
        export async function f(job: Job) {
          await job.run();
        }
    `,
    // A `() => void` parameter may hold an async function.
    `
        export async function f(callback: () => void) {
          await callback();
        }
    `,
    // A `void` method signature of an interface says nothing about the implementation.
    `
        interface Handler {
          handle(): void;
        }
        export async function f(handler: Handler) {
          await handler.handle();
        }
    `,
    // An interface method returning a promise: no body to read, the type is a promise.
    `
        interface Repository {
          save(id: number): Promise<void>;
        }
        export async function f(repository: Repository) {
          await repository.save(1);
        }
    `,
    // A custom thenable class: awaiting it calls its `then`.
    `
        class Lazy {
          then(resolve: (value: number) => void) {
            setTimeout(() => resolve(1), 10);
          }
        }
        export async function f() {
          return await new Lazy();
        }
    `,
    // `PromiseLike` is thenable.
    `
        export async function f(value: PromiseLike<number>) {
          return await value;
        }
    `,
    // An object type with an optional callable `then` may be thenable.
    `
        export async function f(value: { then?: (resolve: (value: number) => void) => void }) {
          return await value;
        }
    `,
    // A local class named `Promise` is not the global: its `resolve` and executor mean something else.
    `
        export async function f() {
          class Promise<T> {
            static resolve<T>(value: T) {
              return new Promise<T>(() => value);
            }
            constructor(private readonly executor: () => T) {}
            then(resolve: (value: T) => void) {
              setTimeout(() => resolve(this.executor()), 10);
            }
          }
          await Promise.resolve(1);
          await new Promise(() => 1);
        }
    `,
    // `Promise.resolve(promise)` adopts the promise: the await waits for real work.
    `
        declare const pending: Promise<number>;
        export async function f() {
          return await Promise.resolve(pending);
        }
    `,
    // `Promise.resolve(v)` with `v: any` might adopt a promise.
    `
        declare const value: any;
        export async function f() {
          return await Promise.resolve(value);
        }
    `,
    // An executor that resolves with a promise adopts it.
    `
        declare const pending: Promise<number>;
        export async function f() {
          return await new Promise((resolve) => resolve(pending));
        }
    `,
    // The executor resolves later, from a timer: real waiting.
    `
        export async function f() {
          return await new Promise((r) => setTimeout(() => r(1), 10));
        }
    `,
    // A delay of 10 ms is a real wait, not a yield the rule can judge.
    `
        export async function f() {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
    `,
    // A `declare`d async-looking function has no body to read and returns a promise.
    `
        declare function load(name: string): Promise<string>;
        export async function f() {
          return await load('a');
        }
    `,
    // A `declare`d function returning `void` may be implemented by an async function.
    `
        declare function flush(): void;
        export async function f() {
          await flush();
        }
    `,
    // Imported from another module: really asynchronous.
    `
        import { fetchSetting } from './modules/sync-work';
        export async function f() {
          return await fetchSetting('a');
        }
    `,
    // SettingsStore#load returns the promise of a really async function.
    `
        import { SettingsStore } from './modules/sync-work';
        export async function f(store: SettingsStore) {
          return await store.load('a');
        }
    `,
    // Declared only in the other module: no body to read.
    `
        import { externalLookup } from './modules/sync-work';
        export async function f() {
          return await externalLookup('a');
        }
    `,
    // Overload resolution picks the signature returning a promise (a sync function, so no wrapper either).
    `
        function read(kind: 'cached'): number;
        function read(kind: 'remote'): Promise<number>;
        function read(kind: 'cached' | 'remote'): number | Promise<number> {
          return kind === 'cached' ? 1 : Promise.resolve(2);
        }
        export async function f() {
          return await read('remote');
        }
    `,
    // A generic call instantiated with a promise returns a promise.
    `
        function identity<T>(value: T): T {
          return value;
        }
        declare const pending: Promise<number>;
        export async function f() {
          return await identity(pending);
        }
    `,
    // A generic async function returning its type parameter: the body's return is not certainly sync.
    `
        async function pass<T>(value: T) {
          return value;
        }
        declare const pending: Promise<number>;
        export async function f() {
          return await pass(pending);
        }
    `,
    // The async wrapper is called without await: nothing to report here (no-needless-async's business).
    `
        async function double(value: number) {
          return value * 2;
        }
        export function f() {
          return double(2);
        }
    `,
    // An async generator's `next()` is a real promise.
    `
        async function* numbers() {
          yield 1;
        }
        export async function f() {
          return await numbers().next();
        }
    `,
    // A parameter typed `typeof log` may hold an async function: its `void` is not certain.
    `
        function log(): void {}
        export async function f(callback: typeof log) {
          await callback();
        }
    `,
    // A `let` may be reassigned to an async function, which `() => void` accepts.
    `
        let log = (): void => {};
        export function replaceLog(next: () => Promise<void>) {
          log = next;
        }
        export async function f() {
          await log();
        }
    `,
    // A public `void` method may be overridden by an async one.
    `
        class Base {
          run(): void {}
        }
        export class Sub extends Base {
          override async run(): Promise<void> {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        }
        export async function f(base: Base) {
          await base.run();
        }
    `,
    // An exported `let` may be reassigned (here by `setReporter`) to an async function.
    `
        import { report } from './modules/trivial-await';
        export async function f() {
          await report('done');
        }
    `,
    // An object literal's method can be replaced by an async function.
    `
        const logger = {
          log(message: string): void {
            console.log(message);
          },
        };
        export async function f() {
          await logger.log('done');
        }
    `,
    // `Promise.resolve` adopts whatever a `() => void` callback really returns, maybe a promise.
    `
        export async function f(callback: () => void) {
          await Promise.resolve(callback());
          await new Promise((resolve) => resolve(callback()));
        }
    `,
    // TSX: a real promise.
    {
      code: `
        import { fetchSetting } from './modules/sync-work';
        export async function Label() {
          return <span>{await fetchSetting('a')}</span>;
        }
      `,
      ...tsx,
    },
    // TSX: an unconstrained type parameter of a generic arrow.
    {
      code: `
        export const unwrap = async <T,>(value: T) => await value;
      `,
      ...tsx,
    },
  ],
  invalid: [
    // An executor that computes synchronously and then resolves: reported, but no expression can replace it.
    {
      code: `
        export async function total(values: number[]) {
          return await new Promise<number>((resolve) => {
            let sum = 0;
            for (const value of values) sum += value;
            resolve(sum);
          });
        }
      `,
      output: null,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // A block comment between `await` and its operand stays.
    {
      code: `
        export async function f(n: number) {
          return await /* already a number */ n;
        }
      `,
      output: `
        export async function f(n: number) {
          return /* already a number */ n;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // A namespace import is a fixed binding: `settings.readSetting` can only be that function.
    {
      code: `
        import * as settings from './modules/sync-work';
        export async function f() {
          await settings.readSetting('mode');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'settings.readSetting' },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAwait',
              data: { name: 'settings.readSetting' },
              output: `
        import * as settings from './modules/sync-work';
        export async function f() {
          settings.readSetting('mode');
        }
      `,
            },
          ],
        },
      ],
    },
    // An empty async function is an async wrapper around no work at all.
    {
      code: `
        async function warmUp() {}
        export async function start() {
          await warmUp();
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'warmUp' },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'warmUp' },
              output: `
        function warmUp() {}
        export async function start() {
          warmUp();
        }
      `,
            },
            {
              messageId: 'removeAwait',
              data: { name: 'warmUp' },
              output: `
        async function warmUp() {}
        export async function start() {
          warmUp();
        }
      `,
            },
          ],
        },
      ],
    },
    // console.log is declared by the library and returns void: nothing to wait for.
    {
      code: `
        export async function done() {
          await console.log('done');
        }
      `,
      output: `
        export async function done() {
          console.log('done');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 11, endLine: 3, endColumn: 16 }],
    },
    // An optional call of a private async wrapper is still a call of that wrapper.
    {
      code: `
        export class Prices {
          private async total(values: number[]) {
            return values.reduce((sum, value) => sum + value, 0);
          }
          async report(values: number[]) {
            return await this.total?.(values);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'this.total' },
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'this.total' },
              output: `
        export class Prices {
          private total(values: number[]) {
            return values.reduce((sum, value) => sum + value, 0);
          }
          async report(values: number[]) {
            return this.total?.(values);
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // A void method of a class that nothing overrides: there is nothing to wait for.
    {
      code: `
        class Reporter {
          flush(): void {
            console.log('flushed');
          }
        }
        export async function close(reporter: Reporter) {
          await reporter.flush();
        }
      `,
      output: `
        class Reporter {
          flush(): void {
            console.log('flushed');
          }
        }
        export async function close(reporter: Reporter) {
          reporter.flush();
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 8, column: 11, endLine: 8, endColumn: 16 }],
    },
    // Imported class method that no class of the program overrides (SettingsStore#get), awaited as a statement.
    {
      code: `
        import { SettingsStore } from './modules/sync-work';
        export async function f(store: SettingsStore) {
          await store.get('mode');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'store.get' },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAwait',
              data: { name: 'store.get' },
              output: `
        import { SettingsStore } from './modules/sync-work';
        export async function f(store: SettingsStore) {
          store.get('mode');
        }
      `,
            },
          ],
        },
      ],
    },
    // An object literal that only starts the awaited expression still needs parentheses at statement start.
    {
      code: `
        export async function f() {
          await {a: 1}.a;
        }
      `,
      output: `
        export async function f() {
          ({a: 1}.a);
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 11, endLine: 3, endColumn: 16 }],
    },
    // Without semicolons, a parenthesised operand must not continue the line before.
    {
      code: `
        export async function f(c: number, d: number) {
          const a = c
          await (c || d)
          return a
        }
      `,
      output: `
        export async function f(c: number, d: number) {
          const a = c
          ;(c || d)
          return a
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 4, column: 11, endLine: 4, endColumn: 16 }],
    },
    // An array of promises: removing the await would keep behaviour but hide the missing Promise.all.
    {
      code: `
        export async function f(first: Promise<number>, second: Promise<number>) {
          const [a, b] = await [first, second];
          return a + b;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfPromiseArray',
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'useAwaitAll',
              output: `
        export async function f(first: Promise<number>, second: Promise<number>) {
          const [a, b] = await Promise.all([first, second]);
          return a + b;
        }
      `,
            },
          ],
        },
      ],
    },
    // A number.
    {
      code: `
        export async function f(count: number) {
          return await count;
        }
      `,
      output: `
        export async function f(count: number) {
          return count;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // A string, with the name and type in the message.
    {
      code: `
        export async function f(name: string) {
          const upper = (await name).toUpperCase();
          return upper;
        }
      `,
      output: `
        export async function f(name: string) {
          const upper = (name).toUpperCase();
          return upper;
        }
      `,
      errors: [
        {
          messageId: 'awaitOfNonThenable',
          data: { name: 'name', type: 'string' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 31,
        },
      ],
    },
    // An object type without `then`.
    {
      code: `
        interface User {
          id: number;
          name: string;
        }
        export async function f(user: User) {
          const { id } = await user;
          return id;
        }
      `,
      output: `
        interface User {
          id: number;
          name: string;
        }
        export async function f(user: User) {
          const { id } = user;
          return id;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 7, column: 26, endLine: 7, endColumn: 31 }],
    },
    // An object whose `then` is not callable is not thenable.
    {
      code: `
        export async function f(step: { then: string }) {
          return await step;
        }
      `,
      output: `
        export async function f(step: { then: string }) {
          return step;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // An array of non-thenables.
    {
      code: `
        export async function f(values: number[]) {
          for (const value of await values) console.log(value);
        }
      `,
      output: `
        export async function f(values: number[]) {
          for (const value of values) console.log(value);
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 31, endLine: 3, endColumn: 36 }],
    },
    // Literals: a number, a string and an array literal, each reported.
    {
      code: `
        export async function f() {
          const a = await 42;
          const b = await 'text';
          const c = await [1, 2];
          return [a, b, c];
        }
      `,
      output: `
        export async function f() {
          const a = 42;
          const b = 'text';
          const c = [1, 2];
          return [a, b, c];
        }
      `,
      errors: [
        { messageId: 'awaitOfNonThenable', line: 3, column: 21, endLine: 3, endColumn: 26 },
        { messageId: 'awaitOfNonThenable', line: 4, column: 21, endLine: 4, endColumn: 26 },
        { messageId: 'awaitOfNonThenable', line: 5, column: 21, endLine: 5, endColumn: 26 },
      ],
    },
    // `void` from a call of a local synchronous function.
    {
      code: `
        function log(message: string): void {
          console.log(message);
        }
        export async function f() {
          await log('done');
        }
      `,
      output: `
        function log(message: string): void {
          console.log(message);
        }
        export async function f() {
          log('done');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 6, column: 11, endLine: 6, endColumn: 16 }],
    },
    // `void` from a local synchronous arrow bound to a `const`.
    {
      code: `
        const log = (message: string): void => console.log(message);
        export async function f() {
          await log('done');
        }
      `,
      output: `
        const log = (message: string): void => console.log(message);
        export async function f() {
          log('done');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 4, column: 11, endLine: 4, endColumn: 16 }],
    },
    // `void` from an imported synchronous function (resolved through the import alias).
    {
      code: `
        import { logLine } from './modules/trivial-await';
        export async function f() {
          await logLine('done');
        }
      `,
      output: `
        import { logLine } from './modules/trivial-await';
        export async function f() {
          logLine('done');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 4, column: 11, endLine: 4, endColumn: 16 }],
    },
    // `void` from private methods, which no override can replace.
    {
      code: `
        export class Job {
          private log(message: string): void {
            console.log(message);
          }
          #flush(): void {}
          async run() {
            await this.log('start');
            await this.#flush();
          }
        }
      `,
      output: `
        export class Job {
          private log(message: string): void {
            console.log(message);
          }
          #flush(): void {}
          async run() {
            this.log('start');
            this.#flush();
          }
        }
      `,
      errors: [
        { messageId: 'awaitOfNonThenable', line: 8, column: 13, endLine: 8, endColumn: 18 },
        { messageId: 'awaitOfNonThenable', line: 9, column: 13, endLine: 9, endColumn: 18 },
      ],
    },
    // A type parameter constrained to a non-thenable is judged by its constraint.
    {
      code: `
        export async function f<T extends { id: number }>(entity: T) {
          return await entity;
        }
      `,
      output: `
        export async function f<T extends { id: number }>(entity: T) {
          return entity;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // Overload resolution picks the signature returning a number.
    {
      code: `
        function read(kind: 'cached'): number;
        function read(kind: 'remote'): Promise<number>;
        function read(kind: 'cached' | 'remote'): number | Promise<number> {
          return kind === 'cached' ? 1 : Promise.resolve(2);
        }
        export async function f() {
          return await read('cached');
        }
      `,
      output: `
        function read(kind: 'cached'): number;
        function read(kind: 'remote'): Promise<number>;
        function read(kind: 'cached' | 'remote'): number | Promise<number> {
          return kind === 'cached' ? 1 : Promise.resolve(2);
        }
        export async function f() {
          return read('cached');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 8, column: 18, endLine: 8, endColumn: 23 }],
    },
    // A generic call instantiated with a number returns a number.
    {
      code: `
        function identity<T>(value: T): T {
          return value;
        }
        export async function f() {
          return await identity(1);
        }
      `,
      output: `
        function identity<T>(value: T): T {
          return value;
        }
        export async function f() {
          return identity(1);
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 6, column: 18, endLine: 6, endColumn: 23 }],
    },
    // `await Promise.resolve(v)` unwraps to `v`.
    {
      code: `
        export async function f(value: number) {
          const result = await Promise.resolve(value);
          return result;
        }
      `,
      output: `
        export async function f(value: number) {
          const result = value;
          return result;
        }
      `,
      errors: [
        {
          messageId: 'awaitOfResolvedValue',
          data: { name: 'Promise.resolve(value)' },
          line: 3,
          column: 26,
          endLine: 3,
          endColumn: 31,
        },
      ],
    },
    // `await new Promise(r => r(v))` unwraps to `v`.
    {
      code: `
        export async function f(value: string) {
          return await new Promise((r) => r(value));
        }
      `,
      output: `
        export async function f(value: string) {
          return value;
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // A block-bodied executor whose only statement resolves with a value.
    {
      code: `
        export async function f(value: number) {
          return await new Promise<number>((resolve) => {
            resolve(value);
          });
        }
      `,
      output: `
        export async function f(value: number) {
          return value;
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // Precedence: the unwrapped `a || b` needs parentheses under `+`.
    {
      code: `
        export async function f(x: number, a: number, b: number) {
          return x + await Promise.resolve(a || b);
        }
      `,
      output: `
        export async function f(x: number, a: number, b: number) {
          return x + (a || b);
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 22, endLine: 3, endColumn: 27 }],
    },
    // Precedence: the unwrapped value is the object of a member access.
    {
      code: `
        export async function f(a: number | undefined, b: number) {
          return (await Promise.resolve(a ?? b)).toFixed(2);
        }
      `,
      output: `
        export async function f(a: number | undefined, b: number) {
          return (a ?? b).toFixed(2);
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 19, endLine: 3, endColumn: 24 }],
    },
    // Precedence: a sum resolved by a `function` executor keeps its parentheses under `*`.
    {
      code: `
        export async function f(x: number, a: number, b: number) {
          return x * await new Promise<number>(function (resolve) {
            resolve(a + b);
          });
        }
      `,
      output: `
        export async function f(x: number, a: number, b: number) {
          return x * (a + b);
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 22, endLine: 3, endColumn: 27 }],
    },
    // A call argument takes any expression: no parentheses added; explicit type arguments go with the call.
    {
      code: `
        export async function f(a: number, b: number) {
          return Math.max(await Promise.resolve<number>(a - b), 0);
        }
      `,
      output: `
        export async function f(a: number, b: number) {
          return Math.max(a - b, 0);
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 27, endLine: 3, endColumn: 32 }],
    },
    // The operand's own parentheses stay.
    {
      code: `
        export async function f(flag: boolean, a: string, b: string) {
          return await (flag ? a : b);
        }
      `,
      output: `
        export async function f(flag: boolean, a: string, b: string) {
          return (flag ? a : b);
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 18, endLine: 3, endColumn: 23 }],
    },
    // `**` needs the parentheses that were already around the await.
    {
      code: `
        export async function f(base: number) {
          return (await base) ** 2;
        }
      `,
      output: `
        export async function f(base: number) {
          return (base) ** 2;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 19, endLine: 3, endColumn: 24 }],
    },
    // An unwrapped object literal as a statement gets parentheses.
    {
      code: `
        export async function f() {
          await Promise.resolve({ a: 1 });
        }
      `,
      output: `
        export async function f() {
          ({ a: 1 });
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 11, endLine: 3, endColumn: 16 }],
    },
    // `yield await` in an async generator: yield already awaits.
    {
      code: `
        export async function* f(values: number[]) {
          for (const value of values) yield await value;
        }
      `,
      output: `
        export async function* f(values: number[]) {
          for (const value of values) yield value;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 45, endLine: 3, endColumn: 50 }],
    },
    // Signs: `-await -x` must become `- -x`, never the decrement `--x`.
    {
      code: `
        export async function f(x: number) {
          return -await -x;
        }
      `,
      output: `
        export async function f(x: number) {
          return - -x;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 19, endLine: 3, endColumn: 24 }],
    },
    // An object literal as a statement needs parentheses, or it would be a block.
    {
      code: `
        export async function f() {
          await {a: 1};
        }
      `,
      output: `
        export async function f() {
          ({a: 1});
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 11, endLine: 3, endColumn: 16 }],
    },
    // An object literal as an arrow body needs parentheses, or it would be a block.
    {
      code: `
        export const f = async () => await {a: 1};
      `,
      output: `
        export const f = async () => ({a: 1});
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 2, column: 38, endLine: 2, endColumn: 43 }],
    },
    // Two trivial awaits in one expression: both reported, both fixed.
    {
      code: `
        export async function f(a: number, b: number) {
          return await a + await b;
        }
      `,
      output: `
        export async function f(a: number, b: number) {
          return a + b;
        }
      `,
      errors: [
        { messageId: 'awaitOfNonThenable', line: 3, column: 18, endLine: 3, endColumn: 23 },
        { messageId: 'awaitOfNonThenable', line: 3, column: 28, endLine: 3, endColumn: 33 },
      ],
    },
    // A local async function that never awaits, awaited as a statement: both suggestions.
    {
      code: `
        async function save(value: number) {
          console.log(value);
        }
        export async function f() {
          await save(1);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'save' },
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'save' },
              output: `
        function save(value: number) {
          console.log(value);
        }
        export async function f() {
          save(1);
        }
      `,
            },
            {
              messageId: 'removeAwait',
              data: { name: 'save' },
              output: `
        async function save(value: number) {
          console.log(value);
        }
        export async function f() {
          save(1);
        }
      `,
            },
          ],
        },
      ],
    },
    // The result is used: only making the callee synchronous keeps the type; `Promise<T>` becomes `T`.
    {
      code: `
        async function double(value: number): Promise<number> {
          return value * 2;
        }
        export async function f() {
          const result = await double(2);
          return result;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 6,
          column: 26,
          endLine: 6,
          endColumn: 31,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              output: `
        function double(value: number): number {
          return value * 2;
        }
        export async function f() {
          const result = double(2);
          return result;
        }
      `,
            },
          ],
        },
      ],
    },
    // An async arrow bound to a `const`; its only await is inside a nested function, which does not count.
    {
      code: `
        declare function persist(value: number): Promise<void>;
        const total = async (values: number[]) => {
          values.forEach(async (value) => {
            await persist(value);
          });
          return values.length;
        };
        export async function f() {
          return await total([1]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              output: `
        declare function persist(value: number): Promise<void>;
        const total = (values: number[]) => {
          values.forEach(async (value) => {
            await persist(value);
          });
          return values.length;
        };
        export async function f() {
          return total([1]);
        }
      `,
            },
          ],
        },
      ],
    },
    // A private method that never awaits: no override can replace it.
    {
      code: `
        class Counter {
          private count = 0;
          private async increment() {
            this.count += 1;
            return this.count;
          }
          async next() {
            return await this.increment();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'this.increment' },
          line: 9,
          column: 20,
          endLine: 9,
          endColumn: 25,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              output: `
        class Counter {
          private count = 0;
          private increment() {
            this.count += 1;
            return this.count;
          }
          async next() {
            return this.increment();
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // Imported async wrapper, awaited as a statement: the callee is in another file, so only `removeAwait`.
    {
      code: `
        import { readSetting } from './modules/sync-work';
        export async function f() {
          await readSetting('mode');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'readSetting' },
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'removeAwait',
              output: `
        import { readSetting } from './modules/sync-work';
        export async function f() {
          readSetting('mode');
        }
      `,
            },
          ],
        },
      ],
    },
    // Imported async arrow with a concise body.
    {
      code: `
        import { computeTotal } from './modules/sync-work';
        export async function f() {
          return await computeTotal([1, 2]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'computeTotal' },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // TSX: a string awaited inside a JSX expression container.
    {
      code: `
        export async function Label(props: { text: string }) {
          return <span>{await props.text}</span>;
        }
      `,
      output: `
        export async function Label(props: { text: string }) {
          return <span>{props.text}</span>;
        }
      `,
      ...tsx,
      errors: [{ messageId: 'awaitOfNonThenable', line: 3, column: 25, endLine: 3, endColumn: 30 }],
    },
    // TSX: a generic arrow whose type parameter is constrained to `string`.
    {
      code: `
        export const shout = async <T extends string,>(text: T) => (await text).toUpperCase();
      `,
      output: `
        export const shout = async <T extends string,>(text: T) => (text).toUpperCase();
      `,
      ...tsx,
      errors: [{ messageId: 'awaitOfNonThenable', line: 2, column: 69, endLine: 2, endColumn: 74 }],
    },
    // TSX: an imported async wrapper.
    {
      code: `
        import { readSetting } from './modules/sync-work';
        export async function Setting() {
          return <span>{await readSetting('mode')}</span>;
        }
      `,
      output: null,
      ...tsx,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          data: { name: 'readSetting' },
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
  ],
});

// Cases found by writing tests from the catalogue alone, against the built rule.
ruleTester.run('no-trivial-await: callbacks, dispatch and fixes that keep types', rule, {
  valid: [
    // A `void` inferred for a type parameter came from a callback, which may be async.
    `
      function withTiming<R>(label: string, work: () => R): R {
        console.time(label);
        return work();
      }
      declare const onSave: () => void;
      export async function save() {
        await withTiming('save', onSave);
      }
    `,
    // `Function.prototype.call` returns its callee's `R`: the same doubt.
    `
      declare const step: () => void;
      export async function run() {
        await step.call(undefined);
      }
    `,
    // A `then` typed `Function`, `object` or a type parameter may be callable at run time.
    `
      interface LegacyDeferred { then: Function }
      declare const deferred: LegacyDeferred;
      export async function settle() {
        return await deferred;
      }
    `,
    `
      export async function unbox<T>(box: { then: T }) {
        return await box;
      }
    `,
    // A mixin may override `commit` on any class: the call may run an async override.
    `
      class Job {
        commit(): void {}
      }
      type JobClass = new (...args: any[]) => Job;
      export function Retrying<TBase extends JobClass>(Base: TBase) {
        return class extends Base {
          override async commit() {
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
        };
      }
      export async function finish(job: Job) {
        await job.commit();
      }
    `,
    // A decorator may replace the method with an async function.
    `
      declare function logged(target: object, key: string, descriptor: PropertyDescriptor): void;
      export class Audit {
        @logged
        record(event: string): void {
          console.log(event);
        }
      }
      export async function audit(audit: Audit) {
        await audit.record('login');
      }
    `,
    // A union receiver runs whichever class the value has; only one of them is synchronous.
    `
      class LocalStore {
        async read(key: string) {
          return key.length;
        }
      }
      class RemoteStore {
        async read(key: string) {
          return await fetch(key).then((response) => response.status);
        }
      }
      export async function read(store: LocalStore | RemoteStore) {
        return await store.read('k');
      }
    `,
    // A string-literal method name is overridden by the plain name.
    `
      class Cursor {
        async 'next'() {
          return 1;
        }
      }
      export class RemoteCursor extends Cursor {
        override async next() {
          return await fetch('/next').then((response) => response.status);
        }
      }
      export async function advance(cursor: Cursor) {
        return await cursor.next();
      }
    `,
    // Near-miss: one branch is a callback typed `() => void`, which may hold an async function.
    `
      function logA(): void {}
      export async function f(flag: boolean, onDone: () => void) {
        await (flag ? logA() : onDone());
      }
    `,
    // A subclass of the program makes the builder thenable: `where(): this` may return it.
    `
      export class Builder {
        where(column: string): this {
          console.log(column);
          return this;
        }
      }
      export class QueryBuilder extends Builder {
        then(onFulfilled: (rows: string[]) => void) {
          onFulfilled(['row']);
        }
      }
      export async function rows(builder: Builder) {
        return await builder.where('id');
      }
    `,
    // A synchronous function that returns its callback's result hands back the callback's promise.
    `
      let tenant: string | undefined;
      function withTenant(name: string, work: () => void): void {
        tenant = name;
        try {
          return work();
        } finally {
          tenant = undefined;
        }
      }
      export async function handle() {
        await withTenant('acme', async () => {
          await fetch('/save');
        });
        return tenant;
      }
    `,
    // The callback's result handed back one call further: `passthrough` returns what `invoke` returns.
    `
      function invoke(callback: () => void): void {
        return callback();
      }
      function passthrough(callback: () => void): void {
        return invoke(callback);
      }
      export async function save(write: () => Promise<void>) {
        await passthrough(write);
      }
    `,
    // A recursive function asks about itself: left alone, and no endless loop.
    `
      function countdown(n: number): void {
        if (n > 0) return countdown(n - 1);
      }
      export async function start() {
        await countdown(3);
      }
    `,
    // A return type computed from a type parameter (`ReturnType<F>`) comes from the callback too.
    `
      type AnyFunction = (...args: never[]) => unknown;
      function traced<F extends AnyFunction>(name: string, work: F): ReturnType<F> {
        console.log(name);
        return work() as ReturnType<F>;
      }
      declare const onSave: () => void;
      export async function save() {
        await traced('save', onSave);
      }
    `,
    // A server action: every call from the client is a network round trip, and it must be async.
    `
      'use server';
      const todos: string[] = [];
      export async function addTodo(text: string) {
        todos.push(text);
        return todos.length;
      }
      export async function submit(text: string) {
        return await addTodo(text);
      }
    `,
    // A class used as an interface: an implementation may do the real asynchronous work.
    `
      export class LocalRepository {
        async findAll() {
          return ['local'];
        }
      }
      export class RemoteRepository implements LocalRepository {
        async findAll() {
          return await fetch('/all').then(() => ['remote']);
        }
      }
      export async function list(repository: LocalRepository) {
        return await repository.findAll();
      }
    `,
    // A deliberate flush: resolving with nothing, however it is spelled, is a yield.
    `
      export async function drain(queue: string[]) {
        while (queue.length > 0) {
          console.log(queue.shift());
          await new Promise((resolve) => resolve(undefined));
          await new Promise((resolve) => resolve(null));
        }
      }
    `,
    // The executor hands a function to a timer: asynchronous work starts inside it.
    `
      function flushLater(): void {}
      export async function withTimer(value: number) {
        return await new Promise<number>((resolve) => {
          setTimeout(flushLater, 10);
          resolve(value);
        });
      }
    `,
  ],
  invalid: [
    // A `}` that ends an object literal: without `;` the next line would index it.
    {
      code: `
        export async function f() {
          const cfg = { n: 1 }
          await [cfg].forEach((c) => console.log(c.n))
        }
      `,
      output: `
        export async function f() {
          const cfg = { n: 1 }
          ;[cfg].forEach((c) => console.log(c.n))
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 4, column: 11, endLine: 4, endColumn: 16 }],
    },
    // The body of an `if` starts fresh: a `;` there would become the body itself.
    {
      code: `
        declare const out: Console | undefined;
        export async function f(flag: boolean) {
          if (flag) await (out ?? console).log('x');
          else await [1].forEach((n) => console.log(n));
        }
      `,
      output: `
        declare const out: Console | undefined;
        export async function f(flag: boolean) {
          if (flag) (out ?? console).log('x');
          else [1].forEach((n) => console.log(n));
        }
      `,
      errors: [
        { messageId: 'awaitOfNonThenable', line: 4, column: 21, endLine: 4, endColumn: 26 },
        { messageId: 'awaitOfNonThenable', line: 5, column: 16, endLine: 5, endColumn: 21 },
      ],
    },
    // `Promise.resolve<T>(v)` keeps its `T`: the variable stays a `number | null`.
    {
      code: `
        export async function f() {
          let current = await Promise.resolve<number | null>(0);
          current = null;
          return current;
        }
      `,
      output: `
        export async function f() {
          let current = (0 as number | null);
          current = null;
          return current;
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 25, endLine: 3, endColumn: 30 }],
    },
    // Without a type argument, a const would narrow from `string` to the literal: reported, not fixed.
    {
      code: `
        export async function f() {
          const status = await Promise.resolve('idle');
          return status === 'busy';
        }
      `,
      output: null,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 26, endLine: 3, endColumn: 31 }],
    },
    // Both branches are calls of synchronous functions of the program: their `void` is certain.
    {
      code: `
        function logA(): void {}
        function logB(): void {}
        export async function f(flag: boolean) {
          await (flag ? logA() : logB());
        }
      `,
      output: `
        function logA(): void {}
        function logB(): void {}
        export async function f(flag: boolean) {
          (flag ? logA() : logB());
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 5, column: 11, endLine: 5, endColumn: 16 }],
    },
    // Near-miss: no class of the program makes the builder thenable.
    {
      code: `
        export class Builder {
          where(column: string): this {
            console.log(column);
            return this;
          }
        }
        export async function rows(builder: Builder) {
          return await builder.where('id');
        }
      `,
      output: `
        export class Builder {
          where(column: string): this {
            console.log(column);
            return this;
          }
        }
        export async function rows(builder: Builder) {
          return builder.where('id');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 9, column: 18, endLine: 9, endColumn: 23 }],
    },
    // A mixin over another base does not stand in for this class: its `send` is still this one.
    {
      code: `
        class Job {
          commit(): void {}
        }
        export function Retrying<TBase extends new (...args: any[]) => Job>(Base: TBase) {
          return class extends Base {
            async send() {
              await new Promise((resolve) => setTimeout(resolve, 10));
            }
          };
        }
        export class Notifier {
          send(): void {}
        }
        export async function notify(notifier: Notifier) {
          await notifier.send();
        }
      `,
      output: `
        class Job {
          commit(): void {}
        }
        export function Retrying<TBase extends new (...args: any[]) => Job>(Base: TBase) {
          return class extends Base {
            async send() {
              await new Promise((resolve) => setTimeout(resolve, 10));
            }
          };
        }
        export class Notifier {
          send(): void {}
        }
        export async function notify(notifier: Notifier) {
          notifier.send();
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 16, column: 11, endLine: 16, endColumn: 16 }],
    },
    // `a /await /re/` must not become `a //re/`, a line comment.
    {
      code: `
        export async function ratio(total: number) {
          return total /await Promise.resolve(/ab+c/.source.length);
        }
      `,
      output: `
        export async function ratio(total: number) {
          return total / /ab+c/.source.length;
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 25, endLine: 3, endColumn: 30 }],
    },
    // A line comment inside the awaited call stays, ending its own line.
    {
      code: `
        export async function port() {
          const value = await Promise.resolve( // from the environment
            Number('8080'),
          );
          return value;
        }
      `,
      output: `
        export async function port() {
          const value = // from the environment
Number('8080');
          return value;
        }
      `,
      errors: [{ messageId: 'awaitOfResolvedValue', line: 3, column: 25, endLine: 3, endColumn: 30 }],
    },
    // Constants that refer to each other (a type error while editing) are followed a few steps, not forever.
    {
      code: `
        // @ts-expect-error used before its declaration
        const first: number = second;
        const second: number = first;
        export async function f() {
          return await first;
        }
      `,
      output: `
        // @ts-expect-error used before its declaration
        const first: number = second;
        const second: number = first;
        export async function f() {
          return first;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 6, column: 18, endLine: 6, endColumn: 23 }],
    },
    // `(await obj.method)()` calls the method without `this`; `(obj.method)()` would bind it: no fix.
    {
      code: `
        class Formatter {
          prefix = '>';
          get(): string {
            return this?.prefix ?? 'no this';
          }
        }
        export async function f(formatter: Formatter) {
          return (await formatter.get)();
        }
      `,
      output: null,
      errors: [{ messageId: 'awaitOfNonThenable', line: 9, column: 19, endLine: 9, endColumn: 24 }],
    },
    // Near-miss: a synchronous helper that returns another synchronous helper's `void`.
    {
      code: `
        function logLine(text: string): void {
          console.log(text);
        }
        function logTwice(text: string): void {
          logLine(text);
          return logLine(text);
        }
        export async function f() {
          await logTwice('x');
        }
      `,
      output: `
        function logLine(text: string): void {
          console.log(text);
        }
        function logTwice(text: string): void {
          logLine(text);
          return logLine(text);
        }
        export async function f() {
          logTwice('x');
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 10, column: 11, endLine: 10, endColumn: 16 }],
    },
    // An `any[]` is no promise, but its elements might be: reported without a fix.
    {
      code: `
        export async function f(text: string) {
          const rows: any[] = JSON.parse(text);
          return await rows;
        }
      `,
      output: null,
      errors: [{ messageId: 'awaitOfNonThenable', line: 4, column: 18, endLine: 4, endColumn: 23 }],
    },
  ],
});

ruleTester.run('no-trivial-await: narrowed types that are no certainty', rule, {
  valid: [
    // A `let` assigned inside a callback: control flow does not follow the write, the `undefined` at the await is no fact.
    `
      export async function run() {
        let completing;
        const outer = new Promise<void>((resolve2) => {
          completing = new Promise<void>((resolve) => {
            setTimeout(resolve, 5);
          });
          resolve2();
        });
        await outer;
        await completing;
      }
    `,
    // The same doubt for the value of `Promise.resolve(v)`.
    `
      declare function onReady(callback: () => void): void;
      export async function f() {
        let ready;
        onReady(() => {
          ready = fetch('/ready');
        });
        return await Promise.resolve(ready);
      }
    `,
    // The same doubt for `r(v)` in an executor (there the checker itself gives up the narrowing, as in every closure).
    `
      declare function onReady(callback: () => void): void;
      export async function f() {
        let ready: Promise<Response> | undefined;
        onReady(() => {
          ready = fetch('/ready');
        });
        return await new Promise((resolve) => resolve(ready));
      }
    `,
    // A parameter that a callback assigns: only its declared type counts, and that may be a promise.
    `
      declare function onReady(callback: () => void): void;
      export async function f(value: number | Promise<number>) {
        onReady(() => {
          value = fetch('/d').then((response) => response.status);
        });
        if (typeof value === 'number') return await value;
        return 0;
      }
    `,
    // The function summary asks the same: `load` returns what the callback assigned, maybe a promise.
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
    // A property stays narrowed across calls that may assign it: `kick()` may have set `pending`.
    `
      export class Worker {
        pending: Promise<void> | undefined;
        kick(): void {
          this.pending = fetch('/kick').then(() => undefined);
        }
        async run() {
          this.pending = undefined;
          this.kick();
          await this.pending;
        }
      }
    `,
  ],
  invalid: [
    // Near-miss: the variable a callback writes is a `number` whatever it holds: its declared type is certain.
    {
      code: `
        export async function f(items: number[]) {
          let total = 0;
          items.forEach((item) => {
            total += item;
          });
          return await total;
        }
      `,
      output: `
        export async function f(items: number[]) {
          let total = 0;
          items.forEach((item) => {
            total += item;
          });
          return total;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 7, column: 18, endLine: 7, endColumn: 23 }],
    },
    // Near-miss: a callback only reads the `let`; control flow sees every write.
    {
      code: `
        declare function onReady(callback: () => void): void;
        export async function f() {
          let label;
          label = 'ready';
          onReady(() => console.log(label));
          return await label;
        }
      `,
      output: `
        declare function onReady(callback: () => void): void;
        export async function f() {
          let label;
          label = 'ready';
          onReady(() => console.log(label));
          return label;
        }
      `,
      errors: [{ messageId: 'awaitOfNonThenable', line: 7, column: 18, endLine: 7, endColumn: 23 }],
    },
  ],
});

ruleTester.run('no-trivial-await: promises of a public API', rule, {
  valid: [
    // A public method of an exported class that states `Promise<void>`: callers await what the API promises.
    `
      import { LockManager } from './modules/public-api';
      export async function f(manager: LockManager) {
        await manager.close();
      }
    `,
    // The same class under another name, through a re-export.
    `
      import { Locks } from './modules/public-api-index';
      export async function f(locks: Locks) {
        await locks.close();
      }
    `,
    // A function exported through an `export { … as … }` list.
    `
      import { flush } from './modules/public-api';
      export async function f() {
        await flush();
      }
    `,
    // A default export.
    `
      import shutdown from './modules/public-api';
      export async function f() {
        await shutdown();
      }
    `,
    // Exported overloads that state `Promise<number>`.
    `
      import { parseValue } from './modules/sync-work';
      export async function f() {
        return await parseValue('ff', 16);
      }
    `,
    // In the same file: an exported class's public method, called from inside the class.
    `
      export class Queue {
        async drain(): Promise<void> {
          console.log('drained');
        }
        async run() {
          await this.drain();
        }
      }
    `,
    // An exported function, an exported arrow and a function exported later in a list, each stating a promise.
    `
      export async function start(): Promise<void> {
        console.log('start');
      }
      export const stop = async (): Promise<void> => {
        console.log('stop');
      };
      async function pause(): Promise<void> {
        console.log('pause');
      }
      export { pause };
      export async function f() {
        await start();
        await stop();
        await pause();
      }
    `,
    // A class exported through a list, and a default-exported class.
    `
      class Pool {
        async end(): Promise<void> {
          console.log('end');
        }
      }
      export { Pool };
      export default class Client {
        async quit(): Promise<void> {
          console.log('quit');
        }
      }
      export async function f(pool: Pool, client: Client) {
        await pool.end();
        await client.quit();
      }
    `,
  ],
  invalid: [
    // Near-miss: the promise is stated, but not in writing (inferred): no promise of the API.
    {
      code: `
        import { LockManager } from './modules/public-api';
        export async function f(manager: LockManager) {
          return await manager.size();
        }
      `,
      output: null,
      errors: [{ messageId: 'awaitOfSyncAsyncFunction', line: 4, column: 18, endLine: 4, endColumn: 23 }],
    },
    // Near-miss: a protected method is no public API.
    {
      code: `
        export class Queue {
          protected async pause(): Promise<void> {
            console.log('paused');
          }
          async run() {
            await this.pause();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'this.pause' },
              output: `
        export class Queue {
          protected pause(): void {
            console.log('paused');
          }
          async run() {
            this.pause();
          }
        }
      `,
            },
            {
              messageId: 'removeAwait',
              data: { name: 'this.pause' },
              output: `
        export class Queue {
          protected async pause(): Promise<void> {
            console.log('paused');
          }
          async run() {
            this.pause();
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: a private method is no public API, nor is a `#private` one.
    {
      code: `
        export class Queue {
          private async stop(): Promise<void> {
            console.log('stopped');
          }
          async #halt(): Promise<void> {
            console.log('halted');
          }
          async run() {
            const stopped = await this.stop();
            const halted = await this.#halt();
            return [stopped, halted];
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 34,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'this.stop' },
              output: `
        export class Queue {
          private stop(): void {
            console.log('stopped');
          }
          async #halt(): Promise<void> {
            console.log('halted');
          }
          async run() {
            const stopped = this.stop();
            const halted = await this.#halt();
            return [stopped, halted];
          }
        }
      `,
            },
          ],
        },
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 11,
          column: 28,
          endLine: 11,
          endColumn: 33,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'this.#halt' },
              output: `
        export class Queue {
          private async stop(): Promise<void> {
            console.log('stopped');
          }
          #halt(): void {
            console.log('halted');
          }
          async run() {
            const stopped = await this.stop();
            const halted = this.#halt();
            return [stopped, halted];
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: the class that states the promise is not exported.
    {
      code: `
        class Pool {
          async end(): Promise<void> {
            console.log('end');
          }
        }
        export async function f(pool: Pool) {
          await pool.end();
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 8,
          column: 11,
          endLine: 8,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'pool.end' },
              output: `
        class Pool {
          end(): void {
            console.log('end');
          }
        }
        export async function f(pool: Pool) {
          pool.end();
        }
      `,
            },
            {
              messageId: 'removeAwait',
              data: { name: 'pool.end' },
              output: `
        class Pool {
          async end(): Promise<void> {
            console.log('end');
          }
        }
        export async function f(pool: Pool) {
          pool.end();
        }
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: an exported function whose promise is inferred, not written.
    {
      code: `
        export async function start() {
          console.log('start');
        }
        export async function f() {
          await start();
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 6,
          column: 11,
          endLine: 6,
          endColumn: 16,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'start' },
              output: `
        export function start() {
          console.log('start');
        }
        export async function f() {
          start();
        }
      `,
            },
            {
              messageId: 'removeAwait',
              data: { name: 'start' },
              output: `
        export async function start() {
          console.log('start');
        }
        export async function f() {
          start();
        }
      `,
            },
          ],
        },
      ],
    },
    // Near-miss: overloads that are not exported: resolution still goes from the signature to the implementation.
    {
      code: `
        async function parse(text: string): Promise<number>;
        async function parse(text: string, radix: number): Promise<number>;
        async function parse(text: string, radix = 10): Promise<number> {
          return Number.parseInt(text, radix);
        }
        export async function f() {
          return await parse('ff', 16);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'awaitOfSyncAsyncFunction',
          line: 8,
          column: 18,
          endLine: 8,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'makeCalleeSynchronous',
              data: { name: 'parse' },
              output: `
        function parse(text: string): number;
        function parse(text: string, radix: number): number;
        function parse(text: string, radix = 10): number {
          return Number.parseInt(text, radix);
        }
        export async function f() {
          return parse('ff', 16);
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});
