import rule from '../../src/rules/no-needless-async-loop.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-needless-async-loop', rule, {
  valid: [
    // An async generator really produces its values later: for await waits for each.
    `
      declare function readRows(): AsyncGenerator<number>;
      export async function total(): Promise<number> {
        let sum = 0;
        for await (const row of readRows()) sum += row;
        return sum;
      }
    `,
    // An array of promises: for await waits for each element in turn, on purpose.
    `
      export async function settleInOrder(pending: Promise<string>[]): Promise<void> {
        for await (const value of pending) console.log(value);
      }
    `,
    // Elements that are sometimes promises: for await waits for the ones that are.
    `
      export async function drain(values: (number | Promise<number>)[]): Promise<number> {
        let sum = 0;
        for await (const value of values) sum += value;
        return sum;
      }
    `,
    // any may be an async iterable: the rule needs certainty.
    `
      export async function drain(source: any): Promise<void> {
        for await (const chunk of source) console.log(chunk);
      }
    `,
    // void elements: a () => void callback may have returned a promise.
    `
      export async function runAll(hooks: (() => void)[]): Promise<void> {
        for await (const result of hooks.map((hook) => hook())) console.log(result);
      }
    `,
    // A Node stream is an async iterable (from @types/node).
    `
      import { Readable } from 'node:stream';
      export async function count(stream: Readable): Promise<number> {
        let chunks = 0;
        for await (const chunk of stream) chunks += chunk === null ? 0 : 1;
        return chunks;
      }
    `,
    // A callback that awaits: the map starts real asynchronous work.
    `
      import { readFile } from 'node:fs/promises';
      export async function readAll(paths: string[]): Promise<string[]> {
        return await Promise.all(paths.map(async (path) => {
          const text = await readFile(path, 'utf8');
          return text.trim();
        }));
      }
    `,
    // The callback returns an I/O promise (repo.save): the saves run concurrently.
    `
      interface Repository { save(id: number): Promise<void> }
      export async function saveAll(repo: Repository, ids: number[]): Promise<void> {
        await Promise.all(ids.map(async (id) => repo.save(id)));
      }
    `,
    // An any-typed receiver: its map may be anything.
    `
      export async function doubleAll(values: any): Promise<unknown> {
        return await Promise.all(values.map(async (value: number) => value * 2));
      }
    `,
    // Not an array: a custom map may start work of its own.
    `
      declare class Batch<T> { map<U>(fn: (item: T) => U): Iterable<U> }
      export async function doubleAll(batch: Batch<number>): Promise<number[]> {
        return await Promise.all(batch.map(async (value) => value * 2));
      }
    `,
    // A callback without async that returns promises: nothing to remove.
    `
      declare function save(id: number): Promise<void>;
      export async function saveAll(ids: number[]): Promise<void> {
        await Promise.all(ids.map((id) => save(id)));
      }
    `,
    // A callback with a for await loop waits for its source.
    `
      declare function chunks(name: string): AsyncIterable<string>;
      export async function sizes(names: string[]): Promise<number[]> {
        return await Promise.all(names.map(async (name) => {
          let size = 0;
          for await (const chunk of chunks(name)) size += chunk.length;
          return size;
        }));
      }
    `,
    // forEach with a synchronous callback: nothing is dropped.
    `
      export function logAll(names: string[]): void {
        names.forEach((name) => {
          console.log(name);
        });
      }
    `,
    // forEach of a class of the program (not an array, Set or Map): its forEach may await its callbacks.
    `
      class Queue<T> {
        readonly #items: T[] = [];
        async forEach(fn: (item: T) => Promise<void>): Promise<void> {
          for (const item of this.#items) await fn(item);
        }
      }
      declare function save(id: number): Promise<void>;
      export async function flush(queue: Queue<number>): Promise<void> {
        await queue.forEach(async (id) => {
          await save(id);
        });
      }
    `,
    // An any-typed receiver: its forEach may be anything.
    `
      declare function save(id: number): Promise<void>;
      export function saveAll(ids: any): void {
        ids.forEach(async (id: number) => {
          await save(id);
        });
      }
    `,
    // A named async function passed to forEach is not an inline async callback (left to no-misused-promises).
    `
      declare function save(id: number): Promise<void>;
      export function saveAll(ids: number[]): void {
        ids.forEach(save);
      }
    `,
    // A yield inside a loop over an array of unknown length: the loop may be long.
    `
      export async function processAll(items: string[]): Promise<number> {
        let total = 0;
        for (const item of items) {
          total += item.length;
          await new Promise((resolve) => setImmediate(resolve));
        }
        return total;
      }
    `,
    // A const array that is pushed to: its length is not known.
    `
      const queue = ['a', 'b'];
      queue.push('c');
      export async function drain(): Promise<void> {
        for (const item of queue) {
          console.log(item);
          await null;
        }
      }
    `,
    // A const array passed to a function, which may grow it.
    `
      declare function register(list: string[]): void;
      const names = ['a', 'b'];
      register(names);
      export async function greet(): Promise<void> {
        for (const name of names) {
          console.log(name);
          await Promise.resolve();
        }
      }
    `,
    // An exported const array: another module may push to it.
    `
      export const steps = ['parse', 'check'];
      export async function run(): Promise<void> {
        for (const step of steps) {
          console.log(step);
          await null;
        }
      }
    `,
    // A while loop with an unknown bound: it polls until another task sets the flag.
    `
      let done = false;
      export function finish(): void {
        done = true;
      }
      export async function waitUntilDone(): Promise<void> {
        while (!done) {
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      }
    `,
    // A while loop whose counter only moves in a branch: the loop may run any number of times.
    `
      declare function ready(): boolean;
      export async function settle(): Promise<void> {
        let settled = 0;
        while (settled < 3) {
          if (ready()) settled++;
          await new Promise(setImmediate);
        }
      }
    `,
    // A while loop with a continue that can skip the step: not bounded.
    `
      declare function ready(): boolean;
      export async function settle(): Promise<void> {
        let step = 0;
        while (step < 3) {
          await null;
          if (!ready()) continue;
          step++;
        }
      }
    `,
    // A small inner loop inside a loop of unknown length: the yields add up.
    `
      export async function render(rows: string[][]): Promise<void> {
        for (const row of rows) {
          for (const cell of [row[0], row[1]]) {
            console.log(cell);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
      }
    `,
    // Above the default smallArrayLength of 32: long enough to yield.
    `
      export async function tick(): Promise<void> {
        for (let i = 0; i < 40; i++) {
          console.log(i);
          await null;
        }
      }
    `,
    // Above a smaller smallArrayLength option.
    {
      code: `
      export async function tick(): Promise<void> {
        for (const name of ['a', 'b', 'c']) {
          console.log(name);
          await null;
        }
      }
    `,
      options: [{ smallArrayLength: 2 }],
    },
    // The yield belongs to a nested function (a timer callback), not to the loop.
    `
      export function schedule(): void {
        for (const name of ['a', 'b']) {
          setTimeout(async () => {
            await null;
            console.log(name);
          }, 10);
        }
      }
    `,
    // A real delay from node:timers/promises, not a yield: the loop waits on purpose.
    `
      import { setTimeout as delay } from 'node:timers/promises';
      export async function blink(): Promise<void> {
        for (const colour of ['red', 'green']) {
          console.log(colour);
          await delay(100);
        }
      }
    `,
    // A function of the program named setImmediate is not Node's yield.
    `
      async function setImmediate(): Promise<void> {
        await fetch('/ping');
      }
      export async function ping(): Promise<void> {
        for (const attempt of [1, 2]) {
          console.log(attempt);
          await setImmediate();
        }
      }
    `,
    // A yield inside for…in: the keys of an object are not counted.
    `
      export async function visit(record: Record<string, number>): Promise<void> {
        for (const key in record) {
          console.log(key);
          await null;
        }
      }
    `,
    // A for loop whose counter is also written in the body: its count is not known.
    `
      declare function skip(index: number): number;
      export async function scan(): Promise<void> {
        for (let i = 0; i < 3; i++) {
          i += skip(i);
          await null;
        }
      }
    `,
    // Recursion over a linked list: not index-based.
    `
      interface Node { value: string; next?: Node }
      declare function save(value: string): Promise<void>;
      export async function walk(node: Node | undefined): Promise<void> {
        if (node === undefined) return;
        await save(node.value);
        await walk(node.next);
      }
    `,
    // A retry counter that indexes a table of delays but is not compared with its length: a retry, not a walk.
    `
      import { setTimeout as delay } from 'node:timers/promises';
      const delays = [100, 200, 400];
      declare function attemptOnce(): Promise<boolean>;
      export async function retry(attempt: number): Promise<boolean> {
        if (await attemptOnce()) return true;
        if (attempt >= 3) return false;
        await delay(delays[attempt] ?? 1000);
        return retry(attempt + 1);
      }
    `,
    // Two self-calls: a tree walk (divide and conquer), not a loop.
    `
      declare function save(value: number): Promise<void>;
      export async function saveRange(items: number[], from: number, to: number): Promise<void> {
        if (from >= to || from >= items.length) return;
        await save(items[from] ?? 0);
        await saveRange(items, from + 1, to);
        await saveRange(items, to + 1, items.length);
      }
    `,
    // A synchronous recursive function: no promise per step (other rules judge recursion).
    `
      export function sum(items: number[], i = 0): number {
        if (i >= items.length) return 0;
        return (items[i] ?? 0) + sum(items, i + 1);
      }
    `,
    // The callback returns any: it may be a promise.
    `
      declare function parse(text: string): any;
      export async function parseAll(texts: string[]): Promise<unknown[]> {
        return await Promise.all(texts.map(async (text) => parse(text)));
      }
    `,
    // The callback returns the void of a () => void parameter, which may be a promise.
    `
      export async function runAll(names: string[], hook: (name: string) => void): Promise<void> {
        await Promise.all(names.map(async (name) => hook(name)));
      }
    `,
    // A typed array is not one of the collections the rule knows (array, Set, Map).
    `
      declare function send(byte: number): Promise<void>;
      export function sendAll(bytes: Uint8Array): void {
        bytes.forEach(async (byte) => {
          await send(byte);
        });
      }
    `,
    // A click whose handler schedules a render: the yield lets it happen before the next click (hono's tests).
    `
      export async function clickThrice(button: HTMLButtonElement): Promise<void> {
        for (let i = 0; i < 3; i++) {
          button.click();
          await Promise.resolve();
        }
      }
    `,
    // A property write may trigger a reactive update that the yield lets run.
    `
      export async function bump(state: { count: number }): Promise<void> {
        for (const step of [1, 2]) {
          state.count += step;
          await null;
        }
      }
    `,
    // An event emitted (node:events) may start listeners' work that the yield lets through.
    `
      import { EventEmitter } from 'node:events';
      export async function pulse(emitter: EventEmitter): Promise<void> {
        for (const name of ['start', 'stop']) {
          emitter.emit(name);
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
    `,
    // A loop of nothing but yields flushes work queued before it, on purpose.
    `
      export async function flushMicrotasks(): Promise<void> {
        for (let i = 0; i < 5; i++) await Promise.resolve();
      }
    `,
    // A call of the program's own function may queue work.
    `
      declare function step(name: string): void;
      export async function run(): Promise<void> {
        for (const name of ['a', 'b']) {
          step(name);
          await null;
        }
      }
    `,
  ],
  invalid: [
    // for await over an array of numbers.
    {
      code: `
        export async function total(prices: number[]): Promise<number> {
          let sum = 0;
          for await (const price of prices) sum += price;
          return sum;
        }
      `,
      output: `
        export async function total(prices: number[]): Promise<number> {
          let sum = 0;
          for (const price of prices) sum += price;
          return sum;
        }
      `,
      errors: [
        { messageId: 'forAwaitOfSyncIterable', line: 4, column: 15, endLine: 4, endColumn: 20 },
      ],
    },
    // for await over a Map: its entries are plain tuples.
    {
      code: `
        export async function print(counts: Map<string, number>): Promise<void> {
          for await (const [name, count] of counts) {
            console.log(name, count);
          }
        }
      `,
      output: `
        export async function print(counts: Map<string, number>): Promise<void> {
          for (const [name, count] of counts) {
            console.log(name, count);
          }
        }
      `,
      errors: [
        { messageId: 'forAwaitOfSyncIterable', line: 3, column: 15, endLine: 3, endColumn: 20 },
      ],
    },
    // for await over an as const array and over a string.
    {
      code: `
        const levels = ['debug', 'info'] as const;
        export async function list(word: string): Promise<void> {
          for await (const level of levels) console.log(level);
          for await (const letter of word) console.log(letter);
        }
      `,
      output: `
        const levels = ['debug', 'info'] as const;
        export async function list(word: string): Promise<void> {
          for (const level of levels) console.log(level);
          for (const letter of word) console.log(letter);
        }
      `,
      errors: [
        { messageId: 'forAwaitOfSyncIterable', line: 4, column: 15, endLine: 4, endColumn: 20 },
        { messageId: 'forAwaitOfSyncIterable', line: 5, column: 15, endLine: 5, endColumn: 20 },
      ],
    },
    // for await over a synchronous generator of numbers.
    {
      code: `
        function* range(end: number): Generator<number, void> {
          for (let i = 0; i < end; i++) yield i;
        }
        export async function sumTo(end: number): Promise<number> {
          let sum = 0;
          for await (const value of range(end)) sum += value;
          return sum;
        }
      `,
      output: `
        function* range(end: number): Generator<number, void> {
          for (let i = 0; i < end; i++) yield i;
        }
        export async function sumTo(end: number): Promise<number> {
          let sum = 0;
          for (const value of range(end)) sum += value;
          return sum;
        }
      `,
      errors: [
        { messageId: 'forAwaitOfSyncIterable', line: 7, column: 15, endLine: 7, endColumn: 20 },
      ],
    },
    // Elements of a type parameter: reported, but no fix (for…of would type them T, not Awaited<T>).
    {
      code: `
        export async function first<T extends number>(values: T[]): Promise<T | undefined> {
          for await (const value of values) return value;
          return undefined;
        }
      `,
      output: null,
      errors: [
        { messageId: 'forAwaitOfSyncIterable', line: 3, column: 15, endLine: 3, endColumn: 20 },
      ],
    },
    // await Promise.all over a map whose callback only computes.
    {
      code: `
        export async function double(values: number[]): Promise<number[]> {
          const doubled = await Promise.all(values.map(async (value) => value * 2));
          return doubled.filter((value) => value > 2);
        }
      `,
      output: `
        export async function double(values: number[]): Promise<number[]> {
          const doubled = values.map((value) => value * 2);
          return doubled.filter((value) => value > 2);
        }
      `,
      errors: [
        { messageId: 'promiseAllOfSyncCallbacks', line: 3, column: 33, endLine: 3, endColumn: 44 },
      ],
    },
    // A block body with a Promise<T> annotation: the annotation becomes T.
    {
      code: `
        export async function labels(names: readonly string[]): Promise<string[]> {
          const result = await Promise.all(
            names.map(async (name): Promise<string> => {
              const trimmed = name.trim();
              return trimmed.toUpperCase();
            }),
          );
          return result;
        }
      `,
      output: `
        export async function labels(names: readonly string[]): Promise<string[]> {
          const result = names.map((name): string => {
              const trimmed = name.trim();
              return trimmed.toUpperCase();
            });
          return result;
        }
      `,
      errors: [
        { messageId: 'promiseAllOfSyncCallbacks', line: 3, column: 32, endLine: 3, endColumn: 43 },
      ],
    },
    // Returned from an async function: the caller gets the same Promise<number[]>.
    {
      code: `
        export async function lengths(words: string[]): Promise<number[]> {
          return Promise.all(words.map(async (word) => word.length));
        }
      `,
      output: `
        export async function lengths(words: string[]): Promise<number[]> {
          return words.map((word) => word.length);
        }
      `,
      errors: [
        { messageId: 'promiseAllOfSyncCallbacks', line: 3, column: 18, endLine: 3, endColumn: 29 },
      ],
    },
    // A callback that throws: a rejection of one item would not stop the others, a sync throw does. Suggestion only.
    {
      code: `
        export async function parseAll(texts: string[]): Promise<number[]> {
          return await Promise.all(
            texts.map(async (text) => {
              const value = Number(text);
              if (Number.isNaN(value)) throw new Error(\`not a number: \${text}\`);
              return value;
            }),
          );
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'promiseAllOfSyncCallbacks',
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'mapSynchronously',
              output: `
        export async function parseAll(texts: string[]): Promise<number[]> {
          return texts.map((text) => {
              const value = Number(text);
              if (Number.isNaN(value)) throw new Error(\`not a number: \${text}\`);
              return value;
            });
        }
      `,
            },
          ],
        },
      ],
    },
    // allSettled with the result discarded: suggestion only (a throw would no longer be settled).
    {
      code: `
        export async function logAll(names: string[]): Promise<void> {
          await Promise.allSettled(names.map(async (name) => {
            console.log(name);
          }));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'promiseAllOfSyncCallbacks',
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 35,
          suggestions: [
            {
              messageId: 'mapSynchronously',
              output: `
        export async function logAll(names: string[]): Promise<void> {
          names.map((name) => {
            console.log(name);
          });
        }
      `,
            },
          ],
        },
      ],
    },
    // allSettled whose { status, value } results are used: reported, nothing to rewrite.
    {
      code: `
        export async function sizes(names: string[]): Promise<number> {
          const results = await Promise.allSettled(names.map(async (name) => name.length));
          return results.filter((result) => result.status === 'fulfilled').length;
        }
      `,
      output: null,
      errors: [
        { messageId: 'promiseAllOfSyncCallbacks', line: 3, column: 33, endLine: 3, endColumn: 51 },
      ],
    },
    // A promise kept for later: suggestion to make it with Promise.resolve.
    {
      code: `
        export function squares(values: number[]): Promise<number[]> {
          const pending = Promise.all(values.map(async (value) => value * value));
          return pending;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'promiseAllOfSyncCallbacks',
          line: 3,
          column: 27,
          endLine: 3,
          endColumn: 38,
          suggestions: [
            {
              messageId: 'mapSynchronously',
              output: `
        export function squares(values: number[]): Promise<number[]> {
          const pending = Promise.resolve(values.map((value) => value * value));
          return pending;
        }
      `,
            },
          ],
        },
      ],
    },
    // The statement would start with [ after a line without a semicolon: the fix keeps them apart.
    {
      code: `
        export async function main(): Promise<void> {
          const base = 10
          await Promise.all([1, 2].map(async (step) => {
            console.log(base + step);
          }))
        }
      `,
      output: `
        export async function main(): Promise<void> {
          const base = 10
          ;[1, 2].map((step) => {
            console.log(base + step);
          })
        }
      `,
      errors: [
        { messageId: 'promiseAllOfSyncCallbacks', line: 4, column: 17, endLine: 4, endColumn: 28 },
      ],
    },
    // forEach over an array with an awaiting callback: sequential and concurrent suggestions.
    {
      code: `
        import { writeFile } from 'node:fs/promises';
        export async function writeAll(files: string[]): Promise<void> {
          files.forEach(async (file) => {
            await writeFile(file, '');
            console.log('wrote', file);
          });
          console.log('done');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        import { writeFile } from 'node:fs/promises';
        export async function writeAll(files: string[]): Promise<void> {
          for (const file of files) {
            await writeFile(file, '');
            console.log('wrote', file);
          }
          console.log('done');
        }
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        import { writeFile } from 'node:fs/promises';
        export async function writeAll(files: string[]): Promise<void> {
          await Promise.all(files.map(async (file) => {
            await writeFile(file, '');
            console.log('wrote', file);
          }));
          console.log('done');
        }
      `,
            },
          ],
        },
      ],
    },
    // forEach with an index: entries() in the loop, the same callback in map.
    {
      code: `
        declare function save(id: string, position: number): Promise<void>;
        export async function saveAll(ids: readonly string[]): Promise<void> {
          ids.forEach(async (id, index) => {
            await save(id, index);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        declare function save(id: string, position: number): Promise<void>;
        export async function saveAll(ids: readonly string[]): Promise<void> {
          for (const [index, id] of ids.entries()) {
            await save(id, index);
          }
        }
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function save(id: string, position: number): Promise<void>;
        export async function saveAll(ids: readonly string[]): Promise<void> {
          await Promise.all(ids.map(async (id, index) => {
            await save(id, index);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // forEach over a Set.
    {
      code: `
        declare function notify(user: string): Promise<void>;
        export async function notifyAll(users: Set<string>): Promise<void> {
          users.forEach(async (user) => {
            await notify(user);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        declare function notify(user: string): Promise<void>;
        export async function notifyAll(users: Set<string>): Promise<void> {
          for (const user of users) {
            await notify(user);
          }
        }
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function notify(user: string): Promise<void>;
        export async function notifyAll(users: Set<string>): Promise<void> {
          await Promise.all(Array.from(users).map(async (user) => {
            await notify(user);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // forEach over a Map with (value, key).
    {
      code: `
        declare function store(key: string, value: number): Promise<void>;
        export async function storeAll(entries: Map<string, number>): Promise<void> {
          entries.forEach(async (value, key) => {
            await store(key, value);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 19,
          endLine: 4,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        declare function store(key: string, value: number): Promise<void>;
        export async function storeAll(entries: Map<string, number>): Promise<void> {
          for (const [key, value] of entries) {
            await store(key, value);
          }
        }
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function store(key: string, value: number): Promise<void>;
        export async function storeAll(entries: Map<string, number>): Promise<void> {
          await Promise.all(Array.from(entries).map(async ([key, value]) => {
            await store(key, value);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // forEach inside a function that cannot await: reported without suggestions.
    {
      code: `
        declare function save(id: number): Promise<void>;
        export function saveAll(ids: number[]): void {
          ids.forEach(async (id) => {
            await save(id);
          });
        }
      `,
      output: null,
      errors: [
        { messageId: 'asyncForEach', line: 4, column: 15, endLine: 4, endColumn: 22 },
      ],
    },
    // A return in the callback becomes continue; an expression body is awaited.
    {
      code: `
        declare function save(id: number): Promise<void>;
        export async function saveAll(ids: number[], extra: number[]): Promise<void> {
          ids.forEach(async (id) => {
            if (id < 0) return;
            await save(id);
          });
          extra.forEach(async (id) => save(id));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        declare function save(id: number): Promise<void>;
        export async function saveAll(ids: number[], extra: number[]): Promise<void> {
          for (const id of ids) {
            if (id < 0) continue;
            await save(id);
          }
          extra.forEach(async (id) => save(id));
        }
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function save(id: number): Promise<void>;
        export async function saveAll(ids: number[], extra: number[]): Promise<void> {
          await Promise.all(ids.map(async (id) => {
            if (id < 0) return;
            await save(id);
          }));
          extra.forEach(async (id) => save(id));
        }
      `,
            },
          ],
        },
        {
          messageId: 'asyncForEach',
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        declare function save(id: number): Promise<void>;
        export async function saveAll(ids: number[], extra: number[]): Promise<void> {
          ids.forEach(async (id) => {
            if (id < 0) return;
            await save(id);
          });
          for (const id of extra) {
            await save(id);
          }
        }
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function save(id: number): Promise<void>;
        export async function saveAll(ids: number[], extra: number[]): Promise<void> {
          ids.forEach(async (id) => {
            if (id < 0) return;
            await save(id);
          });
          await Promise.all(extra.map(async (id) => save(id)));
        }
      `,
            },
          ],
        },
      ],
    },
    // An optional receiver: reported; no rewrite (for…of would throw on undefined).
    {
      code: `
        declare function save(id: number): Promise<void>;
        export async function saveAll(ids?: number[]): Promise<void> {
          ids?.forEach(async (id) => {
            await save(id);
          });
        }
      `,
      output: null,
      errors: [
        { messageId: 'asyncForEach', line: 4, column: 16, endLine: 4, endColumn: 23 },
      ],
    },
    // await null in a loop over an array literal.
    {
      code: `
        export async function greet(): Promise<void> {
          for (const name of ['Ada', 'Grace', 'Edsger']) {
            console.log(name);
            await null;
          }
        }
      `,
      output: `
        export async function greet(): Promise<void> {
          for (const name of ['Ada', 'Grace', 'Edsger']) {
            console.log(name);
          }
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 5, column: 13, endLine: 5, endColumn: 23 },
      ],
    },
    // A for loop up to the length of a const array that nothing grows.
    {
      code: `
        const stages = ['lint', 'build', 'test'];
        export async function run(): Promise<void> {
          for (let i = 0; i < stages.length; i++) {
            console.log(stages[i]);
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
        }
      `,
      output: `
        const stages = ['lint', 'build', 'test'];
        export async function run(): Promise<void> {
          for (let i = 0; i < stages.length; i++) {
            console.log(stages[i]);
          }
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 6, column: 13, endLine: 6, endColumn: 67 },
      ],
    },
    // A while loop with a counter stepped on every pass.
    {
      code: `
        export async function countdown(): Promise<void> {
          let remaining = 3;
          while (remaining > 0) {
            console.log(remaining);
            remaining--;
            await new Promise(setImmediate);
          }
        }
      `,
      output: `
        export async function countdown(): Promise<void> {
          let remaining = 3;
          while (remaining > 0) {
            console.log(remaining);
            remaining--;
          }
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 7, column: 13, endLine: 7, endColumn: 44 },
      ],
    },
    // setImmediate() from node:timers/promises, in a loop over a tuple.
    {
      code: `
        import { setImmediate as nextTurn } from 'node:timers/promises';
        export async function pair(names: readonly [string, string]): Promise<void> {
          for (const name of names) {
            console.log(name);
            await nextTurn();
          }
        }
      `,
      output: `
        import { setImmediate as nextTurn } from 'node:timers/promises';
        export async function pair(names: readonly [string, string]): Promise<void> {
          for (const name of names) {
            console.log(name);
          }
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 6, column: 13, endLine: 6, endColumn: 29 },
      ],
    },
    // scheduler.yield() from node:timers/promises, in a do…while loop.
    {
      code: `
        import { scheduler } from 'node:timers/promises';
        export async function spin(): Promise<void> {
          let turn = 0;
          do {
            console.log(turn);
            turn += 1;
            await scheduler.yield();
          } while (turn < 4);
        }
      `,
      output: `
        import { scheduler } from 'node:timers/promises';
        export async function spin(): Promise<void> {
          let turn = 0;
          do {
            console.log(turn);
            turn += 1;
          } while (turn < 4);
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 8, column: 13, endLine: 8, endColumn: 36 },
      ],
    },
    // The smallArrayLength option: exactly at the limit is small.
    {
      code: `
        export async function tick(): Promise<void> {
          for (const name of ['a', 'b', 'c']) {
            console.log(name);
            await Promise.resolve();
          }
        }
      `,
      output: `
        export async function tick(): Promise<void> {
          for (const name of ['a', 'b', 'c']) {
            console.log(name);
          }
        }
      `,
      options: [{ smallArrayLength: 3 }],
      errors: [
        { messageId: 'yieldInSmallLoop', line: 5, column: 13, endLine: 5, endColumn: 36 },
      ],
    },
    // A yield as the body of an if: reported, not removed (the if would lose its body).
    {
      code: `
        export async function tick(): Promise<void> {
          for (let i = 0; i < 4; i++) {
            console.log(i);
            if (i % 2 === 0) await Promise.resolve();
          }
        }
      `,
      output: null,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 5, column: 30, endLine: 5, endColumn: 53 },
      ],
    },
    // An async function that walks an array by awaiting itself with the next index.
    {
      code: `
        declare function send(message: string): Promise<void>;
        const outbox = ['hello', 'world'];
        async function sendFrom(index: number): Promise<void> {
          if (index >= outbox.length) return;
          await send(outbox[index] ?? '');
          await sendFrom(index + 1);
        }
        export async function main(): Promise<void> {
          await sendFrom(0);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'recursionAsLoop',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 36,
          suggestions: [
            {
              messageId: 'useLoop',
              output: `
        declare function send(message: string): Promise<void>;
        const outbox = ['hello', 'world'];
        async function sendFrom(index: number): Promise<void> {
          for (const item of outbox.slice(index)) {
            await send(item ?? '');
          }
        }
        export async function main(): Promise<void> {
          await sendFrom(0);
        }
      `,
            },
          ],
        },
      ],
    },
    // return next(items, i + 1) with the index used for more than reading: a counting loop.
    {
      code: `
        declare function save(id: string, position: number): Promise<void>;
        export const saveFrom = async (ids: string[], position = 0): Promise<void> => {
          if (ids.length <= position) return;
          console.log('saving', position);
          await save(ids[position] ?? '', position);
          return saveFrom(ids, position + 1);
        };
      `,
      output: null,
      errors: [
        {
          messageId: 'recursionAsLoop',
          line: 7,
          column: 18,
          endLine: 7,
          endColumn: 45,
          suggestions: [
            {
              messageId: 'useLoop',
              output: `
        declare function save(id: string, position: number): Promise<void>;
        export const saveFrom = async (ids: string[], position = 0): Promise<void> => {
          for (; position < ids.length; position++) {
            console.log('saving', position);
            await save(ids[position] ?? '', position);
          }
        };
      `,
            },
          ],
        },
      ],
    },
    // The step inside a branch: reported, no suggestion (not the mechanical shape).
    {
      code: `
        declare function save(id: string): Promise<void>;
        export async function saveFrom(ids: string[], position: number): Promise<void> {
          if (position < ids.length) {
            await save(ids[position] ?? '');
            await saveFrom(ids, position + 1);
          }
        }
      `,
      output: null,
      errors: [
        { messageId: 'recursionAsLoop', line: 6, column: 19, endLine: 6, endColumn: 46 },
      ],
    },
    // A function callback that reads this: only the concurrent rewrite keeps it.
    {
      code: `
        declare function save(id: number, owner: unknown): Promise<void>;
        export async function saveAll(ids: number[]): Promise<void> {
          ids.forEach(async function (this: unknown, id) {
            await save(id, this);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 15,
          endLine: 4,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function save(id: number, owner: unknown): Promise<void>;
        export async function saveAll(ids: number[]): Promise<void> {
          await Promise.all(ids.map(async function (this: unknown, id) {
            await save(id, this);
          }));
        }
      `,
            },
          ],
        },
      ],
    },
    // At the top level of a module, where await is allowed: both rewrites.
    {
      code: `
        declare function save(id: number): Promise<void>;
        const ids = [1, 2, 3];
        ids.forEach(async (id) => {
          await save(id);
        });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'asyncForEach',
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            {
              messageId: 'useSequentialLoop',
              output: `
        declare function save(id: number): Promise<void>;
        const ids = [1, 2, 3];
        for (const id of ids) {
          await save(id);
        }
        export {};
      `,
            },
            {
              messageId: 'useConcurrentAll',
              output: `
        declare function save(id: number): Promise<void>;
        const ids = [1, 2, 3];
        await Promise.all(ids.map(async (id) => {
          await save(id);
        }));
        export {};
      `,
            },
          ],
        },
      ],
    },
    // for await at the top level of a module.
    {
      code: `
        const ports = [80, 443];
        for await (const port of ports) console.log(port);
        export {};
      `,
      output: `
        const ports = [80, 443];
        for (const port of ports) console.log(port);
        export {};
      `,
      errors: [
        { messageId: 'forAwaitOfSyncIterable', line: 3, column: 13, endLine: 3, endColumn: 18 },
      ],
    },
    // A loop counting down from the length of a tuple.
    {
      code: `
        export async function reverse(pair: [string, string]): Promise<void> {
          for (let i = pair.length - 1; i >= 0; i--) {
            console.log(pair[i]);
            await new Promise<void>((resolve) => resolve());
          }
        }
      `,
      output: `
        export async function reverse(pair: [string, string]): Promise<void> {
          for (let i = pair.length - 1; i >= 0; i--) {
            console.log(pair[i]);
          }
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 5, column: 13, endLine: 5, endColumn: 60 },
      ],
    },
    // Nested small loops: 2 × 3 passes.
    {
      code: `
        export async function grid(): Promise<void> {
          for (const row of [0, 1]) {
            for (let column = 0; column < 3; column++) {
              console.log(row, column);
              await null;
            }
          }
        }
      `,
      output: `
        export async function grid(): Promise<void> {
          for (const row of [0, 1]) {
            for (let column = 0; column < 3; column++) {
              console.log(row, column);
            }
          }
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 6, column: 15, endLine: 6, endColumn: 25 },
      ],
    },
    // Work that only computes (string and array methods, a local total): nothing for the yield to let through.
    {
      code: `
        export async function measure(words: readonly string[]): Promise<number> {
          let total = 0;
          for (const word of ['alpha', 'beta']) {
            total += word.toUpperCase().length + words.filter((other) => other.startsWith(word)).length;
            await new Promise((resolve) => setTimeout(resolve, 0));
          }
          return total;
        }
      `,
      output: `
        export async function measure(words: readonly string[]): Promise<number> {
          let total = 0;
          for (const word of ['alpha', 'beta']) {
            total += word.toUpperCase().length + words.filter((other) => other.startsWith(word)).length;
          }
          return total;
        }
      `,
      errors: [
        { messageId: 'yieldInSmallLoop', line: 6, column: 13, endLine: 6, endColumn: 67 },
      ],
    },
  ],
});
