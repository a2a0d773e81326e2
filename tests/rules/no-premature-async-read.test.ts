import rule from '../../src/rules/no-premature-async-read.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-premature-async-read', rule, {
  valid: [
    // The value is read inside the callback, where it has arrived.
    `
        import { readFile } from 'node:fs';
        let text = '';
        readFile('a.txt', 'utf8', (err, data) => {
          if (err) throw err;
          text = data;
          console.log(text);
        });
      `,
    // An await between the scheduling call and the read: the handler has run by then.
    `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          pending.then((result) => { value = result; });
          await pending;
          return value;
        }
      `,
    // The read comes before the scheduling call.
    `
        declare const pending: Promise<number>;
        export function load() {
          let value = 0;
          console.log(value);
          pending.then((result) => { value = result; });
        }
      `,
    // Array callbacks five deep run in place: the total is complete when it is read.
    `
        declare const cube: number[][][][][];
        export function sum() {
          let total = 0;
          cube.forEach((a) => a.forEach((b) => b.forEach((c) => c.forEach((d) => d.forEach((e) => { total += e; })))));
          return total;
        }
      `,
    // A promise executor runs before new Promise returns: the deferred resolve is set.
    `
        export function deferred() {
          let resolve: (value: number) => void = () => {};
          const promise = new Promise<number>((settle) => { resolve = settle; });
          return { promise, resolve };
        }
      `,
    // Test-framework blocks run in place while the file is collected, hooks before the tests.
    `
        import { beforeEach, describe, expect, it } from 'vitest';
        describe('counter', () => {
          let count = 0;
          beforeEach(() => { count = 1; });
          it('starts at one', () => { expect(count).toBe(1); });
        });
      `,
    // An 'error' listener followed by a call that may emit synchronously.
    `
        import { createReadStream } from 'node:fs';
        export function open(file: string) {
          let failed = false;
          const stream = createReadStream(file);
          stream.on('error', () => { failed = true; });
          stream.read();
          return failed;
        }
      `,
    // emit calls its listeners before it returns: the value is there.
    `
        import { EventEmitter } from 'node:events';
        export function roundTrip() {
          const emitter = new EventEmitter();
          let received = '';
          emitter.on('message', (text: string) => { received = text; });
          emitter.emit('message', 'hello');
          return received;
        }
      `,
    // The read is in a function returned for later, not in the code that runs now.
    `
        declare const pending: Promise<number>;
        export function watch() {
          let value = 0;
          pending.then((result) => { value = result; });
          return () => value;
        }
      `,
    // A variable declared inside the callback is the callback's own.
    `
        setTimeout(() => {
          let ticks = 0;
          ticks += 1;
          console.log(ticks);
        }, 10);
      `,
    // A module-level cache refreshed in the background and read by a function: stale-while-revalidate, not a premature read.
    `
        declare function fetchRates(): Promise<number>;
        let rate = 1;
        export function currentRate() {
          fetchRates().then((fresh) => { rate = fresh; });
          return rate;
        }
      `,
    // The function writes the variable itself between the call and the read.
    `
        export function reset() {
          let state = 'idle';
          setTimeout(() => { state = 'done'; }, 10);
          state = 'waiting';
          return state;
        }
      `,
    // A callee that returns void and takes a void callback may well call it in place (act, batch): not counted.
    `
        declare function act(work: () => void): void;
        export function render() {
          let result = '';
          act(() => { result = 'rendered'; });
          return result;
        }
      `,
    // A callback whose return value the callee uses runs before the call returns.
    `
        declare function compute<T>(make: () => T): T;
        export function measure() {
          let calls = 0;
          const value = compute(() => { calls += 1; return 2; });
          return value + calls;
        }
      `,
    // An untyped callee: the types cannot say when the callback runs.
    `
        declare const scheduler: any;
        export function plan() {
          let planned = false;
          scheduler.run(() => { planned = true; });
          return planned;
        }
      `,
    // The read is in the other branch: it never follows the scheduling call.
    `
        export function branch(later: boolean) {
          let value = 0;
          if (later) {
            setTimeout(() => { value = 1; }, 10);
          } else {
            console.log(value);
          }
        }
      `,
    // A for await between the call and the read waits.
    `
        declare const pending: Promise<number>;
        declare const chunks: AsyncIterable<string>;
        export async function drain() {
          let value = 0;
          pending.then((result) => { value = result; });
          for await (const chunk of chunks) console.log(chunk);
          return value;
        }
      `,
    // A yield between the call and the read: the generator's caller decides when it goes on.
    `
        export function* steps() {
          let done = false;
          setTimeout(() => { done = true; }, 10);
          yield 'waiting';
          return done;
        }
      `,
    // A callee named in the ignore option.
    {
      code: `
        import { lookup } from 'node:dns';
        export function resolveHost() {
          let address = '';
          lookup('localhost', (err, found) => { address = found; });
          return address;
        }
      `,
      options: [{ ignore: ['lookup'] }],
    },
    // A function called where it is written runs in place.
    `
        export function init() {
          let ready = false;
          (() => { ready = true; })();
          return ready;
        }
      `,
    // The variable is only written after the call, never read.
    `
        export function arm() {
          let armed = false;
          setTimeout(() => { armed = true; }, 10);
          armed = false;
        }
      `,
    // A property written in the callback is not a variable of the function: left alone.
    `
        declare const pending: Promise<number>;
        export function load() {
          const state = { value: 0 };
          pending.then((result) => { state.value = result; });
          return state;
        }
      `,
    // A variable set in a Node-style callback inside a promise executor and read after the promise is awaited.
    `
        import { readFile } from 'node:fs';
        export async function load(file: string) {
          let text = '';
          await new Promise<void>((resolve) => {
            readFile(file, 'utf8', (err, data) => { text = data; resolve(); });
          });
          return text;
        }
      `,
    // The read is in a later .then handler: it runs after the first one.
    `
        declare const pending: Promise<number>;
        export function chain() {
          let value = 0;
          return pending.then((result) => { value = result; }).then(() => value);
        }
      `,
    // An event listener whose read sits in a call: the call could emit first.
    `
        import { EventEmitter } from 'node:events';
        export function count(emitter: EventEmitter) {
          let events = 0;
          emitter.on('tick', () => { events += 1; });
          console.log(events);
        }
      `,
    // A queued microtask and an await of anything before the read.
    `
        export async function flush() {
          let flushed = false;
          queueMicrotask(() => { flushed = true; });
          await null;
          return flushed;
        }
      `,
    // A polling loop that waits in each pass: the first check reading the old value is the point.
    `
        import { setTimeout as sleep } from 'node:timers/promises';
        export async function waitUntilReady() {
          let ready = false;
          setTimeout(() => { ready = true; }, 50);
          while (!ready) await sleep(10);
          return ready;
        }
      `,
    // catch on a class that is no thenable: the types do not say it runs later.
    `
        class Query { catch(handler: () => void): this { handler(); return this; } }
        export function run(query: Query) {
          let failed = false;
          query.catch(() => { failed = true; });
          return failed;
        }
      `,
    // held-out: https.get's response callback is none of the catalogue's continuations (no error first, the callee returns a request).
    `
        import { get } from 'node:https';
        import type { IncomingMessage } from 'node:http';
        export function fetchPage() {
          let response: IncomingMessage | undefined;
          get('https://example.com', (res) => { response = res; });
          return response;
        }
      `,
    // held-out: The scheduling call itself is awaited.
    `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          await pending.then((result) => { value = result; });
          return value;
        }
      `,
    // held-out: The handler's promise is stored, then awaited.
    `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          const stored = pending.then((result) => { value = result; });
          await stored;
          return value;
        }
      `,
    // held-out: Read inside the callback only.
    `
        import { readFile } from 'node:fs';
        export function load() {
          let text = '';
          readFile('a.txt', 'utf8', (err, data) => { text = data; console.log(text); });
        }
      `,
    // held-out: A closure returned for later.
    `
        export function later() {
          let value = 0;
          setTimeout(() => { value = 1; }, 10);
          return () => value;
        }
      `,
    // held-out: map runs in place.
    `
        export function last(items: number[]) {
          let seen = 0;
          items.map((item) => { seen = item; return item; });
          return seen;
        }
      `,
    // held-out: A promise executor runs in place.
    `
        export function start() {
          let started = false;
          const running = new Promise<void>((resolve) => { started = true; resolve(); });
          return { running, started };
        }
      `,
    // held-out: describe runs in place.
    `
        import { describe } from 'vitest';
        let registered = false;
        describe('suite', () => { registered = true; });
        console.log(registered);
      `,
    // held-out: once followed by emit.
    `
        import { EventEmitter } from 'node:events';
        export function ready() {
          const bus = new EventEmitter();
          let ok = false;
          bus.once('ready', () => { ok = true; });
          bus.emit('ready');
          return ok;
        }
      `,
    // held-out: A sleep awaited between.
    `
        import { setTimeout as sleep } from 'node:timers/promises';
        export async function wait() {
          let value = 0;
          setTimeout(() => { value = 1; }, 5);
          await sleep(10);
          return value;
        }
      `,
    // held-out: A timer inside an executor that is awaited.
    `
        export async function wait() {
          let value = 0;
          await new Promise<void>((resolve) => setTimeout(() => { value = 1; resolve(); }, 5));
          return value;
        }
      `,
    // held-out: A property, not a variable.
    `
        export function later() {
          const state = { value: 0 };
          setTimeout(() => { state.value = 1; }, 10);
          return state.value;
        }
      `,
    // held-out: A module-level variable read inside a function.
    `
        declare function refresh(): Promise<string>;
        let token = '';
        export function currentToken() {
          refresh().then((fresh) => { token = fresh; });
          return token;
        }
      `,
    // held-out: act-like void callee.
    `
        declare function act(work: () => void): void;
        export function render() {
          let html = '';
          act(() => { html = '<p>'; });
          return html;
        }
      `,
    // held-out: then on an untyped value.
    `
        declare const untyped: any;
        export function load() {
          let value = 0;
          untyped.then((result: number) => { value = result; });
          return value;
        }
      `,
    // held-out: The read is in the else branch of the if that schedules.
    `
        export function branch(later: boolean) {
          let value = 0;
          if (later) setTimeout(() => { value = 1; }, 10);
          else console.log(value);
        }
      `,
    // held-out: The function updates the variable itself in between.
    `
        export function bump() {
          let value = 0;
          setTimeout(() => { value++; }, 10);
          value++;
          return value;
        }
      `,
    // Triage (mongodb src/sdam/server.ts): the function stores the promise itself; the handler only clears it on failure.
    `
        declare function reauthenticate(): Promise<void>;
        declare function abortable(promise: Promise<void>): Promise<void>;
        export async function retry(): Promise<void> {
          let pending: Promise<void> | null = null;
          pending = reauthenticate();
          pending.then(undefined, () => { pending = null; });
          await abortable(pending);
          pending = null;
        }
      `,
    // Clearing with \`undefined\` on an event, the current value read now.
    `
        import { EventEmitter } from 'node:events';
        export function current(events: EventEmitter, load: () => string[]): number {
          let cache: string[] | undefined = load();
          events.on('invalidate', () => { cache = undefined; });
          return cache?.length ?? 0;
        }
      `,
    // held-out-a: The function stores the timer's handle itself when setTimeout returns; the callback only clears it.
    `
        export function schedule(fire: () => void): boolean {
          let timer: ReturnType<typeof setTimeout> | null = null;
          timer = setTimeout(() => { timer = null; fire(); }, 50);
          return timer !== null;
        }
      `,
    // held-out-a: The same handle, initialised from the call.
    `
        export function keepAlive(): void {
          let handle: NodeJS.Timeout | undefined = setTimeout(() => { handle = undefined; }, 1000);
          if (handle) handle.unref();
        }
      `,
    // held-out-a: \`typeof value\` in a type reads nothing when the code runs.
    `
        export function typed(): void {
          let value = 0;
          setTimeout(() => { value = 1; }, 0);
          type Value = typeof value;
          const other: Value = 2;
          console.log(other);
        }
      `,
    // held-out-a: A catch clause may run before the call in its try block: no read after the call.
    `
        import { readFile } from 'node:fs';
        export function load(path: string): Buffer | undefined {
          let data: Buffer | undefined;
          try {
            JSON.parse(path);
            readFile(path, (err, contents) => { data = contents; });
          } catch {
            return data;
          }
          return undefined;
        }
      `,
    // held-out-a: A for await loop waits at every pass, and once more at its end.
    `
        import { stat } from 'node:fs';
        export async function sizes(paths: AsyncIterable<string>): Promise<number> {
          let total = 0;
          for await (const path of paths) {
            stat(path, (err, stats) => { total += stats.size; });
          }
          return total;
        }
      `,
    // held-out-a: Scheduled in a braced if, read after it: the branch may not have run (left alone).
    `
        export function maybe(later: boolean): number {
          let value = 0;
          if (later) {
            setTimeout(() => { value = 1; }, 10);
          }
          return value;
        }
      `,
  ],
  invalid: [
    // The catalogue's case: a query result read right after the call (pg); the promise form is suggested.
    {
      code: `
        import type { Client, QueryResult } from 'pg';
        export async function listOrders(client: Client) {
          let rows: QueryResult | undefined;
          client.query('select * from orders', (err, result) => { rows = result; });
          return rows;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        import type { Client, QueryResult } from 'pg';
        export async function listOrders(client: Client) {
          let rows: QueryResult | undefined;
          rows = await client.query('select * from orders');
          return rows;
        }
      `,
            },
          ],
        },
      ],
    },
    // Near-miss of the clearing handler: the callback clears on error but delivers the result otherwise.
    {
      code: `
        export function load(read: (done: (err: Error | null, value?: string) => void) => void) {
          let value: string | undefined = 'stale';
          read((err, result) => { if (err) value = undefined; else value = result; });
          return value;
        }
      `,
      output: null,
      errors: [{ messageId: 'prematureRead', line: 5, column: 18, endLine: 5, endColumn: 23, suggestions: [] }],
    },
    // The catalogue's timer case, at the top level.
    {
      code: `
        let v = 0;
        setTimeout(() => { v = 1; }, 0);
        console.log(v);
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 4,
          column: 21,
          endLine: 4,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    // .then in an async function: await the promise instead.
    {
      code: `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          pending.then((result) => { value = result; });
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          value = await pending;
          return value;
        }
      `,
            },
          ],
        },
      ],
    },
    // .then in a plain function without a return type: the suggestion also makes it async.
    {
      code: `
        declare const pending: Promise<number>;
        export function load() {
          let value = 0;
          pending.then((result) => { value = result; });
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          value = await pending;
          return value;
        }
      `,
            },
          ],
        },
      ],
    },
    // A declared return type would have to change too: no suggestion.
    {
      code: `
        declare const pending: Promise<number>;
        export function load(): number {
          let value = 0;
          pending.then((result) => { value = result; });
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // fs.readFile has no promise form of its own: no suggestion.
    {
      code: `
        import { readFile } from 'node:fs';
        export async function load(file: string) {
          let text = '';
          readFile(file, 'utf8', (err, data) => { text = data; });
          return text;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    // An event listener read with no call in between.
    {
      code: `
        import type { Readable } from 'node:stream';
        export function lastChunk(stream: Readable) {
          let last: unknown;
          stream.on('data', (chunk) => { last = chunk; });
          return last;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    // setImmediate.
    {
      code: `
        export function later() {
          let ran = false;
          setImmediate(() => { ran = true; });
          return ran;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    // process.nextTick.
    {
      code: `
        export function nextTick() {
          let ran = false;
          process.nextTick(() => { ran = true; });
          return ran;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    // queueMicrotask and an update expression.
    {
      code: `
        export function queued() {
          let count = 0;
          queueMicrotask(() => { count++; });
          return count;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // An array callback inside a .then handler: the handler itself runs later.
    {
      code: `
        declare const pending: Promise<number[]>;
        export function sum() {
          let total = 0;
          pending.then((values) => values.forEach((value) => { total += value; }));
          return total;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // A read inside an if block that follows the call.
    {
      code: `
        export function check(ready: boolean) {
          let value = 0;
          setTimeout(() => { value = 1; }, 10);
          if (ready) {
            console.log(value);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 25,
          endLine: 6,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    // Two reads after the call: reported once, at the first.
    {
      code: `
        export function twice() {
          let value = 0;
          setTimeout(() => { value = 1; }, 10);
          console.log(value);
          console.log(value);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 23,
          endLine: 5,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // Two variables written in one callback: each is reported.
    {
      code: `
        import { readFile } from 'node:fs';
        export function load() {
          let text = '';
          let size = 0;
          readFile('a.txt', 'utf8', (err, data) => {
            text = data;
            size = data.length;
          });
          return { text, size };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 24,
          suggestions: [],
        },
        {
          messageId: 'prematureRead',
          line: 10,
          column: 26,
          endLine: 10,
          endColumn: 30,
          suggestions: [],
        },
      ],
    },
    // At the top level of a module that may await: no async needed.
    {
      code: `
        declare const pending: Promise<number>;
        let value = 0;
        pending.then((result) => { value = result; });
        console.log(value);
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<number>;
        let value = 0;
        value = await pending;
        console.log(value);
        export {};
      `,
            },
          ],
        },
      ],
    },
    // pg with the error thrown first: the promise form still fits.
    {
      code: `
        import type { Client, QueryResult } from 'pg';
        export async function listOrders(client: Client) {
          let rows: QueryResult | undefined;
          client.query('select * from orders', (err, result) => {
            if (err) throw err;
            rows = result;
          });
          return rows;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 9,
          column: 18,
          endLine: 9,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        import type { Client, QueryResult } from 'pg';
        export async function listOrders(client: Client) {
          let rows: QueryResult | undefined;
          rows = await client.query('select * from orders');
          return rows;
        }
      `,
            },
          ],
        },
      ],
    },
    // dns.lookup: Node-style by type, no promise form.
    {
      code: `
        import { lookup } from 'node:dns';
        export function resolveHost() {
          let address = '';
          lookup('localhost', (err, found) => { address = found; });
          return address;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // A .catch handler setting a flag.
    {
      code: `
        declare const pending: Promise<number>;
        export function watch() {
          let failed = false;
          pending.catch(() => { failed = true; });
          return failed;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 24,
          suggestions: [],
        },
      ],
    },
    // A .finally handler.
    {
      code: `
        declare const pending: Promise<number>;
        export function watch() {
          let settled = false;
          pending.finally(() => { settled = true; });
          return settled;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // A class method: the suggestion makes the method async.
    {
      code: `
        declare const pending: Promise<string>;
        export class Loader {
          load() {
            let name = '';
            pending.then((value) => { name = value; });
            return name;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<string>;
        export class Loader {
          async load() {
            let name = '';
            name = await pending;
            return name;
          }
        }
      `,
            },
          ],
        },
      ],
    },
    // An arrow function: the suggestion makes it async.
    {
      code: `
        declare const pending: Promise<string>;
        export const load = () => {
          let name = '';
          pending.then((value) => (name = value));
          return name;
        };
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<string>;
        export const load = async () => {
          let name = '';
          name = await pending;
          return name;
        };
      `,
            },
          ],
        },
      ],
    },
    // A DOM listener read right away.
    {
      code: `
        export function lastKey(input: HTMLInputElement) {
          let key = '';
          input.addEventListener('keydown', (event) => { key = event.key; });
          return key;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    // A read in a switch case after the call.
    {
      code: `
        export function pick(mode: string) {
          let value = 0;
          setTimeout(() => { value = 1; }, 10);
          switch (mode) {
            case 'now':
              return value;
            default:
              return 0;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    // An object method shorthand: the suggestion makes it async.
    {
      code: `
        declare const pending: Promise<string>;
        export const loader = {
          load() {
            let name = '';
            pending.then((value) => { name = value; });
            return name;
          },
        };
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 7,
          column: 20,
          endLine: 7,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<string>;
        export const loader = {
          async load() {
            let name = '';
            name = await pending;
            return name;
          },
        };
      `,
            },
          ],
        },
      ],
    },
    // held-out: fs.readFile at the top level.
    {
      code: `
        import { readFile } from 'node:fs';
        let data: Buffer | undefined;
        readFile('a.txt', (err, contents) => { data = contents; });
        console.log(data);
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 21,
          endLine: 5,
          endColumn: 25,
          suggestions: [],
        },
      ],
    },
    // held-out: fetch().then in a function.
    {
      code: `
        export function load() {
          let response: Response | undefined;
          fetch('https://example.com').then((r) => { response = r; });
          return response;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        export async function load() {
          let response: Response | undefined;
          response = await fetch('https://example.com');
          return response;
        }
      `,
            },
          ],
        },
      ],
    },
    // held-out: A busy loop waiting for a timer never ends: the read in its test is premature.
    {
      code: `
        export function spin() {
          let done = false;
          setTimeout(() => { done = true; }, 100);
          while (!done) { /* spins forever */ }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 19,
          endLine: 5,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: setInterval.
    {
      code: `
        export function sample() {
          let now = 0;
          setInterval(() => { now = Date.now(); }, 1000);
          return now;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
    // held-out: setTimeout from node:timers.
    {
      code: `
        import { setTimeout as later } from 'node:timers';
        export function schedule() {
          let value = 0;
          later(() => { value = 1; }, 10);
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: An assignment inside an if inside the handler.
    {
      code: `
        declare const pending: Promise<number>;
        export function load() {
          let value = 0;
          pending.then((result) => {
            if (result > 0) {
              value = result;
            }
          });
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: A function expression handler.
    {
      code: `
        declare const pending: Promise<number>;
        export function load() {
          let value = 0;
          pending.then(function (result) { value = result; });
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        declare const pending: Promise<number>;
        export async function load() {
          let value = 0;
          value = await pending;
          return value;
        }
      `,
            },
          ],
        },
      ],
    },
    // held-out: pg with values: the promise form takes the same arguments.
    {
      code: `
        import type { Client, QueryResult } from 'pg';
        export async function find(client: Client, id: number) {
          let result: QueryResult | undefined;
          client.query('select * from orders where id = $1', [id], (err, answer) => { result = answer; });
          return result;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 24,
          suggestions: [
            {
              messageId: 'awaitResult',
              output: `
        import type { Client, QueryResult } from 'pg';
        export async function find(client: Client, id: number) {
          let result: QueryResult | undefined;
          result = await client.query('select * from orders where id = $1', [id]);
          return result;
        }
      `,
            },
          ],
        },
      ],
    },
    // held-out: A then followed by catch in the same statement.
    {
      code: `
        declare const pending: Promise<number>;
        export function load() {
          let value = 0;
          pending.then((result) => { value = result; }).catch(() => {});
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: A stream 'end' listener, read at once.
    {
      code: `
        import type { Readable } from 'node:stream';
        export function finished(stream: Readable) {
          let ended = false;
          stream.once('end', () => { ended = true; });
          return ended;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: Two variables returned in an array.
    {
      code: `
        declare const pending: Promise<[number, number]>;
        export function pair() {
          let a = 0;
          let b = 0;
          pending.then(([x, y]) => { a = x; b = y; });
          return [a, b];
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 7,
          column: 19,
          endLine: 7,
          endColumn: 20,
          suggestions: [],
        },
        {
          messageId: 'prematureRead',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: An event listener read in a plain assignment, no call in between.
    {
      code: `
        import { EventEmitter } from 'node:events';
        export function latest(emitter: EventEmitter) {
          let last: unknown;
          emitter.on('data', (chunk) => { last = chunk; });
          const current = last;
          return current;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
    // held-out: A destructuring assignment inside the callback.
    {
      code: `
        declare const pending: Promise<{ rows: string[] }>;
        export function load() {
          let rows: string[] = [];
          pending.then((result) => { ({ rows } = result); });
          return rows;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    // held-out: A for loop inside the handler accumulates.
    {
      code: `
        declare const pending: Promise<number[]>;
        export function sum() {
          let total = 0;
          pending.then((values) => { for (const value of values) total += value; });
          return total;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out: process.nextTick, read in a condition.
    {
      code: `
        export function check() {
          let ready = false;
          process.nextTick(() => { ready = true; });
          if (ready) return 'ready';
          return 'not yet';
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 5,
          column: 15,
          endLine: 5,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    // held-out-a: The classic: callbacks scheduled in a braced loop, the total read after the loop.
    {
      code: `
        import { stat } from 'node:fs';
        export function totalSize(files: string[]): number {
          let total = 0;
          for (const file of files) {
            stat(file, (err, stats) => {
              if (err) throw err;
              total += stats.size;
            });
          }
          return total;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 11,
          column: 18,
          endLine: 11,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    // held-out-a: Scheduled inside a try block, read after the try statement.
    {
      code: `
        import { readFile } from 'node:fs';
        export function load(path: string): Buffer | undefined {
          let data: Buffer | undefined;
          try {
            readFile(path, (err, contents) => { data = contents; });
          } catch {
            return undefined;
          }
          return data;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 10,
          column: 18,
          endLine: 10,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    // held-out-a: The awaited call's argument is read before the await waits; the suggestion names what it awaits.
    {
      code: `
        declare function fetchRate(): Promise<number>;
        declare function save(rate: number): Promise<void>;
        export async function store(): Promise<void> {
          let rate = 0;
          fetchRate().then((value) => { rate = value; });
          await save(rate);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 7,
          column: 22,
          endLine: 7,
          endColumn: 26,
          suggestions: [
            {
              messageId: 'awaitResult',
              data: { name: 'rate', call: 'fetchRate()' },
              output: `
        declare function fetchRate(): Promise<number>;
        declare function save(rate: number): Promise<void>;
        export async function store(): Promise<void> {
          let rate = 0;
          rate = await fetchRate();
          await save(rate);
        }
      `,
            },
          ],
        },
      ],
    },
    // held-out-a: A generator yields the value before the handler has run.
    {
      code: `
        declare function fetchRate(): Promise<number>;
        export function* rates() {
          let rate = 0;
          fetchRate().then((value) => { rate = value; });
          yield rate;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'prematureRead',
          line: 6,
          column: 17,
          endLine: 6,
          endColumn: 21,
          suggestions: [],
        },
      ],
    },
  ],
});
