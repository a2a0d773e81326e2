/**
 * `no-needless-async-loop`'s fixes keep what a program prints: each program is
 * lint-fixed with the real typed parser, both versions are type-checked and
 * run in `node`, for each kind of fix (dropping the `await` of `for await`,
 * unwrapping `await Promise.all(xs.map(async …))`, removing a yield). The
 * `forEach(async …)` suggestions change what a program does on purpose: the
 * last test shows how.
 */
import { describe, expect, it } from 'vitest';

import { lintAndFix, proveFix, runTypeScript, typeCheck, type FixProof, type RuleId } from './harness.js';

const RULE: readonly RuleId[] = ['no-needless-async-loop'];

interface FixCase {
  name: string;
  code: string;
  /** `messageId`s of the reports `--fix` must fix. */
  fixes: readonly string[];
  /** Fragments the fixed code must contain. */
  outputIncludes: readonly string[];
}

const forAwaitCases: readonly FixCase[] = [
  {
    name: 'for await over an array of numbers, with logs around it',
    code: `
export {};
async function total(prices: number[]): Promise<number> {
  let sum = 0;
  for await (const price of prices) {
    console.log('price', price);
    sum += price;
  }
  return sum;
}
console.log('before');
console.log('total', await total([3, 4, 5]));
console.log('after');
`,
    fixes: ['forAwaitOfSyncIterable'],
    outputIncludes: ['for (const price of prices) {'],
  },
  {
    name: 'for await over a Map that breaks out of the loop',
    code: `
export {};
async function firstLarge(counts: Map<string, number>): Promise<string | undefined> {
  for await (const [name, count] of counts) {
    console.log('look', name);
    if (count > 10) return name;
  }
  return undefined;
}
const counts = new Map([['a', 1], ['b', 20], ['c', 30]]);
console.log('found', await firstLarge(counts));
`,
    fixes: ['forAwaitOfSyncIterable'],
    outputIncludes: ['for (const [name, count] of counts) {'],
  },
  {
    name: 'for await over a synchronous generator whose finally runs when the loop breaks',
    code: `
export {};
function* range(end: number): Generator<number, void> {
  try {
    for (let i = 0; i < end; i++) yield i;
  } finally {
    console.log('range closed');
  }
}
async function firstEven(): Promise<number> {
  for await (const value of range(10)) {
    if (value > 0 && value % 2 === 0) return value;
  }
  return -1;
}
console.log('even', await firstEven());
`,
    fixes: ['forAwaitOfSyncIterable'],
    outputIncludes: ['for (const value of range(10)) {'],
  },
  {
    name: 'for await over a string at the top level of a module',
    code: `
export {};
const word = 'abc';
for await (const letter of word) console.log(letter.toUpperCase());
console.log('end');
`,
    fixes: ['forAwaitOfSyncIterable'],
    outputIncludes: ['for (const letter of word) console.log'],
  },
];

const promiseAllCases: readonly FixCase[] = [
  {
    name: 'await Promise.all over a map that only computes',
    code: `
export {};
async function double(values: number[]): Promise<number[]> {
  const doubled = await Promise.all(values.map(async (value) => value * 2));
  console.log('doubled', doubled.length);
  return doubled.filter((value) => value > 2);
}
console.log((await double([1, 2, 3])).join(','));
`,
    fixes: ['promiseAllOfSyncCallbacks'],
    outputIncludes: ['const doubled = values.map((value) => value * 2);'],
  },
  {
    name: 'a block-body callback with a Promise<string> annotation',
    code: `
export {};
async function labels(names: readonly string[]): Promise<string> {
  const result = await Promise.all(
    names.map(async (name): Promise<string> => {
      console.log('label', name);
      return name.trim().toUpperCase();
    }),
  );
  return result.join('|');
}
console.log(await labels([' ada ', 'grace']));
`,
    fixes: ['promiseAllOfSyncCallbacks'],
    outputIncludes: ['names.map((name): string => {'],
  },
  {
    name: 'Promise.all returned from an async function',
    code: `
export {};
async function lengths(words: string[]): Promise<number[]> {
  return Promise.all(words.map(async (word) => word.length));
}
const result = await lengths(['a', 'bb', 'ccc']);
console.log(result, Array.isArray(result));
`,
    fixes: ['promiseAllOfSyncCallbacks'],
    outputIncludes: ['return words.map((word) => word.length);'],
  },
  {
    name: 'a statement that starts with an array literal after a line without a semicolon',
    code: `
export {};
async function main(): Promise<void> {
  const base = 10
  await Promise.all([1, 2].map(async (step) => {
    console.log('step', base + step);
  }))
  console.log('end')
}
await main();
`,
    fixes: ['promiseAllOfSyncCallbacks'],
    outputIncludes: ['const base = 10\n  ;[1, 2].map((step) => {'],
  },
];

