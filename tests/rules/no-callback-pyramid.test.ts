import rule from '../../src/rules/no-callback-pyramid.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-callback-pyramid', rule, {
  valid: [
    // Array callbacks nested five deep run before `map` returns: no step waits for anything.
    `
        export function bump(grid: number[][][][][]): number[][][][][] {
          return grid.map((a) => a.map((b) => b.map((c) => c.map((d) => d.map((e) => e + 1)))));
        }
      `,
    // `forEach`, `filter`, `some`, `reduce` and `sort` callbacks, five deep, all synchronous.
    `
        export function count(groups: { items: { tags: string[] }[] }[][]): number {
          let total = 0;
          groups.forEach((group) => {
            group.filter((entry) => entry.items.length > 0).forEach((entry) => {
              entry.items.forEach((item) => {
                total += item.tags.reduce((sum, tag) => sum + [tag].sort((x, y) => x.localeCompare(y)).length, 0);
              });
            });
          });
          return total;
        }
      `,
    // `Array.from`, `String#replace`, `Map#forEach` and `Object.entries(…).map`: standard-library callbacks that run in place.
    `
        export function render(table: Map<string, Record<string, string>>): string[] {
          const out: string[] = [];
          table.forEach((row, key) => {
            Object.entries(row).map(([name, value]) => {
              out.push(...Array.from(value, (char) => key.replace(/x/gu, (match) => match + name + char)));
            });
          });
          return out;
        }
      `,
    // Test blocks nested three deep with a promise handler inside: `describe` and `it` run while the file is collected, so only the `.then` is a step.
    `
        import { describe, it } from 'node:test';
        declare function load(): Promise<number>;
        describe('orders', () => {
          describe('totals', () => {
            it('adds up', () => {
              return load().then((total) => {
                console.log(total);
              });
            });
          });
        });
      `,
    // `before`/`beforeEach` hooks and nested `test`s around three continuations: the hooks and tests are no steps.
    `
        import { beforeEach, describe, test } from 'node:test';
        import { readFile } from 'node:fs';
        describe('files', () => {
          beforeEach(() => {
            test('reads', () => {
              readFile('a', (errorA, a) => {
                readFile('b', (errorB, b) => {
                  setTimeout(() => {
                    console.log(errorA, errorB, a, b);
                  }, 1);
                });
              });
            });
          });
        });
      `,
    // Promise executors run before `new Promise` returns: three of them around a timer are one step.
    `
        export function settle(): Promise<Promise<Promise<void>>> {
          return new Promise((outer) => {
            outer(new Promise((middle) => {
              middle(new Promise((inner) => {
                setTimeout(() => inner(), 10);
              }));
            }));
          });
        }
      `,
    // An executor that wraps a Node-style call, inside two `.then` handlers: the executor is no step, so the pyramid is three deep.
    `
        import { readFile } from 'node:fs';
        declare const ready: Promise<string>;
        export function readNamed(): Promise<Buffer> {
          return ready.then((name) => {
            return ready.then((suffix) => {
              return new Promise<Buffer>((resolve, reject) => {
                readFile(name + suffix, (error, data) => (error ? reject(error) : resolve(data)));
              });
            });
          });
        }
      `,
    // An `'error'` listener handles the failure of the stream around it: it is no fourth step.
    `
        import { createReadStream } from 'node:fs';
        declare const ready: Promise<string>;
        export function pipeWhenReady(): void {
          void ready.then((path) => {
            const stream = createReadStream(path);
            stream.on('open', () => {
              stream.once('ready', () => {
                stream.on('error', (error) => {
                  console.error(path, error);
                });
              });
            });
          });
        }
      `,
    // An `'error'` listener written as a template literal is an error listener all the same.
    `
        import { EventEmitter } from 'node:events';
        const bus = new EventEmitter();
        bus.on('start', () => {
          bus.on('step', () => {
            bus.on('stop', () => {
              bus.once(\`error\`, (error: Error) => {
                console.error(error);
              });
            });
          });
        });
      `,
    // Mixed: a promise handler, an array callback, a timer, an array callback and a Node-style callback are three steps with two synchronous levels between.
    `
        import { readFile } from 'node:fs';
        declare const names: Promise<string[][]>;
        export function readAll(): void {
          void names.then((groups) => {
            groups.forEach((group) => {
              setTimeout(() => {
                group.map((name) => {
                  readFile(name, (error, data) => {
                    console.log(error, data.length);
                  });
                });
              }, 0);
            });
          });
        }
      `,
    // Exactly three continuations: the limit itself is allowed.
    `
        declare function getUser(id: string): Promise<{ team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        export function leadEmail(id: string): Promise<string> {
          return getUser(id).then((user) => getTeam(user.team).then((team) => getLead(team.lead).then((lead) => lead.email)));
        }
      `,
    // Callees typed `any`: the types do not say when the callbacks run, so none counts.
    `
        declare const legacy: any;
        export function run(): void {
          legacy.open(() => {
            legacy.read(() => {
              legacy.parse(() => {
                legacy.close(() => {
                  legacy.done(() => 1);
                });
              });
            });
          });
        }
      `,
    // Callbacks whose return value the callee uses run before it returns: five `retry` levels are no pyramid.
    `
        declare function retry<T>(attempt: () => T): T;
        export const value = retry(() => retry(() => retry(() => retry(() => retry(() => 42)))));
      `,
    // A first parameter typed as a domain value and named `err`: the callee uses the callback's result, so it runs in place.
    `
        declare function lookUp(id: string, resolve: (err: string, value: number) => number): number;
        export const total = lookUp('a', (err, a) => lookUp(err, (err2, b) => lookUp(err2, (err3, c) => lookUp(err3, (err4, d) => a + b + c + d))));
      `,
    // `ignore` names a callee whose callbacks never count: three steps and a `withLock` are three.
    {
      code: `
        declare function withLock(critical: () => void): void;
        declare const tick: Promise<void>;
        void tick.then(() => {
          setTimeout(() => {
            queueMicrotask(() => {
              withLock(() => {
                console.log('locked');
              });
            });
          }, 1);
        });
        export {};
      `,
      options: [{"ignore":["withLock"]}],
    },
    // `maxDepth: 5` allows five timers nested.
    {
      code: `
        setTimeout(() => {
          setTimeout(() => {
            setTimeout(() => {
              setTimeout(() => {
                setTimeout(() => {
                  console.log('late');
                }, 1);
              }, 1);
            }, 1);
          }, 1);
        }, 1);
        export {};
      `,
      options: [{"maxDepth":5}],
    },
    // Many sibling handlers at depth two: breadth is no nesting.
    `
        declare const a: Promise<number>;
        void a.then(() => {
          void a.then(() => 1);
          void a.then(() => 2);
          void a.then(() => 3);
          void a.then(() => 4);
          void a.then(() => 5);
        });
        export {};
      `,
    // A flat chain of `.then` calls: each handler is one level deep.
    `
        declare function fetchText(url: string): Promise<string>;
        export function pipeline(url: string): Promise<number> {
          return fetchText(url)
            .then((text) => text.trim())
            .then((text) => fetchText(text))
            .then((text) => text.length)
            .then((length) => length * 2)
            .catch(() => 0);
        }
      `,
    // The same dependent requests with `await`: no callbacks at all.
    `
        declare function getUser(id: string): Promise<{ team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string): Promise<void>;
        export async function notifyLead(id: string): Promise<void> {
          const user = await getUser(id);
          const team = await getTeam(user.team);
          const lead = await getLead(team.lead);
          await send(lead.email);
        }
      `,
    // Named functions passed by reference: nothing is nested as written.
    `
        import { readFile, writeFile } from 'node:fs';
        function onWritten(error: Error | null): void {
          console.log(error);
        }
        function onRead(error: Error | null, data: Buffer): void {
          if (error === null) writeFile('b', data, onWritten);
        }
        export function copy(): void {
          readFile('a', onRead);
        }
      `,
    // Immediately invoked functions are no arguments: only the two timers count.
    `
        (() => {
          (() => {
            setTimeout(() => {
              (function () {
                setTimeout(() => console.log('x'), 1);
              })();
            }, 1);
          })();
        })();
        export {};
      `,
    // `on` of an object that is no event source and returns itself: its callbacks' timing is unknown.
    `
        interface Router {
          on(path: string, handle: () => void): Router;
        }
        declare const router: Router;
        router.on('/a', () => {
          router.on('/b', () => {
            router.on('/c', () => {
              router.on('/d', () => {
                router.on('/e', () => undefined);
              });
            });
          });
        });
        export {};
      `,
    // `Promise.all` over mapped async callbacks inside two handlers: the mapped callbacks run in place.
    `
        declare function save(id: number): Promise<void>;
        declare const batches: Promise<number[][]>;
        export function saveAll(): Promise<void[][]> {
          return batches.then((groups) => Promise.all(groups.map((ids) => Promise.all(ids.map(async (id) => save(id))))));
        }
      `,
    // A rejection handler beside the fulfilment handler is at the same depth, not one deeper.
    `
        declare const first: Promise<number>;
        declare function next(n: number): Promise<number>;
        export const result = first.then(
          (a) => next(a).then((b) => next(b).then((c) => c, (error: unknown) => String(error))),
          (error: unknown) => String(error),
        );
      `,
    // Two separate pyramids of three: each stays within the limit.
    `
        declare const p: Promise<number>;
        void p.then(() => p.then(() => p.then(() => 1)));
        void p.then(() => p.then(() => p.then(() => 2)));
        export {};
      `,
    // A Node-style callback inside a function stored for later, inside an array callback: one step only.
    `
        import { stat } from 'node:fs';
        export function sizes(files: string[][]): (() => void)[] {
          return files.flatMap((group) =>
            group.map((file) => () => {
              stat(file, (error, stats) => console.log(error, stats.size));
            }),
          );
        }
      `,
    // A class method holds its own callbacks: three steps there.
    `
        import { EventEmitter } from 'node:events';
        export class Watcher extends EventEmitter {
          start(): void {
            this.on('change', () => {
              setImmediate(() => {
                this.once('settled', () => {
                  console.log('settled');
                });
              });
            });
          }
        }
      `,
    // Held out: Three timers, the limit.
    `
        setTimeout(() => { setTimeout(() => { setTimeout(() => { console.log(1); }, 1); }, 1); }, 1);
        export {};
      `,
    // Held out: Frames with array callbacks between.
    `
        requestAnimationFrame(() => { [1, 2].forEach(() => { requestAnimationFrame(() => { [3].map(() => { requestAnimationFrame(() => { console.log('x'); }); }); }); }); });
        export {};
      `,
    // Held out: Node:timers/promises awaited.
    `
        import { setTimeout as sleep } from 'node:timers/promises';
        export async function wait(): Promise<void> { await sleep(1); await sleep(1); await sleep(1); await sleep(1); }
      `,
    // Held out: A DOM error listener inside three steps.
    `
        export function watch(target: HTMLElement): void {
          target.addEventListener('click', () => { setTimeout(() => { target.addEventListener('focus', () => { window.addEventListener('error', (event) => { console.log(event.message); }); }); }, 1); });
        }
      `,
    // Held out: Reduce and sort inside three handlers.
    `
        declare const p: Promise<number[]>;
        export const q = p.then((a) => p.then((b) => p.then((c) => [...a, ...b, ...c].sort((x, y) => x - y).reduce((s, v) => s + v, 0))));
      `,
    // Held out: A JSON reviver inside three steps.
    `
        declare const p: Promise<string>;
        export const q = p.then((a) => p.then((b) => p.then((c) => JSON.parse(a + b + c, (key, value: unknown) => (key === 'x' ? 0 : value)) as unknown)));
      `,
    // Held out: Promise executors five deep.
    `
        export const v = new Promise((a) => { a(new Promise((b) => { b(new Promise((c) => { c(new Promise((d) => { d(new Promise((e) => { e(1); })); })); })); })); });
      `,
    // Held out: A function passed by name at the fourth level.
    `
        import { readFile } from 'node:fs';
        function onRead(error: Error | null, data: Buffer): void { console.log(error, data); }
        readFile('a', () => { readFile('b', () => { readFile('c', () => { readFile('d', onRead); }); }); });
      `,
    // Held out: It.each and describe around three steps.
    `
        import { describe, it } from 'node:test';
        declare const p: Promise<number>;
        describe('a', () => { it('b', () => p.then(() => p.then(() => p.then(() => 1)))); });
      `,
    // Held out: Describe.skip and test.only around three steps.
    `
        import { describe, test } from 'node:test';
        declare const p: Promise<number>;
        describe.skip('a', () => { test.only('b', () => p.then(() => p.then(() => p.then(() => 1)))); });
      `,
    // Held out: An emitter typed any.
    `
        declare const e: any;
        e.on('a', () => { e.on('b', () => { e.on('c', () => { e.on('d', () => { e.on('e', () => 1); }); }); }); });
        export {};
      `,
    // Held out: A callee taking Function.
    `
        declare function later(fn: Function): void;
        later(() => { later(() => { later(() => { later(() => { later(() => 1); }); }); }); });
        export {};
      `,
    // Held out: A callee that returns an unsubscribe function.
    `
        declare function watch(listener: () => void): () => void;
        watch(() => { watch(() => { watch(() => { watch(() => { watch(() => undefined); }); }); }); });
        export {};
      `,
    // Held out: Ignore subscribe.
    {
      code: `
        declare function subscribe(listener: () => void): void;
        subscribe(() => { subscribe(() => { subscribe(() => { subscribe(() => { console.log(1); }); }); }); });
        export {};
      `,
      options: [{"ignore":["subscribe"]}],
    },
    // Held out: Ignore then.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.then(() => p.then(() => p.then(() => p.then(() => 1))));
      `,
      options: [{"ignore":["then"]}],
    },
    // held-out-a: \`classList.forEach\` (DOMTokenList), and the collections a Node-only program gets from \`node:url\` and \`undici-types\`, call back in place: no fourth step.
    `
        import { URLSearchParams as NodeParams } from 'node:url';
        import type { Headers as FetchHeaders, FormData as FetchForm } from 'undici-types';
        import { readFile } from 'node:fs';
        declare const ready: Promise<void>;
        export function walk(item: HTMLElement, params: NodeParams, headers: FetchHeaders, form: FetchForm): void {
          readFile('a', (error) => {
            void ready.then(() => {
              setTimeout(() => {
                item.classList.forEach((name) => console.log(name, error));
                params.forEach((value, key) => console.log(value, key));
                headers.forEach((value, key) => console.log(value, key));
                form.forEach((value, key) => console.log(value, key));
              }, 0);
            });
          });
        }
      `,
  ],
  invalid: [
    // The AJAX pyramid: each request needs the result of the one before.
    {
      code: `
        declare function getUser(id: string): Promise<{ id: string; team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string, about: string): Promise<string>;
        export function notify(id: string): Promise<string> {
          return getUser(id).then((user) => {
            return getTeam(user.team).then((team) => {
              return getLead(team.lead).then((lead) => {
                return send(lead.email, user.id).then((receipt) => receipt.toUpperCase());
              });
            });
          });
        }
      `,
      output: `
        declare function getUser(id: string): Promise<{ id: string; team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string, about: string): Promise<string>;
        export function notify(id: string): Promise<string> {
          return getUser(id).then((user) => {
            return getTeam(user.team).then((team) => {
              return getLead(team.lead).then((lead) => {
                return send(lead.email, user.id);
              }).then((receipt) => receipt.toUpperCase());
            });
          });
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 10,
          column: 55,
          endLine: 10,
          endColumn: 67,
          suggestions: [],
        },
      ],
    },
    // Node-style callbacks of `node:fs`, then a timer.
    {
      code: `
        import { readFile, stat, writeFile } from 'node:fs';
        export function copyConfig(done: (error: Error | null) => void): void {
          stat('a.json', (statError, stats) => {
            readFile('a.json', 'utf8', (readError, text) => {
              writeFile('b.json', text, (writeError) => {
                setTimeout(() => {
                  done(statError ?? readError ?? writeError);
                }, stats.size);
              });
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 28,
          endLine: 7,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    // `function` expressions: the head ends at the parameters' `)`.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a', function (errorA, a) {
          readFile('b', function (errorB, b) {
            readFile('c', function (errorC, c) {
              readFile('d', function (errorD, d) {
                console.log(errorA, errorB, errorC, errorD, a, b, c, d);
              });
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 49,
          suggestions: [],
        },
      ],
    },
    // A Node-style API of the program, typed by its callback's `Error | null` first parameter.
    {
      code: `
        declare function query(sql: string, done: (error: Error | null, rows: string[]) => void): void;
        query('a', (errorA, a) => {
          query(a[0] ?? '', (errorB, b) => {
            query(b[0] ?? '', (errorC, c) => {
              query(c[0] ?? '', (errorD, d) => console.log(errorA, errorB, errorC, errorD, d));
            });
          });
        });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 47,
          suggestions: [],
        },
      ],
    },
    // An `Error` subclass as the first parameter is Node-style too.
    {
      code: `
        class LookupError extends Error {}
        declare function find(id: string, done: (error: LookupError | undefined, row: string) => void): void;
        find('a', (e1, a) => find(a, (e2, b) => find(b, (e3, c) => find(c, (e4, d) => console.log(e1, e2, e3, e4, d)))));
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 76,
          endLine: 4,
          endColumn: 86,
          suggestions: [],
        },
      ],
    },
    // Event listeners and `process.nextTick`, `queueMicrotask`.
    {
      code: `
        import { EventEmitter } from 'node:events';
        const bus = new EventEmitter();
        bus.on('a', () => {
          bus.once('b', () => {
            process.nextTick(() => {
              queueMicrotask(() => {
                console.log('late');
              });
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    // DOM: `addEventListener`, a timer, `fetch(…).then` twice.
    {
      code: `
        export function wire(button: HTMLButtonElement): void {
          button.addEventListener('click', () => {
            setTimeout(() => {
              void fetch('/a').then((response) => {
                void response.json().then((body: unknown) => {
                  console.log(body);
                });
              });
            }, 100);
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 43,
          endLine: 6,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    // A `void` callee that takes a `void` callback is a continuation: nothing waits for the callback.
    {
      code: `
        declare function onReady(callback: () => void): void;
        onReady(() => {
          onReady(() => {
            onReady(() => {
              onReady(() => {
                console.log('ready');
              });
            });
          });
        });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 28,
          suggestions: [],
        },
      ],
    },
    // Timers of several kinds nested.
    {
      code: `
        setTimeout(() => {
          setImmediate(() => {
            setTimeout(() => {
              setImmediate(() => console.log('done'));
            }, 5);
          });
        }, 5);
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 28,
          endLine: 5,
          endColumn: 33,
          suggestions: [],
        },
      ],
    },
    // Synchronous levels between the steps do not count, and do not hide the steps either.
    {
      code: `
        import { readFile } from 'node:fs';
        declare const names: Promise<string[][]>;
        export function readAll(): void {
          void names.then((groups) => {
            groups.forEach((group) => {
              setTimeout(() => {
                group.map((name) => {
                  readFile(name, (error, data) => {
                    [data].forEach(() => {
                      setImmediate(() => console.log(error));
                    });
                  });
                });
              }, 0);
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 11,
          column: 36,
          endLine: 11,
          endColumn: 41,
          suggestions: [],
        },
      ],
    },
    // Six levels: one report, at the fourth.
    {
      code: `
        setTimeout(() => {
          setTimeout(() => {
            setTimeout(() => {
              setTimeout(() => {
                setTimeout(() => {
                  setTimeout(() => console.log('six'), 1);
                }, 1);
              }, 1);
            }, 1);
          }, 1);
        }, 1);
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 26,
          endLine: 5,
          endColumn: 31,
          suggestions: [],
        },
      ],
    },
    // Two callbacks beyond the limit side by side: each is reported.
    {
      code: `
        declare const p: Promise<number>;
        void p.then(() => {
          void p.then(() => {
            void p.then(() => {
              void p.then(() => 1);
              void p.then(() => 2);
            });
          });
        });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 27,
          endLine: 6,
          endColumn: 32,
          suggestions: [],
        },
        {
          messageId: 'pyramid',
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 32,
          suggestions: [],
        },
      ],
    },
    // Both handlers of a `.then` beyond the limit are reported.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.then(() => p.then(() => p.then(() => p.then((n) => n, () => 0))));
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 72,
          endLine: 3,
          endColumn: 78,
          suggestions: [],
        },
        {
          messageId: 'pyramid',
          line: 3,
          column: 82,
          endLine: 3,
          endColumn: 87,
          suggestions: [],
        },
      ],
    },
    // `.catch` and `.finally` handlers are steps.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.catch(() => p.finally(() => p.catch(() => p.finally(() => undefined))));
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 80,
          endLine: 3,
          endColumn: 85,
          suggestions: [],
        },
      ],
    },
    // Async handlers are steps like others.
    {
      code: `
        declare function fetchText(url: string): Promise<string>;
        export const q = fetchText('a').then(async (a) => fetchText(a).then(async (b) => fetchText(b).then(async (c) => fetchText(c).then(async (d) => d))));
      `,
      output: `
        declare function fetchText(url: string): Promise<string>;
        export const q = fetchText('a').then(async (a) => fetchText(a).then(async (b) => fetchText(b).then(async (c) => fetchText(c)).then(async (d) => d)));
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 139,
          endLine: 3,
          endColumn: 151,
          suggestions: [],
        },
      ],
    },
    // A pyramid inside a test block: the block does not count, the pyramid is real.
    {
      code: `
        import { it } from 'node:test';
        import { readFile } from 'node:fs';
        it('reads four files', (_context, done) => {
          readFile('a', () => {
            readFile('b', () => {
              readFile('c', () => {
                readFile('d', () => done());
              });
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 8,
          column: 31,
          endLine: 8,
          endColumn: 36,
          suggestions: [],
        },
      ],
    },
    // A pyramid inside an array callback.
    {
      code: `
        declare const p: Promise<number>;
        export function each(items: number[]): void {
          items.forEach((item) => {
            void p.then(() => p.then(() => p.then(() => p.then(() => item))));
          });
        }
      `,
      output: `
        declare const p: Promise<number>;
        export function each(items: number[]): void {
          items.forEach((item) => {
            void p.then(() => p.then(() => p.then(() => p).then(() => item)));
          });
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 64,
          endLine: 5,
          endColumn: 69,
          suggestions: [],
        },
      ],
    },
    // A function declared inside a step continues the count, as written.
    {
      code: `
        declare const p: Promise<number>;
        void p.then(() => {
          function later(): void {
            void p.then(() => p.then(() => p.then(() => 4)));
          }
          later();
        });
        export {};
      `,
      output: `
        declare const p: Promise<number>;
        void p.then(() => {
          function later(): void {
            void p.then(() => p.then(() => p).then(() => 4));
          }
          later();
        });
        export {};
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 51,
          endLine: 5,
          endColumn: 56,
          suggestions: [],
        },
      ],
    },
    // `maxDepth: 1`: a step inside a step is already too deep.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.then((n) => p.then((m) => n + m));
      `,
      output: null,
      options: [{"maxDepth":1}],
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 47,
          endLine: 3,
          endColumn: 53,
          suggestions: [],
        },
      ],
    },
    // `maxDepth: 2`.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a', (errorA) => {
          setTimeout(() => {
            readFile('b', (errorB) => console.log(errorA, errorB));
          }, 1);
        });
      `,
      output: null,
      options: [{"maxDepth":2}],
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 38,
          suggestions: [],
        },
      ],
    },
    // `ignore` lists other names: `withLock` still counts.
    {
      code: `
        declare function withLock(critical: () => void): void;
        declare const tick: Promise<void>;
        void tick.then(() => {
          setTimeout(() => {
            queueMicrotask(() => {
              withLock(() => {
                console.log('locked');
              });
            });
          }, 1);
        });
        export {};
      `,
      output: null,
      options: [{"ignore":["withRetry"]}],
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    // `maxDepth: 5` exceeded.
    {
      code: `
        setTimeout(() => {
          setTimeout(() => {
            setTimeout(() => {
              setTimeout(() => {
                setTimeout(() => {
                  setTimeout(() => console.log('six'), 1);
                }, 1);
              }, 1);
            }, 1);
          }, 1);
        }, 1);
        export {};
      `,
      output: null,
      options: [{"maxDepth":5}],
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 35,
          suggestions: [],
        },
      ],
    },
    // An optional call's handler counts as well.
    {
      code: `
        declare const maybe: Promise<number> | undefined;
        declare const p: Promise<number>;
        export const q = p.then(() => p.then(() => p.then(() => maybe?.then((n) => n))));
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 77,
          endLine: 4,
          endColumn: 83,
          suggestions: [],
        },
      ],
    },
    // A server's `request` listener, a stream's `data` listener and two Node-style callbacks.
    {
      code: `
        import { createServer } from 'node:http';
        import { appendFile } from 'node:fs';
        export const server = createServer();
        server.on('request', (request, response) => {
          request.on('data', (chunk: Buffer) => {
            appendFile('log', chunk, (errorA) => {
              appendFile('log2', chunk, (errorB) => {
                response.end(String(errorA ?? errorB));
              });
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 8,
          column: 41,
          endLine: 8,
          endColumn: 52,
          suggestions: [],
        },
      ],
    },
    // Fix: the fourth handler reads nothing of the third, so it moves out behind the third's `.then`.
    {
      code: `
        declare function getUser(id: string): Promise<{ id: string; team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string): Promise<void>;
        export function notify(id: string): Promise<string> {
          return getUser(id).then((user) => {
            return getTeam(user.team).then((team) => {
              return getLead(team.lead).then((lead) => {
                return send(lead.email).then(() => 'sent');
              });
            });
          });
        }
      `,
      output: `
        declare function getUser(id: string): Promise<{ id: string; team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string): Promise<void>;
        export function notify(id: string): Promise<string> {
          return getUser(id).then((user) => {
            return getTeam(user.team).then((team) => {
              return getLead(team.lead).then((lead) => {
                return send(lead.email);
              }).then(() => 'sent');
            });
          });
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 10,
          column: 46,
          endLine: 10,
          endColumn: 51,
          suggestions: [],
        },
      ],
    },
    // Fix: a returned pyramid in an async function becomes `await` statements, comments kept.
    {
      code: `
        declare function getUser(id: string): Promise<{ id: string; team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string, about: string): Promise<string>;
        export async function notify(id: string): Promise<string> {
          // The user first.
          return getUser(id).then((user) => {
            console.log('user', user.id);
            return getTeam(user.team).then((team) => {
              return getLead(team.lead).then((lead) => {
                // Then the message.
                return send(lead.email, user.id).then((receipt) => receipt.toUpperCase());
              });
            });
          });
        }
      `,
      output: `
        declare function getUser(id: string): Promise<{ id: string; team: string }>;
        declare function getTeam(id: string): Promise<{ lead: string }>;
        declare function getLead(id: string): Promise<{ email: string }>;
        declare function send(to: string, about: string): Promise<string>;
        export async function notify(id: string): Promise<string> {
          // The user first.
          const user = await getUser(id);
          console.log('user', user.id);
          const team = await getTeam(user.team);
          const lead = await getLead(team.lead);
          // Then the message.
          const receipt = await send(lead.email, user.id);
          return receipt.toUpperCase();
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 13,
          column: 55,
          endLine: 13,
          endColumn: 67,
          suggestions: [],
        },
      ],
    },
    // Fix: an awaited pyramid that initialises a `const`.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<void> {
          const total = await step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + a))));
          console.log(total);
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<void> {
          const a = await step(1);
          const b = await step(a);
          const c = await step(b);
          const d = await step(c);
          const total = d + a;
          console.log(total);
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 104,
          endLine: 4,
          endColumn: 110,
          suggestions: [],
        },
      ],
    },
    // Fix: an awaited pyramid as a statement; its last result may be a promise, so it is awaited too.
    {
      code: `
        declare function step(n: number): Promise<number>;
        declare function save(n: number): Promise<void>;
        export async function run(): Promise<void> {
          await step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => save(d + a)))));
          console.log('saved');
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        declare function save(n: number): Promise<void>;
        export async function run(): Promise<void> {
          const a = await step(1);
          const b = await step(a);
          const c = await step(b);
          const d = await step(c);
          await save(d + a);
          console.log('saved');
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 90,
          endLine: 5,
          endColumn: 96,
          suggestions: [],
        },
      ],
    },
    // Fix: an early `return` in a handler of a returned pyramid returns from the function, as it did.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then((a) => {
            if (a > 10) return a;
            return step(a).then((b) => step(b).then((c) => step(c).then((d) => d)));
          });
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          const a = await step(1);
          if (a > 10) return a;
          const b = await step(a);
          const c = await step(b);
          const d = await step(c);
          return d;
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 73,
          endLine: 6,
          endColumn: 79,
          suggestions: [],
        },
      ],
    },
    // A rejection handler between the levels handles only its own step: the `await` rewrite is a suggestion, and the fix flattens the last level only.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + a)), () => -1));
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c)).then((d) => d + a), () => -1));
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [
            { messageId: 'useAwait', output: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          const a = await step(1);
          let b;
          try {
            b = await step(a);
          } catch (error) {
            return (() => -1)();
          }
          const c = await step(b);
          const d = await step(c);
          return d + a;
        }
      ` },
          ],
        },
      ],
    },
    // Neither: `return` inside a `try` does not catch the returned promise's rejection, `await` would; the inner handler reads the outer's parameter.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          try {
            return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
          } catch {
            return 0;
          }
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 93,
          endLine: 5,
          endColumn: 99,
          suggestions: [],
        },
      ],
    },
    // Flatten, no `await`: the function around is not async.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d * 2))));
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c)).then((d) => d * 2)));
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    // Neither: a `.catch` in the chain ends the pyramid the fix may rewrite, and the inner handler reads the outer's parameter.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))).catch(() => 0));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    // No `await` fix: a `function` handler reads its own `this`.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then(function (this: unknown, a) {
            console.log(this);
            return step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c)));
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 73,
          endLine: 6,
          endColumn: 79,
          suggestions: [],
        },
      ],
    },
    // No `await` fix: a handler's parameter has the name of a variable of the function, which the statements would shadow.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(b: number): Promise<number> {
          return step(1).then((a) => step(a + b).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 95,
          endLine: 4,
          endColumn: 101,
          suggestions: [],
        },
      ],
    },
    // No fix: a `PromiseLike` is no native promise; its `then` may call back as it likes.
    {
      code: `
        declare const start: PromiseLike<number>;
        declare function step(n: number): PromiseLike<number>;
        export async function run(): Promise<number> {
          return start.then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d * 2))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 89,
          endLine: 5,
          endColumn: 95,
          suggestions: [],
        },
      ],
    },
    // No flatten: an early `return` in the outer handler would reach the moved handler.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => {
            if (c > 1) return c;
            return step(c).then((d) => d * 2);
          })));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 33,
          endLine: 6,
          endColumn: 39,
          suggestions: [],
        },
      ],
    },
    // Suggestion: a `node:fs` callback that rethrows becomes an awaited `node:fs/promises` call.
    {
      code: `
        import { readFile, stat, writeFile } from 'node:fs';
        export function copyConfig(done: (error: Error | null) => void): void {
          stat('a.json', (statError, stats) => {
            readFile('a.json', 'utf8', (readError, text) => {
              writeFile('b.json', text, (writeError) => {
                readFile('b.json', 'utf8', (error, copy) => {
                  if (error) throw error;
                  // Compare the copy.
                  console.log(copy === text, stats.size);
                  done(statError ?? readError ?? writeError);
                });
              });
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 44,
          endLine: 7,
          endColumn: 60,
          suggestions: [
            { messageId: 'promisify', output: `
        import { readFile, stat, writeFile } from 'node:fs';
        import { readFile as readFileAsync } from 'node:fs/promises';
        export function copyConfig(done: (error: Error | null) => void): void {
          stat('a.json', (statError, stats) => {
            readFile('a.json', 'utf8', (readError, text) => {
              writeFile('b.json', text, async (writeError) => {
                const copy = await readFileAsync('b.json', 'utf8');
                // Compare the copy.
                console.log(copy === text, stats.size);
                done(statError ?? readError ?? writeError);
              });
            });
          });
        }
      ` },
          ],
        },
      ],
    },
    // Found by the fuzz tests: parenthesized arguments keep their parentheses in the awaited call.
    {
      code: `
        import { readFile, stat, writeFile } from 'node:fs';
        export function copyConfig(done: (error: Error | null) => void): void {
          stat('a.json', (statError, stats) => {
            readFile('a.json', 'utf8', (readError, text) => {
              writeFile('b.json', text, (writeError) => {
                readFile(('b.json'), ('utf8'), (error, copy) => {
                  if (error) throw error;
                  console.log(copy === text, stats.size);
                  done(statError ?? readError ?? writeError);
                });
              });
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 48,
          endLine: 7,
          endColumn: 64,
          suggestions: [
            { messageId: 'promisify', output: `
        import { readFile, stat, writeFile } from 'node:fs';
        import { readFile as readFileAsync } from 'node:fs/promises';
        export function copyConfig(done: (error: Error | null) => void): void {
          stat('a.json', (statError, stats) => {
            readFile('a.json', 'utf8', (readError, text) => {
              writeFile('b.json', text, async (writeError) => {
                const copy = await readFileAsync(('b.json'), ('utf8'));
                console.log(copy === text, stats.size);
                done(statError ?? readError ?? writeError);
              });
            });
          });
        }
      ` },
          ],
        },
      ],
    },
    // Suggestion: another Node-style API through `promisify`, its error handled in a `catch`.
    {
      code: `
        declare function query(sql: string, done: (error: Error | null, rows: string[]) => void): void;
        export function run(done: (error: unknown, rows?: string[]) => void): void {
          query('a', (errorA, a) => {
            query(a[0] ?? '', (errorB, b) => {
              query(b[0] ?? '', (errorC, c) => {
                query(c[0] ?? '', (errorD, d) => {
                  if (errorD) {
                    return done(errorD);
                  }
                  done(errorA ?? errorB ?? errorC, d);
                });
              });
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 7,
          column: 35,
          endLine: 7,
          endColumn: 49,
          suggestions: [
            { messageId: 'promisify', output: `
        import { promisify } from 'node:util';
        declare function query(sql: string, done: (error: Error | null, rows: string[]) => void): void;
        export function run(done: (error: unknown, rows?: string[]) => void): void {
          query('a', (errorA, a) => {
            query(a[0] ?? '', (errorB, b) => {
              query(b[0] ?? '', async (errorC, c) => {
                let d;
                try {
                  d = await promisify(query)(c[0] ?? '');
                } catch (errorD) {
                  return done(errorD);
                }
                done(errorA ?? errorB ?? errorC, d);
              });
            });
          });
        }
      ` },
          ],
        },
      ],
    },
    // Suggestion: the handled error goes on to a callback typed `Error | null`; `catch (errorD)` would be `unknown` under `strict` (TS2345), so it is `any`, as the callback's error was accepted (bench: examples/src/jobs/importPrices.ts).
    {
      code: `
        import { readFile, writeFile } from 'node:fs';
        export function run(done: (error: Error | null) => void): void {
          readFile('a', () => {
            readFile('b', () => {
              readFile('c', (errorC, text) => {
                console.error(errorC);
                writeFile('d', text, (errorD) => {
                  if (errorD) return done(errorD);
                  console.log('written');
                });
              });
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 8,
          column: 38,
          endLine: 8,
          endColumn: 49,
          suggestions: [
            { messageId: 'promisify', output: `
        import { readFile, writeFile } from 'node:fs';
        import { writeFile as writeFileAsync } from 'node:fs/promises';
        export function run(done: (error: Error | null) => void): void {
          readFile('a', () => {
            readFile('b', () => {
              readFile('c', async (errorC, text) => {
                console.error(errorC);
                try {
                  await writeFileAsync('d', text);
                } catch (errorD: any) {
                  return done(errorD);
                }
                console.log('written');
              });
            });
          });
        }
      ` },
          ],
        },
      ],
    },
    // No suggestion: the Node-style call is not the last statement of its function, which would then wait for it.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a', () => {
          readFile('b', () => {
            readFile('c', () => {
              readFile('d', (error, data) => {
                if (error) throw error;
                console.log(data);
              });
              console.log('started d');
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    // No suggestion: the error is read after the check as well.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a', () => {
          readFile('b', () => {
            readFile('c', () => {
              readFile('d', (error, data) => {
                if (error) throw error;
                console.log(error, data);
              });
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 29,
          endLine: 6,
          endColumn: 45,
          suggestions: [],
        },
      ],
    },
    // No fix at all where a rejection handler sits between and the last handler reads the one around it: only the suggestion.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c)), () => -1));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [
            { messageId: 'useAwait', output: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          const a = await step(1);
          let b;
          try {
            b = await step(a);
          } catch (error) {
            return (() => -1)();
          }
          const c = await step(b);
          const d = await step(c);
          return d + c;
        }
      ` },
          ],
        },
      ],
    },
    // Suggestion: a comment at the top of the callback's body goes first.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a', () => {
          readFile('b', () => {
            readFile('c', () => {
              readFile('d', 'utf8', (error, text) => { // The last file.
                if (error) throw error;
                console.log(text.length);
              });
            });
          });
        });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 37,
          endLine: 6,
          endColumn: 53,
          suggestions: [
            { messageId: 'promisify', output: `
        import { readFile } from 'node:fs';
        import { readFile as readFileAsync } from 'node:fs/promises';
        readFile('a', () => {
          readFile('b', () => {
            readFile('c', async () => {
              // The last file.
              const text = await readFileAsync('d', 'utf8');
              console.log(text.length);
            });
          });
        });
      ` },
          ],
        },
      ],
    },
    // Suggestion: an API that returns a promise when called without the callback (pg's `query`) is awaited as it is.
    {
      code: `
        interface Result {
          rows: string[];
        }
        interface Client {
          query(sql: string): Promise<Result>;
          query(sql: string, done: (error: Error | null, result: Result) => void): void;
        }
        export function load(client: Client, done: (rows: string[]) => void): void {
          client.query('a', (e1) => {
            client.query('b', (e2) => {
              client.query('c', (e3) => {
                client.query('d', (error, result) => {
                  if (error) throw error;
                  done([String(e1), String(e2), String(e3), ...result.rows]);
                });
              });
            });
          });
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 13,
          column: 35,
          endLine: 13,
          endColumn: 53,
          suggestions: [
            { messageId: 'promisify', output: `
        interface Result {
          rows: string[];
        }
        interface Client {
          query(sql: string): Promise<Result>;
          query(sql: string, done: (error: Error | null, result: Result) => void): void;
        }
        export function load(client: Client, done: (rows: string[]) => void): void {
          client.query('a', (e1) => {
            client.query('b', (e2) => {
              client.query('c', async (e3) => {
                const result = await client.query('d');
                done([String(e1), String(e2), String(e3), ...result.rows]);
              });
            });
          });
        }
      ` },
          ],
        },
      ],
    },
    // Held out: Four setInterval callbacks.
    {
      code: `
        const a = setInterval(() => { const b = setInterval(() => { const c = setInterval(() => { const d = setInterval(() => { clearInterval(d); }, 1); clearInterval(c); }, 1); clearInterval(b); }, 1); clearInterval(a); }, 1);
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 2,
          column: 121,
          endLine: 2,
          endColumn: 126,
          suggestions: [],
        },
      ],
    },
    // Held out: RequestAnimationFrame four deep.
    {
      code: `
        requestAnimationFrame(() => { requestAnimationFrame(() => { requestAnimationFrame(() => { requestAnimationFrame(() => { console.log('frame'); }); }); }); });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 2,
          column: 121,
          endLine: 2,
          endColumn: 126,
          suggestions: [],
        },
      ],
    },
    // Held out: Node:timers setTimeout under another name.
    {
      code: `
        import { setTimeout as later } from 'node:timers';
        later(() => { later(() => { later(() => { later(() => { console.log('late'); }, 1); }, 1); }, 1); }, 1);
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 57,
          endLine: 3,
          endColumn: 62,
          suggestions: [],
        },
      ],
    },
    // Held out: Process.nextTick four deep.
    {
      code: `
        process.nextTick(() => { process.nextTick(() => { process.nextTick(() => { process.nextTick(() => { console.log('tick'); }); }); }); });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 2,
          column: 101,
          endLine: 2,
          endColumn: 106,
          suggestions: [],
        },
      ],
    },
    // Held out: PrependListener and addListener.
    {
      code: `
        import { EventEmitter } from 'node:events';
        const e = new EventEmitter();
        e.prependListener('a', () => { e.addListener('b', () => { e.prependOnceListener('c', () => { e.once('d', () => { console.log('d'); }); }); }); });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 114,
          endLine: 4,
          endColumn: 119,
          suggestions: [],
        },
      ],
    },
    // Held out: Stream data, end, writeFile, setImmediate.
    {
      code: `
        import { createReadStream, writeFile } from 'node:fs';
        const stream = createReadStream('in');
        stream.on('data', (chunk) => { stream.on('end', () => { writeFile('out', chunk, () => { setImmediate(() => { console.log('done'); }); }); }); });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 110,
          endLine: 4,
          endColumn: 115,
          suggestions: [],
        },
      ],
    },
    // Held out: Fs callbacks as function expressions.
    {
      code: `
        import { readFile } from 'node:fs';
        readFile('a', function (e1, a) { readFile('b', function (e2, b) { readFile('c', function (e3, c) { readFile('d', function (e4, d) { console.log(e1, e2, e3, e4, a, b, c, d); }); }); }); });
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 122,
          endLine: 3,
          endColumn: 138,
          suggestions: [],
        },
      ],
    },
    // Held out: Finally handlers four deep.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.finally(() => p.finally(() => p.finally(() => p.finally(() => undefined))));
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 84,
          endLine: 3,
          endColumn: 89,
          suggestions: [],
        },
      ],
    },
    // Held out: QueueMicrotask four deep.
    {
      code: `
        queueMicrotask(() => { queueMicrotask(() => { queueMicrotask(() => { queueMicrotask(() => { console.log('m'); }); }); }); });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 2,
          column: 93,
          endLine: 2,
          endColumn: 98,
          suggestions: [],
        },
      ],
    },
    // Held out: A pyramid of four inside beforeEach.
    {
      code: `
        import { beforeEach } from 'node:test';
        declare const p: Promise<number>;
        beforeEach(() => p.then(() => p.then(() => p.then(() => p.then(() => 1)))));
      `,
      output: `
        import { beforeEach } from 'node:test';
        declare const p: Promise<number>;
        beforeEach(() => p.then(() => p.then(() => p.then(() => p).then(() => 1))));
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 72,
          endLine: 4,
          endColumn: 77,
          suggestions: [],
        },
      ],
    },
    // Held out: A Node-style API with NodeJS.ErrnoException.
    {
      code: `
        declare function probe(path: string, done: (error: NodeJS.ErrnoException | null, size: number) => void): void;
        probe('a', (e1) => { probe('b', (e2) => { probe('c', (e3) => { probe('d', (e4, size) => { console.log(e1, e2, e3, e4, size); }); }); }); });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 83,
          endLine: 3,
          endColumn: 96,
          suggestions: [],
        },
      ],
    },
    // Held out: A void callee with a void callback whose first parameter is a string named err.
    {
      code: `
        declare function subscribe(listener: (err: string) => void): void;
        subscribe(() => { subscribe(() => { subscribe(() => { subscribe((err) => { console.log(err); }); }); }); });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 73,
          endLine: 3,
          endColumn: 81,
          suggestions: [],
        },
      ],
    },
    // Held out: MaxDepth 2 and three timers.
    {
      code: `
        setTimeout(() => { setTimeout(() => { setTimeout(() => { console.log(1); }, 1); }, 1); }, 1);
        export {};
      `,
      output: null,
      options: [{"maxDepth":2}],
      errors: [
        {
          messageId: 'pyramid',
          line: 2,
          column: 58,
          endLine: 2,
          endColumn: 63,
          suggestions: [],
        },
      ],
    },
    // Held out: Two pyramids of four.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.then(() => p.then(() => p.then(() => p.then(() => 1))));
        export const r = p.then(() => p.then(() => p.then(() => p.then(() => 2))));
      `,
      output: `
        declare const p: Promise<number>;
        export const q = p.then(() => p.then(() => p.then(() => p).then(() => 1)));
        export const r = p.then(() => p.then(() => p.then(() => p).then(() => 2)));
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 72,
          endLine: 3,
          endColumn: 77,
          suggestions: [],
        },
        {
          messageId: 'pyramid',
          line: 4,
          column: 72,
          endLine: 4,
          endColumn: 77,
          suggestions: [],
        },
      ],
    },
    // Held out: Five deep with siblings at the fifth level.
    {
      code: `
        declare const p: Promise<number>;
        void p.then(() => p.then(() => p.then(() => p.then(() => { void p.then(() => 1); void p.then(() => 2); }))));
        export {};
      `,
      output: `
        declare const p: Promise<number>;
        void p.then(() => p.then(() => p.then(() => p).then(() => { void p.then(() => 1); void p.then(() => 2); })));
        export {};
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 60,
          endLine: 3,
          endColumn: 65,
          suggestions: [],
        },
      ],
    },
    // Held out: A delay inside three handlers.
    {
      code: `
        declare const p: Promise<number>;
        export const q = p.then(() => p.then(() => p.then(() => new Promise<void>((resolve) => { setTimeout(() => resolve(), 10); }))));
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 109,
          endLine: 3,
          endColumn: 114,
          suggestions: [],
        },
      ],
    },
    // Held out: Async handler with an await inside, in an awaited pyramid.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<void> {
          await step(1).then((a) => step(a).then((b) => step(b).then(async (c) => { const extra = await step(c); return step(extra).then((d) => console.log(d + a)); })));
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<void> {
          const a = await step(1);
          const b = await step(a);
          const c = await step(b);
          const extra = await step(c);
          const d = await step(extra);
          console.log(d + a);
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 138,
          endLine: 4,
          endColumn: 144,
          suggestions: [],
        },
      ],
    },
    // Held out: Function outer handler and an arrow reading this: no flatten.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export function run(this: { n: number }): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then(function (this: { n: number }, c) { return step(c).then(() => this.n); })));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 127,
          endLine: 4,
          endColumn: 132,
          suggestions: [],
        },
      ],
    },
    // Held out: Async arrow with a returned pyramid.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export const run = async (): Promise<number> => {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => a + b + c + d))));
        };
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export const run = async (): Promise<number> => {
          const a = await step(1);
          const b = await step(a);
          const c = await step(b);
          const d = await step(c);
          return a + b + c + d;
        };
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    // Held out: A returned pyramid inside an if block.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(go: boolean): Promise<number> {
          if (go) {
            return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => a + d))));
          }
          return 0;
        }
      `,
      output: `
        declare function step(n: number): Promise<number>;
        export async function run(go: boolean): Promise<number> {
          if (go) {
            const a = await step(1);
            const b = await step(a);
            const c = await step(b);
            const d = await step(c);
            return a + d;
          }
          return 0;
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 93,
          endLine: 5,
          endColumn: 99,
          suggestions: [],
        },
      ],
    },
    // Held out: Destructured parameters.
    {
      code: `
        declare function load(): Promise<{ id: number; next: number }>;
        declare function more(n: number): Promise<{ id: number; next: number }>;
        export async function run(): Promise<number> {
          return load().then(({ id, next }) => more(next).then(({ next: n2 }) => more(n2).then(({ next: n3 }) => more(n3).then(({ id: last }) => id + last))));
        }
      `,
      output: `
        declare function load(): Promise<{ id: number; next: number }>;
        declare function more(n: number): Promise<{ id: number; next: number }>;
        export async function run(): Promise<number> {
          const { id, next } = await load();
          const { next: n2 } = await more(next);
          const { next: n3 } = await more(n2);
          const { id: last } = await more(n3);
          return id + last;
        }
      `,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 128,
          endLine: 5,
          endColumn: 145,
          suggestions: [],
        },
      ],
    },
    // Held out: Flatten blocked: the outer .then has a rejection handler.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d * 2), () => 0)));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    // Held out: Flatten blocked: the inner .then has a rejection handler.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d * 2, () => 0))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 91,
          endLine: 4,
          endColumn: 97,
          suggestions: [],
        },
        {
          messageId: 'pyramid',
          line: 4,
          column: 105,
          endLine: 4,
          endColumn: 110,
          suggestions: [],
        },
      ],
    },
    // Held out: Flatten blocked: the outer handler has a return type.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export function run(): Promise<number> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c): Promise<number> => step(c).then((d) => d * 2))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 108,
          endLine: 4,
          endColumn: 114,
          suggestions: [],
        },
      ],
    },
    // Held out: Flatten blocked: an optional call.
    {
      code: `
        declare function step(n: number): Promise<number>;
        declare const maybe: Promise<number> | undefined;
        export function run(): Promise<number | undefined> {
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => maybe?.then((d) => d * 2))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 90,
          endLine: 5,
          endColumn: 96,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: type arguments on a level, and the inner handler reads the outer's parameter.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then<number>((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 99,
          endLine: 4,
          endColumn: 105,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: a parameter default.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<number> {
          return step(1).then((a = 0) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 95,
          endLine: 4,
          endColumn: 101,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: a module variable of a handler's name.
    {
      code: `
        declare function step(n: number): Promise<number>;
        const b = 5;
        export async function run(): Promise<number> {
          return step(b).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 91,
          endLine: 5,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: an early return in an awaited pyramid.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<void> {
          await step(1).then((a) => {
            if (a > 1) return 0;
            return step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c)));
          });
          console.log('after');
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 6,
          column: 73,
          endLine: 6,
          endColumn: 79,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: the value of a const from a last handler that returns nothing.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<void> {
          const v = await step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => { console.log(d + c); }))));
          console.log(v);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 4,
          column: 100,
          endLine: 4,
          endColumn: 106,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: the pyramid is returned from a plain function inside the async one.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function run(): Promise<() => Promise<number>> {
          return function inner() {
            return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
          };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 93,
          endLine: 5,
          endColumn: 99,
          suggestions: [],
        },
      ],
    },
    // Held out: No await fix: a generator.
    {
      code: `
        declare function step(n: number): Promise<number>;
        export async function* run(): AsyncGenerator<number> {
          yield 1;
          return step(1).then((a) => step(a).then((b) => step(b).then((c) => step(c).then((d) => d + c))));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 5,
          column: 91,
          endLine: 5,
          endColumn: 97,
          suggestions: [],
        },
      ],
    },
    // Held out: No promisify: three parameters.
    {
      code: `
        declare function exec(command: string, done: (error: Error | null, stdout: string, stderr: string) => void): void;
        exec('a', () => { exec('b', () => { exec('c', () => { exec('d', (error, stdout, stderr) => { if (error) throw error; console.log(stdout, stderr); }); }); }); });
        export {};
      `,
      output: null,
      errors: [
        {
          messageId: 'pyramid',
          line: 3,
          column: 73,
          endLine: 3,
          endColumn: 99,
          suggestions: [],
        },
      ],
    },
  ],
});
