/**
 * `prefer-concurrent-awaits`' suggestions start independent I/O together and
 * keep the results: each program's fake I/O (`lookup`, a program function
 * that awaits a timer of `node:timers/promises`, so real I/O to the rule)
 * counts how many calls are in flight at once. Deterministic by counting, not
 * by timing: `Promise.all` over `map` runs every callback up to its first
 * `await` before any call can finish, so after the suggestion the maximum is
 * the number of items; before it, 1. The values printed, and their order,
 * stay the same.
 */
import { describe, expect, it } from 'vitest';

import { lintAndFix, runTypeScript, typeCheck, type RuleId } from './harness.js';

const RULE: readonly RuleId[] = ['prefer-concurrent-awaits'];

const FAKE_IO = `
import { setTimeout as elapse } from 'node:timers/promises';
let inFlight = 0;
let maxInFlight = 0;
async function lookup(key: string): Promise<string> {
  inFlight += 1;
  maxInFlight = Math.max(maxInFlight, inFlight);
  await elapse(5);
  inFlight -= 1;
  return \`<\${key}>\`;
}
function report(results: unknown): void {
  console.log(JSON.stringify({ maxInFlight, results }));
}
`;

interface SuggestionCase {
  name: string;
  code: string;
  messageId: 'awaitInLoop' | 'consecutiveAwaits';
  /** How many calls the suggestion runs at once. */
  items: number;
  /** A fragment of the suggested code. */
  outputIncludes: string;
}

const cases: readonly SuggestionCase[] = [
  {
    name: 'a for…of loop that collects its results into a typed array',
    code: `${FAKE_IO}
async function loadAll(keys: string[]): Promise<string[]> {
  const values: string[] = [];
  for (const key of keys) {
    const value = await lookup(key);
    values.push(value.toUpperCase());
  }
  return values;
}
report(await loadAll(['a', 'b', 'c', 'd']));
`,
    messageId: 'awaitInLoop',
    items: 4,
    outputIncludes: 'const values: string[] = await Promise.all(keys.map(async (key) => {',
  },
  {
    name: 'a counting loop that writes a property of each item',
    code: `${FAKE_IO}
interface Entry { key: string; value?: string }
async function fill(entries: Entry[]): Promise<Entry[]> {
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry !== undefined) entry.value = await lookup(entry.key);
  }
  return entries;
}
report(await fill([{ key: 'x' }, { key: 'y' }, { key: 'z' }]));
`,
    messageId: 'awaitInLoop',
    items: 3,
    outputIncludes: 'await Promise.all(entries.map(async (_, i) => {',
  },
  {
    name: 'a loop with a continue decided before the await',
    code: `${FAKE_IO}
async function fillSome(entries: { key: string; value?: string }[]): Promise<unknown> {
  for (const entry of entries) {
    if (entry.key === '') continue;
    entry.value = await lookup(entry.key);
  }
  return entries;
}
report(await fillSome([{ key: 'p' }, { key: '' }, { key: 'q' }, { key: 'r' }, { key: 's' }]));
`,
    messageId: 'awaitInLoop',
    items: 4,
    outputIncludes: "if (entry.key === '') return;",
  },
  {
    name: 'entries of an object, destructured, collected',
    code: `${FAKE_IO}
async function resolveAll(aliases: Record<string, string>): Promise<string[]> {
  const resolved = [];
  for (const [alias, target] of Object.entries(aliases)) {
    resolved.push(\`\${alias}=\${await lookup(target)}\`);
  }
  return resolved;
}
report(await resolveAll({ home: '/h', work: '/w' }));
`,
    messageId: 'awaitInLoop',
    items: 2,
    outputIncludes: 'const resolved = await Promise.all(Object.entries(aliases).map(async ([alias, target]) => {',
  },
  {
    name: 'two awaited declarations in a row',
    code: `${FAKE_IO}
async function page(id: string): Promise<string[]> {
  const profile = await lookup(\`profile:\${id}\`);
  const orders = await lookup(\`orders:\${id}\`);
  return [profile, orders];
}
report(await page('7'));
`,
    messageId: 'consecutiveAwaits',
    items: 2,
    outputIncludes: 'const [profile, orders] = await Promise.all([lookup(`profile:${id}`), lookup(`orders:${id}`)]);',
  },
  {
    name: 'three annotated let declarations in a row',
    code: `${FAKE_IO}
async function settings(): Promise<string> {
  let defaults: string = await lookup('defaults');
  let site: string = await lookup('site');
  let user: string = await lookup('user');
  defaults += '!';
  return [defaults, site, user].join(' ');
}
report(await settings());
`,
    messageId: 'consecutiveAwaits',
    items: 3,
    outputIncludes: "let [defaults, site, user]: [string, string, string] = await Promise.all([lookup('defaults'), lookup('site'), lookup('user')]);",
  },
];

interface Printed {
  maxInFlight: number;
  results: unknown;
}

describe('prefer-concurrent-awaits suggestions: every call in flight at once, the same results in the same order', () => {
  for (const suggestionCase of cases) {
    it(suggestionCase.name, async () => {
      expect(typeCheck(suggestionCase.code)).toEqual([]);
      const suggested = await applySuggestion(suggestionCase.code, suggestionCase.messageId);
      expect(suggested).toContain(suggestionCase.outputIncludes);
      expect(typeCheck(suggested)).toEqual([]);
      const [before, after] = await Promise.all([runTypeScript(suggestionCase.code), runTypeScript(suggested)]);
      expect(before.stderr).toBe('');
      expect(after.stderr).toBe('');
      const original = JSON.parse(before.stdout) as Printed;
      const rewritten = JSON.parse(after.stdout) as Printed;
      expect(original.maxInFlight).toBe(1);
      expect(rewritten.maxInFlight).toBe(suggestionCase.items);
      expect(rewritten.results).toEqual(original.results);
      // The suggested code is left alone: nothing sequential remains to report.
      const { before: remaining } = await lintAndFix(suggested, { rules: RULE });
      expect(remaining.filter((message) => message.messageId === suggestionCase.messageId)).toEqual([]);
    });
  }
});

/** The code with the one report's suggestion applied. */
async function applySuggestion(code: string, messageId: string): Promise<string> {
  const { before } = await lintAndFix(code, { rules: RULE });
  const reports = before.filter((message) => message.messageId === messageId);
  expect(reports).toHaveLength(1);
  const suggestion = reports[0]?.suggestions?.[0];
  if (suggestion === undefined) throw new Error(`no suggestion in ${JSON.stringify(before)}`);
  const { range, text } = suggestion.fix;
  return code.slice(0, range[0]) + text + code.slice(range[1]);
}
