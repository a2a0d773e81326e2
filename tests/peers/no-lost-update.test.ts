/**
 * `no-lost-update` beside ESLint core's `require-atomic-updates`, the rule it
 * is the typed, scoped answer to. Both run in one real ESLint with
 * typescript-eslint's typed parser on the fixture project.
 *
 * - False reports of `require-atomic-updates` that ours leaves alone: most are
 *   complaints from ESLint's own tracker (the issue is named on each), plus
 *   Koa's `ctx.body = await render()` and a parameter set from the awaited
 *   value. None writes a value computed from a read made before the `await`.
 * - Real lost updates: two tasks that run side by side lose one increment
 *   (`tests/fix-semantics/no-lost-update.test.ts` runs such programs). Ours
 *   reports each; where `require-atomic-updates` reports or misses one, the
 *   test says so.
 */
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

const eslint = createFixtureESLint({
  configs: [
    {
      files: ['**/*.ts'],
      plugins: { 'async-misuse': plugin },
      rules: { 'async-misuse/no-lost-update': 'error', 'require-atomic-updates': 'error' },
    },
  ],
});

interface Counts {
  ours: number;
  theirs: number;
}

async function countReports(code: string): Promise<Counts> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  if (result === undefined) throw new Error('ESLint returned no result');
  const fatal = result.messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(fatal.message);
  return {
    ours: result.messages.filter((message) => message.ruleId === 'async-misuse/no-lost-update').length,
    theirs: result.messages.filter((message) => message.ruleId === 'require-atomic-updates').length,
  };
}

interface PeerCase {
  name: string;
  code: string;
}

/** `require-atomic-updates` reports each of these; none is a lost update. */
const falseReportsOfThePeer: readonly PeerCase[] = [
  {
    name: "Koa's ctx.body = await render() (koajs/koa#1351)",
    code: `
declare function render(view: string): Promise<string>;
export async function show(ctx: { params: { view: string }; body: unknown }) {
  ctx.body = await render(ctx.params.view);
}
`,
  },
  {
    name: 'a module object property set from the awaited value (eslint/eslint#11950)',
    code: `
declare function pureFetchManifest(id: string): Promise<unknown>;
export const flasher = { manifestId: 'a', config: undefined as unknown };
export async function tryFetchManifest() {
  const config = await pureFetchManifest(flasher.manifestId);
  if (config) {
    flasher.config = config;
  }
}
`,
  },
  {
    name: 'a parameter property set from a value the await gave (eslint/eslint#13907)',
    code: `
declare function get(id: string): Promise<{ bar: string }>;
export async function f(foo: { id: string; bar: string }) {
  const buz = await get(foo.id);
  foo.bar = buz.bar;
}
`,
  },
  {
    name: 'a parameter property set in both branches after an await (eslint/eslint#11723)',
    code: `
declare function get(id: string): Promise<{ installDate: Date } | undefined>;
export async function foo(bar: { id: string; visible: boolean; installDate: Date }) {
  const oldBar = await get(bar.id);
  const doIt = () => {
    bar.visible = true;
  };
  doIt();
  if (oldBar) {
    bar.installDate = oldBar.installDate;
  } else {
    bar.installDate = new Date();
  }
}
`,
  },
  {
    name: 'a constant header added after an await (eslint/eslint#17312)',
    code: `
async function setA(headers: Record<string, string>) {
  headers['a'] = 'b';
  await Promise.resolve();
}
export async function g(headers: Record<string, string>) {
  await setA(headers);
  headers['x'] = 'y';
}
`,
  },
  {
    name: 'a flag set to a constant after the await (eslint/eslint#11740)',
    code: `
declare function g(): Promise<void>;
let flag = false;
export async function f() {
  if (!flag) {
    await g();
    flag = true;
  }
}
`,
  },
  {
    name: 'a parameter property replaced by what the awaited call returns',
    code: `
declare function fetchUser(id: string): Promise<{ name: string }>;
export async function fill(user: { id: string; name: string }) {
  user.name = (await fetchUser(user.id)).name;
}
`,
  },
  {
    name: 'an option parsed from a sibling option',
    code: `
declare function parse(raw: string): Promise<number>;
export async function configure(options: { retries: number; raw: string }) {
  options.retries = await parse(options.raw);
}
`,
  },
  {
    name: 'a value written back unchanged after an await (eslint/eslint#14695)',
    code: `
export async function f(obj: { prop: number }) {
  const prop = obj.prop;
  await Promise.resolve();
  obj.prop = prop;
}
`,
  },
];

/** Real lost updates: two concurrent calls lose one of the two increments. */
const lostUpdates: readonly (PeerCase & { theirs: number })[] = [
  {
    name: 'a property of a parameter, compound',
    theirs: 1,
    code: `
declare function fetchDelta(): Promise<number>;
export async function bump(counter: { n: number }) {
  counter.n += await fetchDelta();
}
`,
  },
  {
    name: 'a module object property through a local',
    theirs: 1,
    code: `
declare function save(): Promise<void>;
export const store = { n: 0 };
export async function increment() {
  const n = store.n;
  await save();
  store.n = n + 1;
}
`,
  },
  {
    name: 'an enclosing function variable summed by concurrent callbacks',
    theirs: 1,
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
  },
  {
    name: 'a property of this, compound (the peer leaves this alone)',
    theirs: 0,
    code: `
declare function price(item: string): Promise<number>;
export class Cart {
  total = 0;
  async add(item: string) {
    this.total += await price(item);
  }
}
`,
  },
  {
    name: 'a property of this computed before the await (the peer leaves this alone)',
    theirs: 0,
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
  },
];

describe('no-lost-update beside require-atomic-updates', () => {
  it('has at least 8 false reports of the peer and 3 real lost updates to compare', () => {
    expect(falseReportsOfThePeer.length).toBeGreaterThanOrEqual(8);
    expect(lostUpdates.length).toBeGreaterThanOrEqual(3);
  });

  it.each(falseReportsOfThePeer)('$name: require-atomic-updates reports it, ours does not', async ({ code }) => {
    const counts = await countReports(code);
    expect(counts.theirs).toBeGreaterThan(0);
    expect(counts.ours).toBe(0);
  });

  it.each(lostUpdates)('$name: ours reports it', async ({ code, theirs }) => {
    expect(await countReports(code)).toEqual({ ours: 1, theirs });
  });
});
