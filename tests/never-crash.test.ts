/**
 * On files that have types, the rules never throw: syntax they do not expect,
 * `any` everywhere, or a declaration they cannot find means they report
 * nothing (catalogue, "What every rule has"). Each case is real ESLint with
 * the `strict` config (every rule on) and the typed parser, run once with
 * `parserOptions.project` and once with `projectService`.
 */
import path from 'node:path';

import { ESLint, type Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index.js';
import { typeCheck } from './fix-semantics/harness.js';
import { createFixtureESLint } from './fixture-eslint.js';
import { fixturesDir } from './rule-tester.js';

interface CrashCase {
  name: string;
  /**
   * A file of the fixture projects: \`file.ts\`, or \`crash/component.tsx\` and
   * \`crash/checked.js\` (typed by \`fixtures/crash/tsconfig.json\`, which allows
   * and checks JavaScript).
   */
  fileName: string;
  code: string;
  /** The code has TypeScript errors on purpose (otherwise the test checks it has none). */
  hasTypeErrors?: true;
  /** TypeScript's own checker overflows the stack on the code (a TypeScript bug): type-checking it throws. */
  overflowsTypeScript?: true;
}

const cases: readonly CrashCase[] = [
  {
    name: 'decorators on classes, methods, accessors, properties and parameters',
    fileName: 'file.ts',
    code: `
export {};
function sealed<T extends abstract new (...args: never[]) => object>(constructor: T): T {
  return constructor;
}
function logged(_target: object, _key: string | symbol, descriptor: PropertyDescriptor): PropertyDescriptor {
  return descriptor;
}
function column(_target: object, _key: string | symbol): void {}
function inject(_target: object, _key: string | symbol | undefined, _index: number): void {}

@sealed
class UserService {
  @column
  name = 'users';

  constructor(@inject private readonly baseUrl: string) {}

  @logged
  async load(@inject id: string): Promise<string> {
    const response = await fetch(this.baseUrl + id);
    return response.text();
  }

  @logged
  get label(): string {
    return this.name;
  }
}

await new UserService('https://example.test/').load('1');
`,
  },
  {
    name: 'overloads of functions and methods, sync and async',
    fileName: 'file.ts',
    code: `
import { readFile } from 'node:fs/promises';

function read(path: string): Promise<string>;
function read(path: string, raw: true): Promise<Buffer>;
async function read(path: string, raw?: true): Promise<string | Buffer> {
  const data = await readFile(path);
  return raw === true ? data : data.toString('utf8');
}

function size(value: string): number;
function size(value: unknown[]): number;
function size(value: string | unknown[]): number {
  return value.length;
}

class Store {
  get(key: string): Promise<string>;
  get(key: string, fallback: string): Promise<string>;
  async get(key: string, fallback = ''): Promise<string> {
    const text = await read(key);
    return text || fallback;
  }
}

export const total = size(await read('a')) + size(await new Store().get('b', 'c'));
export const raw = await read('a', true);
`,
  },
  {
    name: 'declare functions, classes, consts, enums and global augmentations',
    fileName: 'file.ts',
    code: `
declare function fetchUser(id: string): Promise<{ name: string }>;
declare function notify(message: string): void;
declare class Client {
  constructor(url: string);
  query(sql: string): Promise<unknown[]>;
  close(): void;
}
declare const ready: Promise<boolean>;
declare enum Remote {
  A,
  B,
}
declare global {
  interface Window {
    asyncMisuseProbe?: () => Promise<void>;
  }
  function globalLookup(key: string): Promise<string>;
}

export async function main(): Promise<void> {
  const user = await fetchUser('1');
  const client = new Client('db://');
  await client.query(user.name);
  // A \`void\` from a declaration without a body may hide a promise: no report.
  await notify('done');
  await client.close();
  await ready;
  await globalLookup(String(Remote.A));
}
`,
  },
  {
    name: 'declare module and namespace in a global script',
    fileName: 'file.ts',
    code: `
declare module 'virtual-async-misuse' {
  export function get(): Promise<number>;
  export default function run(): void;
}
declare namespace Legacy {
  function start(): Promise<void>;
  namespace Inner {
    const version: string;
  }
}
function startLegacy(): Promise<void> {
  return Legacy.start();
}
startLegacy().catch(() => undefined);
`,
  },
  {
    name: 'abstract classes, implementations and overrides of promise members',
    fileName: 'file.ts',
    code: `
export {};
abstract class Repository<T> {
  abstract find(id: string): Promise<T | undefined>;

  async findOrThrow(id: string): Promise<T> {
    const found = await this.find(id);
    if (found === undefined) throw new Error(\`missing \${id}\`);
    return found;
  }
}

interface Closeable {
  close(): Promise<void>;
}

// Synchronous bodies, but the Promise return is the contract: no report.
class MemoryRepository extends Repository<string> implements Closeable {
  private readonly items = new Map<string, string>();

  async find(id: string): Promise<string | undefined> {
    return this.items.get(id);
  }

  async close(): Promise<void> {
    this.items.clear();
  }
}

console.log(await new MemoryRepository().findOrThrow('a').catch(() => 'none'));
`,
  },
  {
    name: 'enums and const enums (awaiting an enum member is rightly reported)',
    fileName: 'file.ts',
    code: `
export {};
enum Status {
  Ready,
  Busy = 'busy',
}
const enum Direction {
  Up = 1,
  Down = Up * 2,
}
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function poll(): Promise<Status> {
  await delay(1);
  return Direction.Down > Direction.Up ? Status.Ready : Status.Busy;
}

const status = await poll();
const busy = await Status.Busy; // expect: no-trivial-await/awaitOfNonThenable
console.log(status, busy);
`,
  },
  {
    name: 'namespaces with nested and merged declarations',
    fileName: 'file.ts',
    code: `
export namespace Jobs {
  export namespace Timing {
    export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  }
  export async function run(name: string): Promise<string> {
    await Timing.delay(1);
    return name;
  }
}
export namespace Jobs {
  export const queue: Promise<string>[] = [];
}
export function helper() {}
export namespace helper {
  export const version = 1;
}
Jobs.queue.push(Jobs.run('a'));
export const results = await Promise.all(Jobs.queue);
`,
  },
  {
    name: 'using and await using declarations',
    fileName: 'file.ts',
    code: `
export {};
class Handle implements Disposable {
  [Symbol.dispose](): void {
    console.log('closed');
  }
}
class Connection implements AsyncDisposable {
  async [Symbol.asyncDispose](): Promise<void> {
    await new Promise<void>((resolve) => setTimeout(resolve, 1));
  }
}

// \`await using\` awaits at the end of the block: the function is really async.
async function work(): Promise<number> {
  using handle = new Handle();
  await using connection = new Connection();
  return [handle, connection].length;
}

{
  await using connection = new Connection();
  using handle = new Handle();
  console.log(await work(), handle, connection);
}
`,
  },
  {
    name: 'labelled loops, labelled blocks and for await',
    fileName: 'file.ts',
    code: `
export {};
const save = (value: number) => new Promise<number>((resolve) => setTimeout(() => resolve(value), 1));
async function* numbers(): AsyncGenerator<number> {
  yield await save(1);
}

const rows = [[1, -2], [3, 12]];
outer: for (const row of rows) {
  inner: for (const cell of row) {
    if (cell < 0) continue outer;
    if (cell > 9) break inner;
    await save(cell);
  }
}
block: {
  if (rows.length > 1) break block;
  await save(0);
}
loop: for await (const value of numbers()) {
  while (value > 0) {
    await save(value);
    break loop;
  }
}
`,
  },
  {
    name: 'optional chaining and non-null assertions in awaited operands',
    fileName: 'file.ts',
    code: `
export {};
interface Api {
  fetch?: () => Promise<number>;
  nested?: { load?(): Promise<string> };
  close?: () => void;
  count?: number;
}
declare const api: Api | undefined;
declare const loader: { load(): Promise<string> } | null;

const a = await api?.fetch?.();
const b = await api?.nested?.load?.();
const c = await loader!.load();
const d = await loader?.load();
// \`close\` is a \`() => void\` property that may hold an async function: no
// report, through an optional chain (\`void | undefined\`) or not.
await api?.close?.();
await api!.close!();
const e = await api?.count; // expect: no-trivial-await/awaitOfNonThenable
console.log(a, b, c, d, e);
`,
  },
  {
    name: 'generics: constrained, unconstrained, conditional and mapped types',
    fileName: 'file.ts',
    code: `
export {};
type Unwrap<T> = T extends PromiseLike<infer U> ? U : T;
type Loaders<T> = { [K in keyof T]: () => Promise<T[K]> };

async function settle<T>(value: T): Promise<Unwrap<T>> {
  return (await value) as Unwrap<T>;
}
async function first<T>(items: AsyncIterable<T>): Promise<T | undefined> {
  for await (const item of items) return item;
  return undefined;
}
async function loadAll<T extends object>(loaders: Loaders<T>): Promise<Partial<T>> {
  const result: Partial<T> = {};
  for (const key of Object.keys(loaders) as (keyof T)[]) {
    result[key] = await loaders[key]();
  }
  return result;
}
async function sometimes<T extends number | Promise<number>>(value: T): Promise<number> {
  return await value;
}
async function measured<T extends string>(value: T): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  // \`T extends string\` is judged by its constraint: certainly not thenable.
  return (await value).length; // expect: no-trivial-await/awaitOfNonThenable
}

console.log(
  await settle(Promise.resolve(1)),
  await first((async function* () { yield 'x'; })()),
  await loadAll<{ a: number }>({ a: () => Promise.resolve(1) }),
  await sometimes(2),
  await measured('abc'),
);
`,
  },
  {
    name: 'class fields, private # members, statics, getters and setters',
    fileName: 'file.ts',
    code: `
export {};
class Cache {
  static instances = 0;
  static {
    Cache.instances += 1;
  }
  #store = new Map<string, Promise<string>>();
  #limit = 10;
  readonly load = async (key: string): Promise<string> => {
    const text = await this.get(key);
    return text.trim();
  };

  get size(): number {
    return this.#store.size;
  }

  set limit(value: number) {
    this.#limit = value;
  }

  get limit(): number {
    return this.#limit;
  }

  async #fetch(key: string): Promise<string> {
    const response = await fetch(key);
    return response.text();
  }

  async get(key: string): Promise<string> {
    let pending = this.#store.get(key);
    if (pending === undefined) {
      pending = this.#fetch(key);
      this.#store.set(key, pending);
    }
    return await pending;
  }

  static async create(): Promise<Cache> {
    await Promise.resolve(Cache.instances).then(() => undefined);
    return new Cache();
  }

  async *keys(): AsyncGenerator<string> {
    for (const key of this.#store.keys()) yield key;
  }
}

const cache = await Cache.create();
cache.limit = 5;
console.log(cache.size, cache.limit, await cache.load('https://example.test/'));
`,
  },
  {
    name: 'auto-accessors, this parameters, computed names, dynamic import, import.meta, new.target',
    fileName: 'file.ts',
    code: `
export {};
const key = 'dynamic';
class Base {
  declare readonly ready: Promise<void>;
  accessor count = 0;

  constructor() {
    console.log(new.target.name);
  }

  get loaded(): Promise<string> {
    return import('./modules/sync-work.js').then((module) => module.readSetting('a'));
  }

  async [key](): Promise<string> {
    return await this.loaded;
  }

  async [Symbol.asyncIterator]() {}
}

// Empty async functions: no-needless-async leaves them alone (stubs); their call sites are trivial awaits.
async function noop(): Promise<void> {}
const noopArrow = async () => {};

async function bound(this: { base: Base }, url = import.meta.url): Promise<string> {
  const { fetchSetting } = await import('./modules/sync-work.js');
  return fetchSetting(url + (await this.base.loaded));
}

await noop(); // expect: no-trivial-await/awaitOfSyncAsyncFunction
await noopArrow(); // expect: no-trivial-await/awaitOfSyncAsyncFunction
const base = new Base();
console.log(await base[key](), await bound.call({ base }), base.count++);
`,
  },
  {
    name: 'a .tsx file with async components and JSX',
    fileName: 'crash/component.tsx',
    code: `
export {};
declare global {
  namespace JSX {
    interface Element {
      readonly tag: string;
    }
    interface IntrinsicElements {
      [name: string]: Record<string, unknown>;
    }
  }
}

async function Profile(props: { id: string }): Promise<JSX.Element> {
  const response = await fetch(\`/users/\${props.id}\`);
  const name = await response.text();
  return <div title={name}>{name}</div>;
}

const List = async <T,>(props: { items: T[]; render: (item: T) => Promise<JSX.Element> }) => (
  <ul>{await Promise.all(props.items.map(props.render))}</ul>
);

export const page = <main>{await Profile({ id: '1' })}</main>;
export const list = await List({ items: ['1'], render: (id) => Profile({ id }) });
`,
  },
  {
    name: 'a checked .js file with JSDoc types',
    fileName: 'crash/checked.js',
    code: `
/** @typedef {{ id: number, name: string }} Row */

/**
 * @param {string} url
 * @returns {Promise<string>}
 */
export async function load(url) {
  const response = await fetch(url);
  return response.text();
}

/**
 * @param {Row[]} rows
 * @returns {Promise<string[]>}
 */
export async function loadAll(rows) {
  const results = [];
  for (const row of rows) results.push(await load(String(row.id))); // expect: prefer-concurrent-awaits/awaitInLoop
  return results;
}

/** @type {(n: number) => Promise<number>} */
export const twice = async (n) => n * 2;

export class Queue {
  /** @type {Promise<unknown>[]} */
  #pending = [];

  /** @param {() => Promise<unknown>} task */
  add(task) {
    this.#pending.push(task());
  }

  async drain() {
    await Promise.all(this.#pending);
  }
}
`,
  },
  {
    name: 'any and unknown everywhere',
    fileName: 'file.ts',
    code: `
export {};
declare const db: any;
declare function anyFn(...args: any[]): any;
declare const mystery: unknown;

const a: any = db.x;
const b = await a;
const c = await anyFn(await db.query?.('x'));
const d = await Promise.resolve(a);
const e = await new Promise((resolve) => resolve(a));
const f = await (a as any);
const g = await mystery;
const h = await db[a]?.[b]?.(c);

async function handler(req: any, res: any): Promise<any> {
  const user = await db.users.find(req.id);
  res.send(await user.profile);
  return user;
}
async function passThrough(value: any) {
  return value;
}
const callback: any = async () => db.value;

console.log(await handler(a, b), await passThrough(d), e, f, g, h, callback);
`,
  },
  {
    name: 'TypeScript errors: a type error, unresolved names and imports',
    fileName: 'file.ts',
    hasTypeErrors: true,
    code: `
import { missing } from './does-not-exist.js';
import thing from 'not-a-real-package-async-misuse';
import { nothingHere } from './modules/sync-work.js';

const wrong: number = 'not a number';
const result = await missing();
const other = await thing.run(await undefinedFunction());
const nope = await nothingHere;
const bad = await (wrong as unknown as UnknownType);

async function typed(): Promise<UnknownType> {
  return await missing.deeper;
}
// The base class cannot be found, so \`method\` may override a promise member:
// "a declaration it cannot find means it reports nothing", yet it is reported.
class Broken extends MissingBase {
  async method(): Promise<void> { // an unresolved base may declare this contract: silent
    this.work();
  }
}
await typed(1, 2, 3);
export { result, other, nope, bad, Broken };
`,
  },
  {
    name: 'recursive types and self-referencing thenables',
    fileName: 'file.ts',
    code: `
export {};
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Chain {
  then(onFulfilled: (value: number) => void): Chain;
}
declare const chain: Chain;
declare const json: Json;
interface Tree {
  children: Tree[];
  load(): Promise<Tree>;
}
declare const tree: Tree;

await chain;
const loaded = await tree.load();
// A \`Json\` value has no member that could be a callable \`then\`.
const value = await json; // expect: no-trivial-await/awaitOfNonThenable
console.log(loaded.children.length, value);
`,
  },
  {
    name: 'async generators, IIFEs, object literal methods and satisfies',
    fileName: 'file.ts',
    code: `
export {};
interface Handlers {
  start(): Promise<void>;
  stop: () => Promise<void>;
}
const handlers = {
  async start() {
    console.log('start');
  },
  stop: async () => {
    console.log('stop');
  },
} satisfies Handlers;

async function* ticks(): AsyncGenerator<number> {
  yield 1;
}

void (async () => {
  // \`start\` does only synchronous work, but its Promise is the contract \`satisfies\` asks for.
  await handlers.start();
  for await (const tick of ticks()) console.log(tick);
})();

// An exported sync body in async clothes: rightly reported (a suggestion, not a fix).
export default async function () { // expect: no-needless-async/needlessAsync
  return 1;
}
`,
  },
  {
    // From typescript-eslint's no-floating-promises tests. Resolving the outer
    // `wrapNode(…)` call overflows the checker's stack (`tsc --noEmit` too).
    // The function summary asks it whether that call is declared to throw: it
    // cannot tell, so the body may throw, and `async` is only a suggestion.
    name: 'a generic chain on which the checker itself overflows the stack',
    fileName: 'file.ts',
    overflowsTypeScript: true,
    code: `
export {};
interface CustomNode<P> {
  getNextNode: () => CustomNode<P>;
}

declare const createNode: () => {
  getNextNode: <T>() => CustomNode<T>;
};

function wrapNode<T>(getNode: () => CustomNode<T>) {
  return getNode;
}

(async () => { // expect: no-needless-async/needlessAsync
  wrapNode(() => {
    const node = createNode();

    return wrapNode<typeof node.getNextNode<any>>(node.getNextNode);
  });
})();
`,
  },
];

type ParserMode = 'project' | 'projectService';

function createESLint(mode: ParserMode): ESLint {
  const parserOptions: Linter.ParserOptions =
    mode === 'project'
      ? { project: ['./tsconfig.json', './crash/tsconfig.json'], tsconfigRootDir: fixturesDir }
      : { projectService: true, tsconfigRootDir: fixturesDir };
  return createFixtureESLint({
    parserOptions: { ...parserOptions, ecmaFeatures: { jsx: true } },
    configs: [{ files: ['**/*.ts', '**/*.tsx', '**/*.js'], ...plugin.configs.strict }],
  });
}

/**
 * The reports a case expects, from markers at the end of the reported line:
 * \`// expect: rule/messageId\` for a report the catalogue asks for, and
 * \`// BUG: rule/messageId\` for one it does not (a wrong report, pinned here so
 * the suite notices when it goes away).
 */
function getExpectedReports(code: string): string[] {
  return code.split('\n').flatMap((line, index) => {
    const marker = /\/\/ (?:expect|BUG): ([\w-]+\/\w+)/u.exec(line);
    return marker === null ? [] : [`${marker[1] ?? ''}@${index + 1}`];
  });
}

function describeMessage(message: Linter.LintMessage): string {
  if (message.fatal === true) return `fatal: ${message.message}`;
  return `${(message.ruleId ?? 'none').replace('async-misuse/', '')}/${message.messageId ?? message.message}@${message.line}`;
}

describe('the cases are what they claim', () => {
  for (const crashCase of cases) {
    if (crashCase.overflowsTypeScript === true) {
      it(`${crashCase.name}: overflows the stack of TypeScript's own checker`, () => {
        expect(() => typeCheck(crashCase.code, crashCase.fileName)).toThrow(RangeError);
      });
      continue;
    }
    it(`${crashCase.name}: ${crashCase.hasTypeErrors === true ? 'has' : 'has no'} TypeScript errors`, () => {
      const errors = typeCheck(crashCase.code, crashCase.fileName);
      if (crashCase.hasTypeErrors === true) expect(errors).not.toEqual([]);
      else expect(errors).toEqual([]);
    });
  }
});

for (const mode of ['project', 'projectService'] as const) {
  describe(`never crash (parserOptions.${mode})`, () => {
    const eslint = createESLint(mode);

    it('turns every rule of the plugin on', async () => {
      const config = (await eslint.calculateConfigForFile(path.join(fixturesDir, 'file.ts'))) as Linter.Config;
      const enabled = Object.entries(config.rules ?? {})
        .filter(([, setting]) => [2, 'error'].includes((Array.isArray(setting) ? setting[0] : setting) as number | string))
        .map(([id]) => id);
      expect(enabled.sort()).toEqual(Object.keys(plugin.rules).map((id) => `async-misuse/${id}`).sort());
    });

    for (const crashCase of cases) {
      it(crashCase.name, async () => {
        const [result] = await eslint.lintText(crashCase.code, {
          filePath: path.join(fixturesDir, crashCase.fileName),
        });
        expect(result?.messages.map(describeMessage)).toEqual(getExpectedReports(crashCase.code));
      });
    }

    it('a syntax error is a parsing error, not a crash', async () => {
      const [result] = await eslint.lintText('export const = ;\nawait 1;\n', {
        filePath: path.join(fixturesDir, 'file.ts'),
      });
      expect(result?.messages).toHaveLength(1);
      expect(result?.messages[0]).toMatchObject({ fatal: true, ruleId: null });
      expect(result?.messages[0]?.message).toMatch(/^Parsing error:/u);
    });
  });
}
