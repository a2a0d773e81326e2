/**
 * `no-lost-update`'s fix does what it is for: each program runs two tasks
 * side by side that each add to one shared location with an awaited value
 * (`Promise.all`, so both read before either resumes). Before the fix one
 * increment is lost; after it both count. The fixed program type-checks and
 * the rule has nothing left to report. The schedule is deterministic: the
 * awaited values are already-resolved promises, so both tasks read first and
 * resume in the order they started.
 */
import { describe, expect, it } from 'vitest';

import { proveFix, type RuleId } from './harness.js';

const RULE: readonly RuleId[] = ['no-lost-update'];

/** Resolves to `amount` after a few microtasks, like a quick query. */
const DELTA = `
async function fetchDelta(amount: number): Promise<number> {
  await Promise.resolve();
  return amount;
}
`;

interface LostUpdateCase {
  name: string;
  code: string;
  /** What the program prints before the fix (one update lost) and after it (both counted). */
  before: string;
  after: string;
  /** A fragment the fixed code must contain. */
  outputIncludes: string;
}

const cases: readonly LostUpdateCase[] = [
  {
    name: 'this.total += await …',
    code: `export {};${DELTA}
class Cart {
  total = 0;
  async add(amount: number) {
    this.total += await fetchDelta(amount);
  }
}
async function main() {
  const cart = new Cart();
  await Promise.all([cart.add(3), cart.add(4)]);
  console.log(JSON.stringify({ total: cart.total }));
}
void main();
`,
    before: '{"total":4}',
    after: '{"total":7}',
    outputIncludes: 'const awaited = await fetchDelta(amount);\n    this.total += awaited;',
  },
  {
    name: 'this.total = this.total + await …',
    code: `export {};${DELTA}
class Cart {
  total = 0;
  async add(amount: number) {
    this.total = this.total + await fetchDelta(amount);
  }
}
async function main() {
  const cart = new Cart();
  await Promise.all([cart.add(3), cart.add(4)]);
  console.log(JSON.stringify({ total: cart.total }));
}
void main();
`,
    before: '{"total":4}',
    after: '{"total":7}',
    outputIncludes: 'this.total = this.total + awaited;',
  },
  {
    name: 'a parameter object’s counter',
    code: `export {};${DELTA}
async function bump(counter: { n: number }, amount: number) {
  counter.n += await fetchDelta(amount);
}
async function main() {
  const counter = { n: 10 };
  await Promise.all([bump(counter, 1), bump(counter, 2)]);
  console.log(JSON.stringify(counter));
}
void main();
`,
    before: '{"n":12}',
    after: '{"n":13}',
    outputIncludes: 'counter.n += awaited;',
  },
  {
    name: 'a module-level let',
    code: `export {};${DELTA}
let count = 0;
async function increment(amount: number) {
  count = count + await fetchDelta(amount);
}
async function main() {
  await Promise.all([increment(5), increment(6)]);
  console.log(JSON.stringify({ count }));
}
void main();
`,
    before: '{"count":6}',
    after: '{"count":11}',
    outputIncludes: 'count = count + awaited;',
  },
  {
    name: 'an enclosing function’s total summed by mapped callbacks',
    code: `export {};${DELTA}
async function sum(amounts: number[]) {
  let total = 0;
  await Promise.all(
    amounts.map(async (amount) => {
      total += await fetchDelta(amount);
    }),
  );
  return total;
}
async function main() {
  console.log(JSON.stringify({ total: await sum([1, 2, 3]) }));
}
void main();
`,
    before: '{"total":3}',
    after: '{"total":6}',
    outputIncludes: 'const awaited = await fetchDelta(amount);\n      total += awaited;',
  },
  {
    name: 'a private field and a computed key',
    code: `export {};${DELTA}
class Tally {
  #counts: Record<string, number> = { a: 0 };
  async add(key: string, amount: number) {
    this.#counts[key] += await fetchDelta(amount);
  }
  get counts() {
    return this.#counts;
  }
}
async function main() {
  const tally = new Tally();
  await Promise.all([tally.add('a', 2), tally.add('a', 5)]);
  console.log(JSON.stringify(tally.counts));
}
void main();
`,
    before: '{"a":5}',
    after: '{"a":7}',
    outputIncludes: 'this.#counts[key] += awaited;',
  },
];

describe('no-lost-update fixes', () => {
  it.each(cases)('$name: an update is lost before the fix, both count after it', async ({ code, before, after, outputIncludes }) => {
    const proof = await proveFix(code, { rules: RULE });
    expect(proof.before.map((message) => message.messageId)).toEqual(['lostUpdate']);
    expect(proof.output).toContain(outputIncludes);
    expect(proof.after).toEqual([]);
    expect(proof.inputTypeErrors).toEqual([]);
    expect(proof.outputTypeErrors).toEqual([]);
    expect(proof.inputRun.stdout.trim()).toBe(before);
    expect(proof.outputRun.stdout.trim()).toBe(after);
    expect(proof.outputRun.exitCode).toBe(0);
  });
});