const yieldCases: readonly FixCase[] = [
  {
    name: 'await null in a loop over an array literal',
    code: `
export {};
async function greet(): Promise<void> {
  for (const name of ['Ada', 'Grace', 'Edsger']) {
    console.log('hello', name);
    await null;
  }
}
await greet();
console.log('end');
`,
    fixes: ['yieldInSmallLoop'],
    outputIncludes: ["console.log('hello', name);\n  }"],
  },
  {
    name: 'a zero timeout in a loop over a const array that nothing grows',
    code: `
export {};
const stages = ['lint', 'build', 'test'];
async function run(): Promise<void> {
  for (let i = 0; i < stages.length; i++) {
    console.log('stage', stages[i]);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
await run();
console.log('end');
`,
    fixes: ['yieldInSmallLoop'],
    outputIncludes: ["console.log('stage', stages[i]);\n  }"],
  },
  {
    name: 'setImmediate in a while loop with a counter',
    code: `
export {};
async function countdown(): Promise<void> {
  let remaining = 3;
  while (remaining > 0) {
    console.log('left', remaining);
    remaining--;
    await new Promise(setImmediate);
  }
}
await countdown();
console.log('end');
`,
    fixes: ['yieldInSmallLoop'],
    outputIncludes: ['remaining--;\n  }'],
  },
  {
    name: 'setImmediate() from node:timers/promises in a loop over a tuple',
    code: `
import { setImmediate as nextTurn } from 'node:timers/promises';
async function pair(names: readonly [string, string]): Promise<void> {
  for (const name of names) {
    console.log('name', name);
    await nextTurn();
  }
}
await pair(['left', 'right']);
console.log('end');
`,
    fixes: ['yieldInSmallLoop'],
    outputIncludes: ["console.log('name', name);\n  }"],
  },
];

describe.each([
  ['for await over a synchronous iterable: the `await` is dropped', forAwaitCases],
  ['Promise.all of synchronous callbacks: unwrapped to a map', promiseAllCases],
  ['a yield in a short loop: removed', yieldCases],
] as const)('%s', (_title, cases) => {
  it.each(cases)('$name', async (fixCase) => {
    const proof = await proveFix(fixCase.code, { rules: RULE });
    expectFixApplied(proof, fixCase);
    expectSameTypesAndOutput(proof);
  });
});

describe('reported without a fix where a fix would change behaviour', () => {
  it.each([
    {
      // A throw in an async callback rejects that item's promise, and map goes on with the next item;
      // a throw in a synchronous callback stops the map: the items after it would no longer run.
      name: 'a callback with a throw statement',
      code: `
export {};
const seen: number[] = [];
async function parseAll(values: number[]): Promise<number[]> {
  return await Promise.all(values.map(async (value) => {
    seen.push(value);
    if (value < 0) throw new Error('negative');
    return value;
  }));
}
await parseAll([1, -2, 3]).catch((error: unknown) => console.log(String(error), seen.join(',')));
`,
    },
    {
      // allSettled turns each throw into a { status: 'rejected' } result; a synchronous map would throw.
      name: 'Promise.allSettled with its result discarded',
      code: `
export {};
async function logAll(names: string[]): Promise<void> {
  await Promise.allSettled(names.map(async (name) => {
    console.log(JSON.parse(name));
  }));
}
await logAll(['1', '{']);
console.log('end');
`,
    },
  ])('$name', async ({ code }) => {
    const { output, before } = await lintAndFix(code, { rules: RULE });
    expect(before.map((message) => message.messageId)).toEqual(['promiseAllOfSyncCallbacks']);
    expect(before.filter((message) => message.fix !== undefined)).toEqual([]);
    expect(before[0]?.suggestions?.length).toBe(1);
    expect(output).toBe(code);
  });

  it('the throw case: the suggestion would stop at the failing item (proved by running both)', async () => {
    const code = `
export {};
const seen: number[] = [];
async function parseAll(values: number[]): Promise<number[]> {
  return await Promise.all(values.map(async (value) => {
    seen.push(value);
    if (value < 0) throw new Error('negative');
    return value;
  }));
}
await parseAll([1, -2, 3]).catch((error: unknown) => console.log(String(error), seen.join(',')));
`;
    const suggested = await applySuggestion(code, 'mapSynchronously');
    expect(typeCheck(suggested)).toEqual([]);
    const [original, rewritten] = await Promise.all([runTypeScript(code), runTypeScript(suggested)]);
    expect(original.stdout).toBe('Error: negative 1,-2,3\n');
    expect(rewritten.stdout).toBe('Error: negative 1,-2\n');
  });
});

/**
 * Where the fix condition lets behaviour change: the function summary counts
 * `throw` statements and calls declared to throw, not a call that throws for
 * other reasons (`JSON.parse`). With side effects in the callback, the items
 * after the failing one then no longer run. Documented in the rule's "Fix
 * safety"; the test turns red if the condition is ever tightened.
 */
