/**
 * Our `handle-callback-error` beside eslint-plugin-n's `handle-callback-err`,
 * both run by a real ESLint with the typed parser on the same inputs. n
 * decides by the first parameter's name; ours by the type the callee gives
 * it, and by the name only where the types cannot tell. n runs with the
 * pattern `^(err|error)$`, the names our `errorNames` has by default.
 */
import path from 'node:path';

import type { ESLint } from 'eslint';
import n from 'eslint-plugin-n';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';

const eslint = createFixtureESLint({
  configs: [
    {
      files: ['**/*.ts'],
      plugins: { 'async-misuse': plugin, n: n as unknown as ESLint.Plugin },
      rules: {
        'async-misuse/handle-callback-error': 'error',
        'n/handle-callback-err': ['error', '^(err|error)$'],
      },
    },
  ],
});

/** Which of the two rules report on `code`: `{ n, ours }`. */
async function whoReports(code: string): Promise<{ n: boolean; ours: boolean }> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  const messages = result?.messages ?? [];
  const fatal = messages.find((message) => message.fatal === true);
  if (fatal !== undefined) throw new Error(fatal.message);
  return {
    n: messages.some((message) => message.ruleId === 'n/handle-callback-err'),
    ours: messages.some((message) => message.ruleId === 'async-misuse/handle-callback-error'),
  };
}

const cases: readonly { readonly name: string; readonly code: string; readonly n: boolean; readonly ours: boolean }[] = [
  {
    name: 'a first parameter named err but typed as a number (an error rate): n reports, ours does not',
    code: `
      declare function onSample(listener: (err: number, label: string) => void): void;
      onSample((err, label) => console.log(label));
    `,
    n: true,
    ours: false,
  },
  {
    name: "an 'error' event listener that restarts the server: n reports, ours does not (the event is the error)",
    code: `
      import { createServer } from 'node:http';
      const server = createServer();
      server.on('error', (err) => { server.listen(8080); });
    `,
    n: true,
    ours: false,
  },
  {
    name: 'array callbacks whose element is called error: n reports, ours does not',
    code: `
      declare const failures: string[];
      failures.forEach((error) => { console.log('one more'); });
    `,
    n: true,
    ours: false,
  },
  {
    name: 'a .catch handler: n reports, ours does not (a promise handler, not a Node-style callback)',
    code: `
      declare const pending: Promise<string>;
      export const text = pending.catch((err) => 'fallback');
    `,
    n: true,
    ours: false,
  },
  {
    name: 'fs.stat whose ErrnoException is called problem: n misses it, ours reports by the type',
    code: `
      import { stat } from 'node:fs';
      stat('a.txt', (problem, stats) => console.log(stats.size));
    `,
    n: false,
    ours: true,
  },
  {
    name: "child_process.exec's error called failed: n misses it, ours reports by the type",
    code: `
      import { exec } from 'node:child_process';
      exec('git status', (failed, stdout) => console.log(stdout));
    `,
    n: false,
    ours: true,
  },
  {
    name: 'fs.readFile dropping err: both report',
    code: `
      import { readFile } from 'node:fs';
      readFile('a.txt', (err, data) => console.log(data.length));
    `,
    n: true,
    ours: true,
  },
  {
    name: 'an untyped callee: both decide by the name',
    code: `
      declare const db: any;
      db.query('select 1', (err, rows) => console.log(rows));
    `,
    n: true,
    ours: true,
  },
];

describe('handle-callback-error beside n/handle-callback-err', () => {
  it.each(cases)('$name', async ({ code, n: nReports, ours }) => {
    expect(await whoReports(code)).toEqual({ n: nReports, ours });
  });

  it('disagrees with n on at least five inputs', () => {
    expect(cases.filter((testCase) => testCase.n !== testCase.ours).length).toBeGreaterThanOrEqual(5);
  });
});
