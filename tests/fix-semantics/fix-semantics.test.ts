/**
 * Every `--fix` of the plugin keeps what a program prints: each case is lint-
 * fixed with the real typed parser, both versions are type-checked, and both
 * are run in `node`. Programs print in an order that does not depend on how
 * microtasks interleave with other concurrent tasks, except in the one case
 * below that documents exactly that freedom (the catalogue lets a fix move a
 * microtask boundary).
 */
import { describe, expect, it } from 'vitest';

import { lintAndFix, proveFix, type FixProof, type RuleId } from './harness.js';

interface FixCase {
  name: string;
  code: string;
  rules: readonly RuleId[];
  /** `ruleId/messageId` of each report on the input that `--fix` must fix. */
  fixes: readonly string[];
  /** `ruleId/messageId` of reports still there after `--fix` (suggestions only); none by default. */
  remaining?: readonly string[];
  /** Fragments the fixed code must contain (the parentheses or spacing that keep it right). */
  outputIncludes?: readonly string[];
}

const TRIVIAL: readonly RuleId[] = ['no-trivial-await'];
const BOTH: readonly RuleId[] = ['no-needless-async', 'no-trivial-await'];

const cases: readonly FixCase[] = [
  {
    name: 'await of a number keeps the order of the logs around it',
    code: `
export {};
const answer = 41;
console.log('before');
const value = await answer;
console.log('after', value + 1);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
    outputIncludes: ['const value = answer;'],
  },
  {
    name: 'await of a string inside a call argument',
    code: `
export {};
const greeting: string = 'hello';
console.log(await greeting.toUpperCase(), greeting.length);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
    outputIncludes: ['console.log(greeting.toUpperCase(), greeting.length);'],
  },
  {
    name: 'await of an object keeps its identity',
    code: `
export {};
const config = { retries: 3, name: 'svc' };
const awaited = await config;
console.log(JSON.stringify(awaited), awaited === config);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
  },
  {
    name: 'await of an array of numbers',
    code: `
export {};
const values = [1, 2, 3];
const doubled = (await values).map((value) => value * 2);
console.log(doubled.join(','));
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
  },
  {
    name: 'await of a void call of a readable synchronous function',
    code: `
export {};
function report(message: string): void {
  console.log('report', message);
}
await report('one');
console.log('two');
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
    outputIncludes: ["\nreport('one');"],
  },
  {
    name: 'await Promise.resolve(v) unwraps to v inside a binary expression',
    code: `
export {};
const base = 5;
const result = await Promise.resolve(base) * 2;
console.log(result);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfResolvedValue'],
    outputIncludes: ['const result = base * 2;'],
  },
  {
    name: 'await new Promise(r => r(v)) unwraps to v',
    code: `
export {};
const count = 7;
const resolved = await new Promise<number>((resolve) => resolve(count + 1));
console.log(resolved);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfResolvedValue'],
    outputIncludes: ['const resolved = count + 1;'],
  },
  {
    name: 'await new Promise with a block-body executor that only resolves',
    code: `
export {};
const label = 'ready';
console.log('start');
const state = await new Promise<string>((resolve) => {
  resolve(label);
});
console.log(state);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfResolvedValue'],
  },
  {
    name: 'precedence: x + await Promise.resolve(a || b) keeps the parentheses',
    code: `
export {};
const x = 1;
const a = 0;
const b = 5;
console.log(x + await Promise.resolve(a || b));
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfResolvedValue'],
    outputIncludes: ['x + (a || b)'],
  },
  {
    name: 'precedence: conditional, typeof, exponent and `as` operands are parenthesised',
    code: `
export {};
const flag = true;
const one = 1;
const two = 2;
const zero = 0;
console.log(1 + await Promise.resolve(flag ? one : two));
console.log(typeof await Promise.resolve(one + two));
console.log((await Promise.resolve(-two)) ** 2);
console.log(await Promise.resolve(zero || two) as number);
`,
    rules: TRIVIAL,
    fixes: [
      'no-trivial-await/awaitOfResolvedValue',
      'no-trivial-await/awaitOfResolvedValue',
      'no-trivial-await/awaitOfResolvedValue',
      'no-trivial-await/awaitOfResolvedValue',
    ],
    outputIncludes: ['1 + (flag ? one : two)', 'typeof (one + two)', '(-two) ** 2', '(zero || two) as number'],
  },
  {
    name: 'ASI: a statement after an object literal or a function expression gets its `;`',
    code: `
export {};
async function main() {
  const config = { n: 1 }
  await [config].forEach((item) => console.log('item', item.n))
  const noop = function () { return 'noop'; }
  await (config.n > 0 ? 'positive' : 'other').toUpperCase()
  console.log(typeof noop, noop())
}
void main();
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable', 'no-trivial-await/awaitOfNonThenable'],
    outputIncludes: ['  ;[config].forEach', "  ;(config.n > 0 ? 'positive' : 'other').toUpperCase()"],
  },
  {
    name: 'ASI: the body of if, else and loops gets no `;` (it would become the body)',
    code: `
export {};
async function main(flag: boolean) {
  if (flag) await (console).log('then-body');
  else await [1].forEach((n) => console.log('else-body', n));
  for (let i = 0; i < 2; i++) await [i].forEach((n) => console.log('loop-body', n));
  console.log('after');
}
void main(false).then(() => main(true));
`,
    rules: TRIVIAL,
    fixes: [
      'no-trivial-await/awaitOfNonThenable',
      'no-trivial-await/awaitOfNonThenable',
      'no-trivial-await/awaitOfNonThenable',
    ],
    outputIncludes: ["if (flag) (console).log('then-body');", 'else [1].forEach', 'i++) [i].forEach'],
  },
  {
    name: 'Promise.resolve<T>(v) keeps its type as `v as T`, and the program still type-checks',
    code: `
export {};
let current = await Promise.resolve<number | null>(0);
console.log('first', current);
current = null;
console.log('then', current);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfResolvedValue'],
    outputIncludes: ['let current = (0 as number | null);'],
  },
  {
    name: '-await -x keeps two separate minus signs',
    code: `
export {};
const x = 3;
console.log(-await -x);
console.log(10 -await -x);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable', 'no-trivial-await/awaitOfNonThenable'],
    outputIncludes: ['console.log(- -x);', '10 - -x'],
  },
  {
    name: 'an object literal awaited in statement position stays an expression',
    code: `
export {};
// Inside a function: TypeScript 6.0.3 parses a top-level \`await {…};\` twice
// over the next statement (its top-level-await reparse duplicates it), which
// would break the *input* program, not the fix.
async function main() {
  console.log('first');
  await { field: console.log('evaluated') };
  console.log('last');
}
void main();
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
    outputIncludes: ["  ({ field: console.log('evaluated') });"],
  },
  {
    name: 'an object literal awaited as an arrow body stays an object',
    code: `
export {};
const make = async () => await { n: 1 };
console.log((await make()).n);
`,
    rules: TRIVIAL,
    fixes: ['no-trivial-await/awaitOfNonThenable'],
    // Now \`make\` is an async wrapper around synchronous work: reported, suggestion only.
    remaining: ['no-trivial-await/awaitOfSyncAsyncFunction'],
    outputIncludes: ['async () => ({ n: 1 })'],
  },
  {
    // Without semicolons, dropping a leading \`await\` must not glue the line to
    // the previous one (\`const n = 1[n, 2]…\`, \`console.log('a')(b)\`).
    name: 'ASI: a leading `[`, `(` or template after lines without semicolons',
    code: `
export {};
const n = 1
await [n, 2].map((v) => console.log('item', v))
console.log('a')
await (n)
const label = 'x'
await \`\${label}!\`.length
console.log('done', n, label)
`,
    rules: TRIVIAL,
    fixes: [
      'no-trivial-await/awaitOfNonThenable',
      'no-trivial-await/awaitOfNonThenable',
      'no-trivial-await/awaitOfNonThenable',
    ],
    outputIncludes: ['\n;[n, 2].map(', '\n;(n)\n', '\n;`${label}!`.length'],
  },
  {
    name: 'no-needless-async: a local function only awaited converges with no-trivial-await',
    code: `
export {};
async function double(n: number) {
  console.log('double', n);
  return n * 2;
}
console.log('before');
const result = await double(21);
console.log('after', result);
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['function double(n: number) {', 'const result = double(21);'],
  },
  {
    name: 'no-needless-async: a Promise<T> annotation becomes T',
    code: `
export {};
async function label(id: number): Promise<string> {
  return \`#\${id}\`;
}
const tag = await label(7);
console.log(tag.padStart(4, '-'));
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['function label(id: number): string {', 'const tag = label(7);'],
  },
  {
    name: 'no-needless-async: an arrow bound to a const, awaited',
    code: `
export {};
const increment = async (n: number): Promise<number> => n + 1;
console.log(await increment(1), await increment(2));
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['const increment = (n: number): number => n + 1;', 'console.log(increment(1), increment(2));'],
  },
  {
    name: 'no-needless-async: calls discarded with void or as a statement keep their log order',
    code: `
export {};
async function log(message: string) {
  console.log(message);
}
void log('a');
console.log('b');
log('c');
console.log('d');
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ["void log('a');", 'function log(message: string) {'],
  },
  {
    name: 'no-needless-async: throws caught inside the body, awaited inside try/catch',
    code: `
export {};
async function parsePort(text: string): Promise<number> {
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'number') throw new TypeError('not a number');
    return value;
  } catch (error) {
    console.log('recovered', (error as Error).name);
    return 80;
  }
}
try {
  console.log(await parsePort('8080'));
  console.log(await parsePort('{'));
  console.log(await parsePort('"x"'));
} catch {
  console.log('never reached');
}
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['function parsePort(text: string): number {', "console.log(parsePort('{'));"],
  },
  {
    name: 'no-needless-async: a chain of wrappers converges over several passes',
    code: `
export {};
async function inner() {
  return 1;
}
async function outer() {
  return (await inner()) + 1;
}
console.log(await outer());
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['function inner() {', 'function outer() {', 'console.log(outer());'],
  },
  {
    name: 'no-needless-async: overload signatures lose `async` and `Promise<…>` with the implementation',
    code: `
export {};
async function parse(text: string): Promise<number>;
async function parse(text: string, radix: number): Promise<number>;
async function parse(text: string, radix = 10): Promise<number> {
  return Number.parseInt(text, radix);
}
console.log(await parse('12'), await parse('ff', 16));
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: [
      'function parse(text: string): number;',
      'function parse(text: string, radix: number): number;',
      "console.log(parse('12'), parse('ff', 16));",
    ],
  },
  {
    name: 'no-needless-async: a named function expression bound to a const',
    code: `
export {};
const scale = async function scaleBy(n: number): Promise<number> {
  return n * 3;
};
console.log(await scale(3));
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['const scale = function scaleBy(n: number): number {', 'console.log(scale(3));'],
  },
  {
    name: 'no-needless-async: awaited inside an async callback of map',
    code: `
export {};
async function double(n: number) {
  return n * 2;
}
const results = await Promise.all([1, 2, 3].map(async (n) => await double(n)));
console.log(results.join(','));
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['async (n) => double(n)'],
    // The map callback is needless async too (map's U asks for nothing), but an arrow only gets a suggestion.
    remaining: ['no-needless-async/needlessAsync'],
  },
  {
    name: 'no-needless-async: a #private method only awaited inside its class, then its awaits',
    code: `
export {};
class Totals {
  #values = [1, 2, 3];
  async #sum(): Promise<number> {
    return this.#values.reduce((a, b) => a + b, 0);
  }
  async report() {
    const sum = await this.#sum();
    console.log('sum', sum);
    return sum * 2;
  }
}
console.log('report', await new Totals().report());
`,
    rules: BOTH,
    fixes: ['no-needless-async/needlessAsync'],
    outputIncludes: ['  #sum(): number {', 'const sum = this.#sum();'],
    // `report` is then an async method whose only await is gone: a public method, so suggestions only,
    // here and where it is awaited.
    remaining: ['no-needless-async/needlessAsync', 'no-trivial-await/awaitOfSyncAsyncFunction'],
  },
];

describe('fixes keep observable behaviour', () => {
  for (const fixCase of cases) {
    it(fixCase.name, async () => {
      const proof = await proveFix(fixCase.code, { rules: fixCase.rules });
      expectFixApplied(proof, fixCase);
      expectSameTypesAndOutput(proof);
    });
  }
});

describe('a fix may move a microtask boundary', () => {
  // The one program here whose output depends on microtask interleaving: an
  // unrelated task resumes from `await null` in the same tick in which `main`
  // awaits the wrapper. After the fix `main` no longer yields, so it logs
  // first. The catalogue allows exactly this; the lines printed are the same.
  it('a concurrent task sees the awaited wrapper finish one microtask sooner', async () => {
    const code = `
export {};
async function work() {
  console.log('work');
  return 1;
}
const other = (async () => {
  console.log('other: start');
  await null;
  console.log('other: resumed');
})();
const value = await work();
console.log('main', value);
await other;
`;
    const proof = await proveFix(code, { rules: BOTH });
    expect(proof.output).not.toBe(code);
    expect(proof.output).toContain('const value = work();');
    expect(proof.after).toEqual([]);
    expect(proof.outputTypeErrors).toEqual([]);
    expect(proof.inputRun.exitCode).toBe(0);
    expect(proof.outputRun.exitCode).toBe(0);
    expect(lines(proof.inputRun.stdout)).toEqual(['other: start', 'work', 'other: resumed', 'main 1']);
    expect(lines(proof.outputRun.stdout)).toEqual(['other: start', 'work', 'main 1', 'other: resumed']);
  });
});

describe('no fix where removing the await would change behaviour', () => {
  const unfixable: readonly { name: string; code: string; rules: readonly RuleId[] }[] = [
    {
      // \`Record<string, unknown>\` admits a callable \`then\` under its index signature.
      name: 'an index signature of unknown may hold a `then`',
      code: `
export {};
const record: Record<string, unknown> = {
  then(resolve: (value: number) => void) {
    resolve(5);
  },
};
console.log(await record);
`,
      rules: TRIVIAL,
    },
    {
      // A \`() => void\` parameter may hold an async function.
      name: 'a call of a `() => void` parameter',
      code: `
export {};
async function runHook(hook: () => void) {
  await hook();
  console.log('after hook');
}
await runHook(async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('hook done');
});
`,
      rules: BOTH,
    },
    {
      // The same through an optional chain, whose type is \`void | undefined\`.
      name: 'an optional call of a `() => void` property',
      code: `
export {};
interface Api {
  close?: () => void;
}
const api: Api = {
  close: async () => {
    await new Promise((resolve) => setTimeout(resolve, 5));
    console.log('closed');
  },
};
await api?.close?.();
console.log('after close');
`,
      rules: TRIVIAL,
    },
    {
      // A body that may throw (\`throw\` outside a catching try) rejects instead of throwing.
      name: 'no-needless-async: a body with an uncaught throw, called without await',
      code: `
export {};
async function check(value: number) {
  if (value < 0) throw new RangeError('negative');
  return value;
}
try {
  void check(-1).catch((error: unknown) => console.log('rejected', (error as Error).name));
  console.log('no sync throw');
} catch {
  console.log('sync throw');
}
`,
      rules: BOTH,
    },
    {
      // The resolved value names the executor's own parameter; moved out of
      // the executor it refers to the outer \`reject\`.
      name: 'no-trivial-await: no fix when the resolved value names an executor parameter',
      code: `
export {};
const reject = 'outer';
const got = await new Promise<unknown>((resolve, reject) => resolve(reject));
console.log(typeof got);
`,
      rules: TRIVIAL,
    },
    {
      // A function-expression executor has its own \`arguments\` (resolve,
      // reject): moved out, \`arguments\` is the enclosing function's.
      name: 'no-trivial-await: no fix when the resolved value reads the executor’s `arguments`',
      code: `
export {};
async function main(_only: number) {
  return await new Promise<number>(function (resolve) {
    resolve(arguments.length);
  });
}
console.log(await main(1));
`,
      rules: TRIVIAL,
      // \`main\` is then an async wrapper around synchronous work (suggestion only).
    },
    {
      // \`return hook()\` has type \`void\`, which the function summary counts as
      // "returns no thenable"; but \`hook\` may be async (no-trivial-await's own
      // \`void\` caution). The fix removes \`async\`, the next pass removes the
      // \`await\` of the now-"sync" call, and nothing waits for the hook any more.
      name: 'no-needless-async: a function returning the result of a `() => void` parameter keeps `async`',
      code: `
export {};
async function runHook(hook: () => void) {
  return hook();
}
await runHook(async () => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  console.log('hook done');
});
console.log('after');
`,
      rules: BOTH,
    },
    {
      // \`await o, f()\` is fine, but \`o, f()\` is TS2695 ("Left side of comma
      // operator is unused and has no side effects"): a fix must type-check.
      name: 'no-trivial-await: no fix on the left side of a comma expression',
      code: `
export {};
const settings = { a: 1 };
await settings, console.log('x');
`,
      rules: TRIVIAL,
    },
    {
      // Control flow does not follow the write inside the executor: the checker
      // reads `completing` as `undefined` at the `await`, which in fact waits
      // for the inner promise (a job-queue library's test did this). Removing
      // the `await` printed 'after' before 'completed'.
      name: 'no-trivial-await: no fix for a `let` that a callback assigns (narrowed to `undefined` at the await)',
      code: `
export {};
async function main() {
  let completing;
  const outer = new Promise<void>((resolve2) => {
    completing = new Promise<void>((resolve) => {
      setTimeout(() => {
        console.log('completed');
        resolve();
      }, 5);
    });
    resolve2();
  });
  await outer;
  await completing;
  console.log('after');
}
await main();
`,
      rules: TRIVIAL,
    },
    {
      // `return response` reads as `undefined`, but the callback ran first and
      // assigned a promise: `load` returns a thenable. Removing `async` (and
      // then the `await` of the now "synchronous" call) printed the pending promise.
      name: 'no-needless-async: a function returning a `let` that a callback assigns keeps `async`',
      code: `
export {};
function withConnection(callback: () => void): void {
  callback();
}
async function load() {
  let response;
  withConnection(() => {
    response = new Promise<string>((resolve) => setTimeout(() => resolve('loaded'), 5));
  });
  return response;
}
async function main() {
  const first = await load();
  console.log('first', first);
}
await main();
`,
      rules: BOTH,
    },
    {
      // A property narrowed by an assignment stays narrowed across calls, which
      // may assign it again: `this.pending` reads as `undefined` after `kick()` set it.
      name: 'no-trivial-await: no fix for a property that a method call assigns',
      code: `
export {};
class Worker {
  pending: Promise<void> | undefined;
  kick(): void {
    this.pending = new Promise<void>((resolve) => {
      setTimeout(() => {
        console.log('worked');
        resolve();
      }, 5);
    });
  }
  async run(): Promise<void> {
    this.pending = undefined;
    this.kick();
    await this.pending;
    console.log('ran');
  }
}
await new Worker().run();
`,
      rules: TRIVIAL,
    },
  ];

  for (const unfixableCase of unfixable) {
    it(unfixableCase.name, async () => {
      const { output, before } = await lintAndFix(unfixableCase.code, { rules: unfixableCase.rules });
      expect(before.filter((message) => message.fix !== undefined)).toEqual([]);
      expect(output).toBe(unfixableCase.code);
    });
  }
});

/**
 * Where the catalogue's fix condition lets behaviour change: it counts only
 * `throw` statements as "may throw", so a body that throws through a call
 * still gets the fix, and a discarded call's rejection becomes a synchronous
 * throw. The test pins the exact difference (documented in the rule's
 * "Fix safety"); it turns red if the condition is ever tightened.
 */
interface KnownBug extends FixCase {
  /** The fixed program as the rule currently writes it goes wrong exactly like this. */
  divergence: (proof: FixProof) => void;
}

describe('known limits of the catalogue’s fix conditions', () => {
  const knownBugs: readonly KnownBug[] = [
    {
      // The body throws through a call (not a \`throw\` statement), so
      // \`hasUncaughtThrow\` is false and the fix is applied; a discarded call
      // inside try/catch then catches what used to be an unhandled rejection.
      name: 'no-needless-async: a body that throws through a call, discarded inside try/catch',
      code: `
export {};
async function risky(text: string) {
  console.log('parsed', JSON.parse(text));
}
try {
  risky('{');
  console.log('after call');
} catch {
  console.log('caught');
}
await new Promise((resolve) => setTimeout(resolve, 10));
console.log('end');
`,
      rules: BOTH,
      fixes: ['no-needless-async/needlessAsync'],
      divergence: (proof) => {
        expect(proof.inputRun.stdout).toBe('after call\n');
        expect(proof.inputRun.exitCode).toBe(1);
        expect(proof.inputRun.errorLine).toMatch(/^SyntaxError/u);
        expect(proof.outputRun.stdout).toBe('caught\nend\n');
        expect(proof.outputRun.exitCode).toBe(0);
      },
    },
  ];

  for (const bug of knownBugs) {
    it(`known limit: ${bug.name}`, async () => {
      const proof = await proveFix(bug.code, { rules: bug.rules });
      expectFixApplied(proof, bug);
      expect(() => {
        expectSameTypesAndOutput(proof);
      }).toThrow();
      bug.divergence(proof);
    });
  }
});

function expectFixApplied(proof: FixProof, fixCase: FixCase): void {
  expect(proof.output, 'the fix changed nothing').not.toBe(proof.input);
  const fixable = proof.before
    .filter((message) => message.fix !== undefined)
    .map((message) => `${(message.ruleId ?? '').replace('async-misuse/', '')}/${message.messageId ?? ''}`)
    .sort();
  expect(fixable, 'fixable reports on the input').toEqual([...fixCase.fixes].sort());
  expect(proof.before.filter((message) => message.fatal === true)).toEqual([]);
  // Converged: the fixed reports are gone and so are the follow-ups (the awaits a removed `async` leaves behind).
  const remaining = proof.after.map((message) => {
    expect(message.fix, `still fixable after --fix: ${message.message}`).toBeUndefined();
    return `${(message.ruleId ?? 'fatal').replace('async-misuse/', '')}/${message.messageId ?? message.message}`;
  });
  expect(remaining.sort()).toEqual([...(fixCase.remaining ?? [])].sort());
  for (const fragment of fixCase.outputIncludes ?? []) expect(proof.output).toContain(fragment);
}

function expectSameTypesAndOutput(proof: FixProof): void {
  expect(proof.inputTypeErrors, 'the case itself must type-check').toEqual([]);
  expect(proof.outputTypeErrors, `fixed code:\n${proof.output}`).toEqual([]);
  expect(proof.outputRun.stdout, `fixed code:\n${proof.output}\nstderr: ${proof.outputRun.stderr}`).toBe(
    proof.inputRun.stdout,
  );
  expect(proof.inputRun.timedOut || proof.outputRun.timedOut).toBe(false);
  expect(proof.outputRun.exitCode).toBe(proof.inputRun.exitCode);
  expect(proof.outputRun.errorLine).toBe(proof.inputRun.errorLine);
}

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}