describe('known limit of the Promise.all fix', () => {
  it('a callback that throws through a call, with a side effect per item', async () => {
    const code = `
export {};
const seen: string[] = [];
async function parseAll(texts: string[]): Promise<number[]> {
  return await Promise.all(texts.map(async (text) => {
    seen.push(text);
    return Number(JSON.parse(text));
  }));
}
await parseAll(['1', '{', '2']).catch(() => console.log('failed after', seen.join(',')));
`;
    const proof = await proveFix(code, { rules: RULE });
    expect(proof.outputTypeErrors).toEqual([]);
    expect(proof.output).toContain('return texts.map((text) => {');
    expect(proof.inputRun.stdout).toBe('failed after 1,{,2\n');
    expect(proof.outputRun.stdout).toBe('failed after 1,{\n');
  });
});

/**
 * What removing a yield moves: a callback another task queued runs between
 * the items before the fix, after the loop once it is gone. The loop is
 * short, so it runs for no longer than the work of a few items; the doc
 * page's "Fix safety" says so.
 */
describe('what the yield fix moves', () => {
  it('a task queued before a short loop runs after it once the yield is gone', async () => {
    const code = `
export {};
async function run(): Promise<void> {
  setImmediate(() => console.log('other task'));
  for (const name of ['a', 'b']) {
    console.log('item', name);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
await run();
await new Promise((resolve) => setTimeout(resolve, 5));
console.log('end');
`;
    const proof = await proveFix(code, { rules: RULE });
    expect(proof.outputTypeErrors).toEqual([]);
    expect(lines(proof.inputRun.stdout)).toEqual(['item a', 'other task', 'item b', 'end']);
    expect(lines(proof.outputRun.stdout)).toEqual(['item a', 'item b', 'other task', 'end']);
  });
});

describe('forEach(async …) suggestions: the original finishes before its work, each suggestion after it', () => {
  const code = `
export {};
async function work(id: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 5 * (4 - id)));
  console.log('work', id);
}
async function main(): Promise<void> {
  const ids = [1, 2, 3];
  ids.forEach(async (id) => {
    await work(id);
  });
  console.log('done');
}
await main();
`;

  it('the original prints "done" before any work finishes', async () => {
    const run = await runTypeScript(code);
    expect(lines(run.stdout)).toEqual(['done', 'work 3', 'work 2', 'work 1']);
  });

  it('the sequential for…of loop finishes the work in order, then "done"', async () => {
    const suggested = await applySuggestion(code, 'useSequentialLoop');
    expect(suggested).toContain('for (const id of ids) {\n    await work(id);\n  }');
    expect(typeCheck(suggested)).toEqual([]);
    const run = await runTypeScript(suggested);
    expect(lines(run.stdout)).toEqual(['work 1', 'work 2', 'work 3', 'done']);
  });

  it('the concurrent Promise.all finishes all the work, then "done"', async () => {
    const suggested = await applySuggestion(code, 'useConcurrentAll');
    expect(suggested).toContain('await Promise.all(ids.map(async (id) => {');
    expect(typeCheck(suggested)).toEqual([]);
    const run = await runTypeScript(suggested);
    expect(lines(run.stdout)).toEqual(['work 3', 'work 2', 'work 1', 'done']);
  });
});

/** The code with the one report's suggestion `messageId` applied. */
async function applySuggestion(code: string, messageId: string): Promise<string> {
  const { before } = await lintAndFix(code, { rules: RULE });
  const suggestion = before.flatMap((message) => message.suggestions ?? []).find((candidate) => candidate.messageId === messageId);
  if (suggestion === undefined) throw new Error(`no suggestion ${messageId} in ${JSON.stringify(before)}`);
  const { range, text } = suggestion.fix;
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}

function expectFixApplied(proof: FixProof, fixCase: FixCase): void {
  expect(proof.output, 'the fix changed nothing').not.toBe(proof.input);
  const fixable = proof.before.filter((message) => message.fix !== undefined).map((message) => message.messageId);
  expect(fixable).toEqual(fixCase.fixes);
  expect(proof.after).toEqual([]);
  for (const fragment of fixCase.outputIncludes) expect(proof.output).toContain(fragment);
}

function expectSameTypesAndOutput(proof: FixProof): void {
  expect(proof.inputTypeErrors, 'the case itself must type-check').toEqual([]);
  expect(proof.outputTypeErrors, `fixed code:\n${proof.output}`).toEqual([]);
  expect(proof.inputRun.stdout.length).toBeGreaterThan(0);
  expect(proof.outputRun.stdout, `fixed code:\n${proof.output}\nstderr: ${proof.outputRun.stderr}`).toBe(proof.inputRun.stdout);
  expect(proof.inputRun.timedOut || proof.outputRun.timedOut).toBe(false);
  expect(proof.outputRun.exitCode).toBe(proof.inputRun.exitCode);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
