/**
 * no-callback-pyramid beside the peers that count nesting by syntax or by
 * name: ESLint core's `max-nested-callbacks` (at the same depth, 3) and
 * eslint-plugin-promise's `no-nesting` and `prefer-await-to-callbacks`, in
 * one real ESLint with the typed parser. On callbacks that run in place
 * (array methods, test blocks, promise executors, callbacks whose result
 * the callee uses) and on an `'error'` listener the peers report and this
 * rule rightly does not: none of them waits for anything. On a real pyramid
 * of steps that run later, they agree. The doc page's "Related rules" says
 * the same.
 */
import path from 'node:path';

import promise from 'eslint-plugin-promise';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

const eslint = createFixtureESLint({
  configs: [
    {
      files: ['**/*.ts'],
      plugins: { 'async-misuse': plugin, promise },
      rules: {
        'async-misuse/no-callback-pyramid': 'error',
        'max-nested-callbacks': ['error', 3],
        'promise/no-nesting': 'error',
        'promise/prefer-await-to-callbacks': 'error',
      },
    },
  ],
});

/** `rule-id line:column` of every report, sorted. */
async function lint(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  const messages = result?.messages ?? [];
  const fatal = messages.find((message) => message.ruleId === null);
  if (fatal !== undefined) throw new Error(fatal.message);
  return messages.map((message) => `${message.ruleId ?? ''} ${String(message.line)}:${String(message.column)}`).sort();
}

describe('synchronous callbacks: the peers report, no-callback-pyramid rightly does not', () => {
  it.each([
    {
      name: 'array callbacks nested five deep',
      code: `
export function bump(grid: number[][][][][]): number[][][][][] {
  return grid.map((a) => a.map((b) => b.map((c) => c.map((d) => d.map((e) => e + 1)))));
}
`,
      reports: ['max-nested-callbacks 3:62', 'max-nested-callbacks 3:75'],
    },
    {
      name: 'test blocks around a promise handler',
      code: `
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
      reports: ['max-nested-callbacks 7:34'],
    },
    {
      name: 'map, string and `Array.from` callbacks of the standard library',
      code: `
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
      reports: ['max-nested-callbacks 6:74'],
    },
    {
      name: 'callbacks whose result the callee uses, the first parameter a domain value named `err`',
      code: `
declare function lookUp(id: string, resolve: (err: string, value: number) => number): number;
export const total = lookUp('a', (err, a) => lookUp(err, (err2, b) => lookUp(err2, (err3, c) => lookUp(err3, (err4, d) => a + b + c + d))));
`,
      reports: ['max-nested-callbacks 3:120', 'promise/prefer-await-to-callbacks 3:34'],
    },
    {
      name: 'an executor wrapping a Node-style read inside two `.then` handlers: the executor is no level',
      code: `
import { readFile } from 'node:fs';
declare const ready: Promise<string>;
export function readNamed(): Promise<Buffer> {
  return ready.then((name) => {
    return ready.then(() => {
      return new Promise<Buffer>((resolve, reject) => {
        readFile(name, (error, data) => (error ? reject(error) : resolve(data)));
      });
    });
  });
}
`,
      reports: ['promise/prefer-await-to-callbacks 8:24'],
    },
    {
      name: "an 'error' listener inside three steps",
      code: `
import { EventEmitter } from 'node:events';
const bus = new EventEmitter();
bus.on('start', () => {
  setTimeout(() => {
    bus.once('ready', () => {
      bus.on('error', (error: Error) => {
        console.error(error);
      });
    });
  }, 1);
});
`,
      reports: ['max-nested-callbacks 7:38'],
    },
  ])('$name', async ({ code, reports }) => {
    expect(await lint(code)).toEqual(reports);
  });
});

describe('continuations: a real pyramid', () => {
  it('is reported by no-callback-pyramid once, at its fourth level, and by the peers', async () => {
    const code = `
declare function getUser(id: string): Promise<{ team: string }>;
declare function getTeam(id: string): Promise<{ lead: string }>;
declare function getLead(id: string): Promise<{ email: string }>;
declare function send(to: string): Promise<string>;
export function notify(id: string): Promise<string> {
  return getUser(id).then((user) => getTeam(user.team).then((team) => getLead(team.lead).then((lead) => send(lead.email).then((receipt) => receipt + user.team + team.lead))));
}
`;
    // no-nesting leaves alone the inner calls whose handlers read the outer handler's parameters.
    expect(await lint(code)).toEqual(['async-misuse/no-callback-pyramid 7:127', 'max-nested-callbacks 7:137', 'promise/no-nesting 7:122']);
  });

  it('within the limit: no-nesting reports a `.then` nested once, no-callback-pyramid allows up to maxDepth', async () => {
    const code = `
declare const ready: Promise<void>;
declare function load(): Promise<number>;
export const loaded = ready.then(() => {
  return load().then((count) => count + 1);
});
`;
    expect(await lint(code)).toEqual(['promise/no-nesting 5:17']);
  });
});
