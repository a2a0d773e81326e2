import rule from '../../src/rules/no-lost-update.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-lost-update', rule, {
  valid: [
    // A for await loop before the read: the value is read after every wait.
    `
        export class Meter {
          total = 0;
          async consume(source: AsyncIterable<number>) {
            let sum = 0;
            for await (const n of source) sum += n;
            const start = this.total;
            this.total = start + sum;
          }
        }
      `,
    // A local no other task can see, summed across awaits.
    `
        declare function price(item: string): Promise<number>;
        export async function sum(items: string[]) {
          let total = 0;
          for (const item of items) total += await price(item);
          return total;
        }
      `,
    // A local written from itself and an await.
    `
        declare function price(item: string): Promise<number>;
        export async function sum(a: string, b: string) {
          let total = await price(a);
          total = total + await price(b);
          return total;
        }
      `,
    // A fresh object the function created: nobody else holds it yet.
    `
        declare function fetchDelta(): Promise<number>;
        export async function tally() {
          const acc = { n: 0 };
          acc.n += await fetchDelta();
          return acc;
        }
      `,
    // A fresh map filled key by key (ESLint tracker: results collected in a local object).
    `
        declare function load(id: string): Promise<string>;
        export async function build(ids: string[]) {
          const result: Record<string, string> = {};
          for (const id of ids) {
            result[id] = await load(id);
          }
          return result;
        }
      `,
    // Koa's ctx.body = await render(): the write does not use anything read before the await.
    `
        declare function render(view: string): Promise<string>;
        export async function show(ctx: { params: { view: string }; body: unknown }) {
          ctx.body = await render(ctx.params.view);
        }
      `,
    // A parameter property set from a sibling read before the await (ESLint tracker #13907).
    `
        declare function get(id: string): Promise<{ bar: string }>;
        export async function f(foo: { id: string; bar: string }) {
          const buz = await get(foo.id);
          foo.bar = buz.bar;
        }
      `,
    // A module object property set from what the await returned (ESLint tracker #11950).
    `
        declare function pureFetchManifest(id: string): Promise<unknown>;
        export const flasher = { manifestId: 'a', config: undefined as unknown };
        export async function tryFetchManifest() {
          const config = await pureFetchManifest(flasher.manifestId);
          if (config) {
            flasher.config = config;
          }
        }
      `,
    // A new header after an await: a constant, not a computed value (ESLint tracker #17312).
    `
        async function setA(headers: Record<string, string>) {
          headers['a'] = 'b';
          await Promise.resolve();
        }
        export async function g(headers: Record<string, string>) {
          await setA(headers);
          headers['x'] = 'y';
        }
      `,
    // A property replaced by what the awaited call returns, the read is inside the awaited operand.
    `
        declare function fetchUser(id: string): Promise<{ name: string }>;
        export async function fill(user: { id: string; name: string }) {
          user.name = (await fetchUser(user.id)).name;
        }
      `,
    // A flag set to a constant after the await (ESLint tracker #11740).
    `
        declare function g(): Promise<void>;
        let flag = false;
        export async function f() {
          if (!flag) {
            await g();
            flag = true;
          }
        }
      `,
    // The condition is checked again after the await (ESLint tracker #12108).
    `
        declare function g(): Promise<void>;
        let i = 0;
        export async function f() {
          if (i) {
            await g();
            if (i) {
              i = 0;
            }
          }
        }
      `,
    // The location is read again after the await: the write uses the current value.
    `
        declare function save(): Promise<void>;
        export class Counter {
          n = 0;
          async increment() {
            await save();
            this.n = this.n + 1;
          }
        }
      `,
    // A compare-and-set: the stale copy is checked against the current value first.
    `
        declare function save(): Promise<void>;
        export const store = { n: 0 };
        export async function increment() {
          const n = store.n;
          await save();
          if (store.n !== n) return;
          store.n = n + 1;
        }
      `,
    // Under a lock named in the option: runExclusive serialises the callbacks.
    {
      code: `
        declare function fetchDelta(): Promise<number>;
        declare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };
        export class Meter {
          n = 0;
          async record() {
            await mutex.runExclusive(async () => {
              this.n += await fetchDelta();
            });
          }
        }
      `,
      options: [{"locks":["mutex"]}],
    },
    // After acquiring a lock named in the option, released in finally.
    {
      code: `
        declare function fetchDelta(): Promise<number>;
        export class Meter {
          n = 0;
          lock = { acquire: async () => () => undefined };
          async record() {
            const release = await this.lock.acquire();
            try {
              this.n += await fetchDelta();
            } finally {
              release();
            }
          }
        }
      `,
      options: [{"locks":["lock"]}],
    },
    // The Web Locks API serialises its callbacks without any option.
    `
        declare function fetchDelta(): Promise<number>;
        export const meter = { n: 0 };
        export async function record() {
          await navigator.locks.request('meter', async () => {
            meter.n += await fetchDelta();
          });
        }
      `,
    // A let only in the function, captured by a closure that only reads it (ESLint tracker #11194).
    `
        declare const db: { records: { get(): Promise<string[]> } };
        declare function g(fn: () => void): void;
        export async function f() {
          let records: string[] = [];
          records = await db.records.get();
          g(() => {
            void records;
          });
        }
      `,
    // An await of a plain value: no other task can get a turn that matters (no-trivial-await reports it).
    `
        export class Counter {
          n = 0;
          async increment(step: number) {
            this.n += await step;
          }
        }
      `,
    // No await at all.
    `
        export class Counter {
          n = 0;
          async increment(step: number) {
            this.n += step;
            return Promise.resolve(this.n);
          }
        }
      `,
    // The stale-looking read comes after the await in evaluation order.
    `
        declare function price(): Promise<number>;
        export class Cart {
          total = 0;
          async add() {
            this.total = (await price()) + this.total;
          }
        }
      `,
    // A cache filled when empty: the value comes from the await, not from the read.
    `
        declare function load(): Promise<string>;
        export class Cache {
          value: string | undefined;
          async get() {
            this.value = this.value ?? await load();
            return this.value;
          }
        }
      `,
    // A logical assignment: writes what the await gave, only when nothing was there.
    `
        declare function load(): Promise<string>;
        export class Cache {
          value: string | undefined;
          async get() {
            this.value ??= await load();
            return this.value;
          }
        }
      `,
    // An any-typed context: we do not know what it is.
    `
        declare function fetchDelta(): Promise<number>;
        export async function middleware(ctx: any) {
          ctx.hits += await fetchDelta();
        }
      `,
    // An enclosing function variable written by an async function that runs once, right there.
    `
        declare function fetchDelta(): Promise<number>;
        export function main() {
          let total = 0;
          void (async () => {
            total += await fetchDelta();
            console.log(total);
          })();
        }
      `,
    // Save and restore: the function writes the location itself between the read and the write.
    `
        declare function work(): Promise<void>;
        export class Job {
          state = 'idle';
          async run() {
            const previous = this.state;
            this.state = 'busy';
            await work();
            this.state = previous + '';
          }
        }
      `,
    // Writing back exactly the value read (ESLint tracker #14695): a restore, not a computed value.
    `
        export async function f(obj: { prop: number }) {
          const prop = obj.prop;
          await Promise.resolve();
          obj.prop = prop;
        }
      `,
    // A merge that reads the current value again in the write.
    `
        declare function sync(): Promise<void>;
        export class Clock {
          seen = 0;
          async tick() {
            const seen = this.seen;
            await sync();
            this.seen = Math.max(this.seen, seen + 1);
          }
        }
      `,
    // The await is in a branch that returns before the write.
    `
        declare function log(): Promise<void>;
        export const store = { n: 0 };
        export async function increment(ok: boolean) {
          const n = store.n;
          if (!ok) {
            await log();
            return;
          }
          store.n = n + 1;
        }
      `,
    // The await is in the other arm of the if: it never runs before the write.
    `
        declare function log(): Promise<void>;
        export const store = { n: 0 };
        export async function increment(ok: boolean) {
          const n = store.n;
          if (ok) {
            await log();
          } else {
            store.n = n + 1;
          }
        }
      `,
    // Destructured from an object literal: a fresh object nobody else holds.
    `
        declare function fetchHits(): Promise<number>;
        export async function count() {
          const { stats } = { stats: { hits: 0 } };
          stats.hits += await fetchHits();
          return stats;
        }
      `,
    // Top-level code runs once; the module is its only task here.
    `
        declare function fetchDelta(): Promise<number>;
        let count = 0;
        count += await fetchDelta();
        export { count };
      `,
    // Another location: the read is of a sibling property.
    `
        declare function price(): Promise<number>;
        export class Cart {
          subtotal = 0;
          total = 0;
          async add() {
            this.total = this.subtotal + await price();
          }
        }
      `,
    // A key computed by a call: not a location we can name twice.
    `
        declare function price(): Promise<number>;
        declare function key(): string;
        export class Tally {
          counts: Record<string, number> = {};
          async add() {
            this.counts[key()] += await price();
          }
        }
      `,
    // A local bound to a call result: where the object comes from is not known.
    `
        declare function price(): Promise<number>;
        declare function getCart(): { total: number };
        export async function add() {
          const cart = getCart();
          cart.total += await price();
        }
      `,
    // A Koa-style state field replaced from a sibling read before the await.
    `
        declare function loadUser(id: string): Promise<string>;
        export async function middleware(ctx: { state: { id: string; user: string } }) {
          ctx.state.user = await loadUser(ctx.state.id);
        }
      `,
    // A synchronous function: nothing waits between the read and the write.
    `
        export class Counter {
          n = 0;
          increment(step: number) {
            this.n = this.n + step;
          }
        }
      `,
    // A process-wide exit code set after the await (ESLint tracker #15076).
    `
        declare function run(options: object): Promise<{ exitCode: number }>;
        const options = {};
        export async function main() {
          try {
            const { exitCode } = await run(options);
            process.exitCode = exitCode;
          } catch {
            process.exitCode = 1;
          }
        }
      `,
  ],
  invalid: [
    {
      name: 'directly in a case clause: no fix, a const there would belong to the whole switch',
      code: `
        declare function price(item: string): Promise<number>;
        export class Cart {
          total = 0;
          async add(kind: number, item: string) {
            switch (kind) {
              case 1:
                this.total += await price(item);
                break;
              case 2: {
                this.total += await price(item);
                break;
              }
            }
          }
        }
      `,
      output: `
        declare function price(item: string): Promise<number>;
        export class Cart {
          total = 0;
          async add(kind: number, item: string) {
            switch (kind) {
              case 1:
                this.total += await price(item);
                break;
              case 2: {
                const awaited = await price(item);
                this.total += awaited;
                break;
              }
            }
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          data: { location: 'this.total', line: '8' },
          line: 8,
          column: 17,
          endLine: 8,
          endColumn: 27,
          suggestions: [],
        },
        {
          messageId: 'lostUpdate',
          data: { location: 'this.total', line: '11' },
          line: 11,
          column: 17,
          endLine: 11,
          endColumn: 27,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a for await loop between the read and the write waits too',
      code: `
        export class Meter {
          total = 0;
          async consume(source: AsyncIterable<number>) {
            const start = this.total;
            let sum = 0;
            for await (const n of source) sum += n;
            this.total = start + sum;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          data: { location: 'this.total', line: '7' },
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'readAgain',
              data: { location: 'this.total' },
              output: `
        export class Meter {
          total = 0;
          async consume(source: AsyncIterable<number>) {
            const start = this.total;
            let sum = 0;
            for await (const n of source) sum += n;
            this.total = this.total + sum;
          }
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a compound assignment to a property of this',
      code: `
        declare function price(item: string): Promise<number>;
        export class Cart {
          total = 0;
          async add(item: string) {
            this.total += await price(item);
          }
        }
      `,
      output: `
        declare function price(item: string): Promise<number>;
        export class Cart {
          total = 0;
          async add(item: string) {
            const awaited = await price(item);
            this.total += awaited;
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'this.total = this.total + await',
      code: `
        declare function price(item: string): Promise<number>;
        export class Cart {
          total = 0;
          async add(item: string) {
            this.total = this.total + await price(item);
          }
        }
      `,
      output: `
        declare function price(item: string): Promise<number>;
        export class Cart {
          total = 0;
          async add(item: string) {
            const awaited = await price(item);
            this.total = this.total + awaited;
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a property of a parameter',
      code: `
        declare function fetchDelta(): Promise<number>;
        export async function bump(counter: { n: number }) {
          counter.n += await fetchDelta();
        }
      `,
      output: `
        declare function fetchDelta(): Promise<number>;
        export async function bump(counter: { n: number }) {
          const awaited = await fetchDelta();
          counter.n += awaited;
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a local bound to a module object property, an await, then the write',
      code: `
        declare function save(): Promise<void>;
        export const store = { n: 0 };
        export async function increment() {
          const n = store.n;
          await save();
          store.n = n + 1;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 18,
          suggestions: [
            { messageId: 'readAgain', output: `
        declare function save(): Promise<void>;
        export const store = { n: 0 };
        export async function increment() {
          const n = store.n;
          await save();
          store.n = store.n + 1;
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'an enclosing function variable summed by concurrent callbacks',
      code: `
        declare function price(item: string): Promise<number>;
        export async function sum(items: string[]) {
          let total = 0;
          await Promise.all(
            items.map(async (item) => {
              total += await price(item);
            }),
          );
          return total;
        }
      `,
      output: `
        declare function price(item: string): Promise<number>;
        export async function sum(items: string[]) {
          let total = 0;
          await Promise.all(
            items.map(async (item) => {
              const awaited = await price(item);
              total += awaited;
            }),
          );
          return total;
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 15,
          endLine: 7,
          endColumn: 20,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a module-level let',
      code: `
        declare function fetchDelta(): Promise<number>;
        let count = 0;
        export async function increment() {
          count = count + await fetchDelta();
          return count;
        }
      `,
      output: `
        declare function fetchDelta(): Promise<number>;
        let count = 0;
        export async function increment() {
          const awaited = await fetchDelta();
          count = count + awaited;
          return count;
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 16,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an array concatenated with awaited items',
      code: `
        declare function loadMore(): Promise<string[]>;
        export class Feed {
          items: string[] = [];
          async more() {
            this.items = this.items.concat(await loadMore());
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            { messageId: 'hoistAwait', output: `
        declare function loadMore(): Promise<string[]>;
        export class Feed {
          items: string[] = [];
          async more() {
            const awaited = await loadMore();
            this.items = this.items.concat(awaited);
          }
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'an object spread with an awaited member',
      code: `
        declare function loadUser(): Promise<string>;
        export class Session {
          state = { user: '', visits: 0 };
          async refresh() {
            this.state = { ...this.state, user: await loadUser() };
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            { messageId: 'hoistAwait', output: `
        declare function loadUser(): Promise<string>;
        export class Session {
          state = { user: '', visits: 0 };
          async refresh() {
            const awaited = await loadUser();
            this.state = { ...this.state, user: awaited };
          }
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'a value computed before the await and written after',
      code: `
        declare function save(n: number): Promise<void>;
        export class Counter {
          count = 0;
          async increment() {
            const next = this.count + 1;
            await save(next);
            this.count = next;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 8,
          column: 13,
          endLine: 8,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a private field',
      code: `
        declare function fetchDelta(): Promise<number>;
        export class Meter {
          #used = 0;
          async record() {
            this.#used += await fetchDelta();
          }
        }
      `,
      output: `
        declare function fetchDelta(): Promise<number>;
        export class Meter {
          #used = 0;
          async record() {
            const awaited = await fetchDelta();
            this.#used += awaited;
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a computed key nothing reassigns',
      code: `
        declare function count(key: string): Promise<number>;
        export class Tally {
          counts: Record<string, number> = {};
          async add(key: string) {
            this.counts[key] += await count(key);
          }
        }
      `,
      output: `
        declare function count(key: string): Promise<number>;
        export class Tally {
          counts: Record<string, number> = {};
          async add(key: string) {
            const awaited = await count(key);
            this.counts[key] += awaited;
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a default for a missing key, then the await',
      code: `
        declare function count(key: string): Promise<number>;
        export class Tally {
          counts: Record<string, number> = {};
          async add(key: string) {
            this.counts[key] = (this.counts[key] ?? 0) + await count(key);
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 29,
          suggestions: [
            { messageId: 'hoistAwait', output: `
        declare function count(key: string): Promise<number>;
        export class Tally {
          counts: Record<string, number> = {};
          async add(key: string) {
            const awaited = await count(key);
            this.counts[key] = (this.counts[key] ?? 0) + awaited;
          }
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'a class field arrow',
      code: `
        export class Totals {
          total = 0;
          add = async (amount: Promise<number>) => {
            this.total += await amount;
          };
        }
      `,
      output: `
        export class Totals {
          total = 0;
          add = async (amount: Promise<number>) => {
            const awaited = await amount;
            this.total += awaited;
          };
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 5,
          column: 13,
          endLine: 5,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a compound assignment that is the body of an if without braces',
      code: `
        declare function price(): Promise<number>;
        export class Cart {
          total = 0;
          async add(paid: boolean) {
            if (paid) this.total += await price();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    {
      name: 'two awaits in the value',
      code: `
        declare function price(): Promise<number>;
        declare function tax(): Promise<number>;
        export class Cart {
          total = 0;
          async add() {
            this.total = this.total + await price() + await tax();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a local alias of a property of this',
      code: `
        declare function fetchHits(): Promise<number>;
        export class Server {
          stats = { hits: 0 };
          async count() {
            const stats = this.stats;
            stats.hits += await fetchHits();
          }
        }
      `,
      output: `
        declare function fetchHits(): Promise<number>;
        export class Server {
          stats = { hits: 0 };
          async count() {
            const stats = this.stats;
            const awaited = await fetchHits();
            stats.hits += awaited;
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a module-level const object',
      code: `
        declare function factor(): Promise<number>;
        export const stats = { scale: 1 };
        export async function rescale() {
          stats.scale = stats.scale * await factor();
        }
      `,
      output: `
        declare function factor(): Promise<number>;
        export const stats = { scale: 1 };
        export async function rescale() {
          const awaited = await factor();
          stats.scale = stats.scale * awaited;
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 22,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a static property through the class name',
      code: `
        declare function fetchDelta(): Promise<number>;
        export class Registry {
          static size = 0;
          static async grow() {
            Registry.size += await fetchDelta();
          }
        }
      `,
      output: `
        declare function fetchDelta(): Promise<number>;
        export class Registry {
          static size = 0;
          static async grow() {
            const awaited = await fetchDelta();
            Registry.size += awaited;
          }
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a counter closed over by the async function a factory returns',
      code: `
        declare function step(): Promise<number>;
        export function makeCounter() {
          let n = 0;
          return async () => {
            n += await step();
            return n;
          };
        }
      `,
      output: `
        declare function step(): Promise<number>;
        export function makeCounter() {
          let n = 0;
          return async () => {
            const awaited = await step();
            n += awaited;
            return n;
          };
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'a local read before a yield in an async generator',
      code: `
        export class Pager {
          page = 0;
          async *pages() {
            const page = this.page;
            yield page;
            this.page = page + 1;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 22,
          suggestions: [
            { messageId: 'readAgain', output: `
        export class Pager {
          page = 0;
          async *pages() {
            const page = this.page;
            yield page;
            this.page = this.page + 1;
          }
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'a lock that does not cover the read',
      code: `
        declare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };
        declare function save(): Promise<void>;
        export class Counter {
          n = 0;
          async increment() {
            const n = this.n;
            await mutex.runExclusive(save);
            this.n = n + 1;
          }
        }
      `,
      output: null,
      options: [{"locks":["mutex"]}],
      errors: [
        {
          messageId: 'lostUpdate',
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 19,
          suggestions: [
            { messageId: 'readAgain', output: `
        declare const mutex: { runExclusive<T>(fn: () => Promise<T>): Promise<T> };
        declare function save(): Promise<void>;
        export class Counter {
          n = 0;
          async increment() {
            const n = this.n;
            await mutex.runExclusive(save);
            this.n = this.n + 1;
          }
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'an await in one branch of the added value',
      code: `
        declare function price(): Promise<number>;
        export class Cart {
          total = 0;
          async add(free: boolean) {
            this.total += free ? 0 : await price();
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [],
        },
      ],
    },
    {
      name: 'an await under a type assertion',
      code: `
        declare function price(): Promise<unknown>;
        export class Cart {
          total = 0;
          async add() {
            this.total += (await price()) as number;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 6,
          column: 13,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            { messageId: 'hoistAwait', output: `
        declare function price(): Promise<unknown>;
        export class Cart {
          total = 0;
          async add() {
            const awaited = await price();
            this.total += (awaited) as number;
          }
        }
      ` },
          ],
        },
      ],
    },
    {
      name: 'a state counter of a Koa-style context',
      code: `
        declare function countItems(): Promise<number>;
        export async function middleware(ctx: { state: { items: number } }) {
          ctx.state.items += await countItems();
        }
      `,
      output: `
        declare function countItems(): Promise<number>;
        export async function middleware(ctx: { state: { items: number } }) {
          const awaited = await countItems();
          ctx.state.items += awaited;
        }
      `,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 26,
          suggestions: [],
        },
      ],
    },
      {
      name: 'a wait in the block that returns after the write',
      code: `
        declare function load(): Promise<string>;
        export const cache = { hits: 0 };
        export async function lookup() {
          const hits = cache.hits;
          const value = await load();
          cache.hits = hits + 1;
          return value;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 21,
          suggestions: [
            {
              messageId: 'readAgain',
              output: `
        declare function load(): Promise<string>;
        export const cache = { hits: 0 };
        export async function lookup() {
          const hits = cache.hits;
          const value = await load();
          cache.hits = cache.hits + 1;
          return value;
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a local destructured from a module object',
      code: `
        declare function save(): Promise<void>;
        export const store = { visits: 0 };
        export async function countVisit() {
          const { visits } = store;
          await save();
          store.visits = visits + 1;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'lostUpdate',
          line: 7,
          column: 11,
          endLine: 7,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'readAgain',
              output: `
        declare function save(): Promise<void>;
        export const store = { visits: 0 };
        export async function countVisit() {
          const { visits } = store;
          await save();
          store.visits = store.visits + 1;
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'a property of an object destructured from this',
      code: `
        declare function fetchHits(): Promise<number>;
        export class Server {
          stats = { hits: 0 };
          async count() {
            const { stats } = this;
            stats.hits += await fetchHits();
          }
        }
      `,
      output: `
        declare function fetchHits(): Promise<number>;
        export class Server {
          stats = { hits: 0 };
          async count() {
            const { stats } = this;
            const awaited = await fetchHits();
            stats.hits += awaited;
          }
        }
      `,
      errors: [{ messageId: 'lostUpdate', line: 7, column: 13, endLine: 7, endColumn: 23, suggestions: [] }],
    },
  ],
});
