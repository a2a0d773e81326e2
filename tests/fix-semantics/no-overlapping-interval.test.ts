/**
 * no-overlapping-interval's suggestions do what they say: each program runs
 * a slow job (45 ms) on a fast `setInterval` (10 ms) for 300 ms and prints
 * how many runs were in flight at once. The original overlaps; every
 * suggested rewrite type-checks, is left alone by this rule and by
 * typescript-eslint's promise rules, keeps running the job, and never has
 * more than one run in flight. Where the handle is kept, clearing it still
 * stops the job.
 */
import path from 'node:path';

import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../src/index.js';
import { createFixtureESLint } from '../fixture-eslint.js';
import { fixturesDir } from '../rule-tester.js';
import { runTypeScript, typeCheck, type RunResult } from './harness.js';

const eslint = createFixtureESLint({
  configs: [
    {
      files: ['**/*.ts'],
      plugins: { 'async-misuse': plugin },
      rules: { 'async-misuse/no-overlapping-interval': 'error' },
    },
  ],
});

/** Our rule beside the peers most users run: a suggested program must give none of them anything to report. */
const peers = createFixtureESLint({
  configs: [
    {
      files: ['**/*.ts'],
      plugins: { 'async-misuse': plugin, '@typescript-eslint': tseslint.plugin },
      rules: {
        'async-misuse/no-overlapping-interval': 'error',
        '@typescript-eslint/no-misused-promises': 'error',
        '@typescript-eslint/no-floating-promises': 'error',
      },
    },
  ],
});

/** The job every program schedules: counts runs and the most runs in flight at once. */
const JOB = `
let active = 0;
let maxActive = 0;
let runs = 0;
async function slowJob(): Promise<void> {
  runs++;
  active++;
  maxActive = Math.max(maxActive, active);
  await new Promise((resolve) => setTimeout(resolve, 45));
  active--;
}
`;

/** Prints the figures and ends the program (an interval would keep it alive). */
const REPORT = `
setTimeout(() => {
  console.log(JSON.stringify({ maxActive, runs }));
  process.exit(0);
}, 300);
`;

interface Program {
  name: string;
  code: string;
  /** The suggestions the report must offer, in order. */
  suggestions: readonly string[];
}

const programs: readonly Program[] = [
  {
    name: 'an async arrow, handle thrown away',
    code: `export {};${JOB}
setInterval(async () => {
  await slowJob();
}, 10);
${REPORT}`,
    suggestions: ['useSelfSchedulingTimeout', 'addInFlightGuard'],
  },
  {
    name: 'a reference to the async function',
    code: `export {};${JOB}
setInterval(slowJob, 10);
${REPORT}`,
    suggestions: ['useSelfSchedulingTimeout', 'addInFlightGuard'],
  },
  {
    name: 'an arrow returning the promise, with .unref() and a delay read from config',
    code: `export {};${JOB}
const config = { everyMs: 10 };
setInterval(() => slowJob(), config.everyMs).unref();
${REPORT}`,
    suggestions: ['useSelfSchedulingTimeout', 'addInFlightGuard'],
  },
  {
    name: 'a block body with a value returned early',
    code: `export {};${JOB}
setInterval(async () => {
  if (runs > 1000) return runs;
  await slowJob();
  return runs;
}, 10);
${REPORT}`,
    suggestions: ['useSelfSchedulingTimeout', 'addInFlightGuard'],
  },
];

/** Programs that stop the job through the handle the interval returned. */
const stoppedPrograms: readonly Program[] = [
  {
    name: 'a handle kept in a const and cleared',
    code: `export {};${JOB}
const timer = setInterval(async () => {
  await slowJob();
}, 10);
setTimeout(() => {
  clearInterval(timer);
  const runsAtStop = runs;
  setTimeout(() => {
    console.log(JSON.stringify({ maxActive, runs: runsAtStop, runsAfterStop: runs - runsAtStop }));
  }, 150);
}, 300);
`,
    suggestions: ['refreshTimeoutWhenDone', 'addInFlightGuard'],
  },
  {
    name: 'a bound method whose handle is kept in a property and cleared',
    code: `export {};${JOB}
class Worker {
  private timer: NodeJS.Timeout | undefined;
  start(): void {
    this.timer = setInterval(this.tick.bind(this), 10);
  }
  stop(): void {
    clearInterval(this.timer);
  }
  async tick(): Promise<void> {
    await slowJob();
  }
}
const worker = new Worker();
worker.start();
setTimeout(() => {
  worker.stop();
  const runsAtStop = runs;
  setTimeout(() => {
    console.log(JSON.stringify({ maxActive, runs: runsAtStop, runsAfterStop: runs - runsAtStop }));
  }, 150);
}, 300);
`,
    suggestions: ['addInFlightGuard'],
  },
];

interface Figures {
  maxActive: number;
  runs: number;
  runsAfterStop?: number;
}

async function getSuggestedPrograms(code: string): Promise<{ messageId: string; output: string }[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(fixturesDir, 'file.ts') });
  const messages: Linter.LintMessage[] = result?.messages ?? [];
  expect(messages.map((message) => message.ruleId)).toEqual(['async-misuse/no-overlapping-interval']);
  return (messages[0]?.suggestions ?? []).map((suggestion) => ({
    messageId: suggestion.messageId ?? '',
    output: code.slice(0, suggestion.fix.range[0]) + suggestion.fix.text + code.slice(suggestion.fix.range[1]),
  }));
}

function readFigures(run: RunResult, code: string): Figures {
  expect(run.timedOut, code).toBe(false);
  expect(run.stderr, code).toBe('');
  expect(run.exitCode, code).toBe(0);
  return JSON.parse(run.stdout) as Figures;
}

describe('no-overlapping-interval suggestions stop overlapping runs', () => {
  for (const program of [...programs, ...stoppedPrograms]) {
    it(program.name, async () => {
      expect(typeCheck(program.code), 'the program itself must type-check').toEqual([]);
      const suggested = await getSuggestedPrograms(program.code);
      expect(suggested.map((suggestion) => suggestion.messageId)).toEqual(program.suggestions);
      for (const { output } of suggested) {
        expect(typeCheck(output), output).toEqual([]);
        const [linted] = await peers.lintText(output, { filePath: path.join(fixturesDir, 'file.ts') });
        expect(linted?.messages.map((message) => `${String(message.line)} ${message.ruleId ?? ''}: ${message.message}`), output).toEqual([]);
      }

      const [original, ...rewritten] = await Promise.all([
        runTypeScript(program.code),
        ...suggested.map(({ output }) => runTypeScript(output)),
      ]);
      const before = readFigures(original, program.code);
      expect(before.maxActive, 'the original overlaps').toBeGreaterThan(1);
      rewritten.forEach((run, index) => {
        const output = suggested[index]?.output ?? '';
        const after = readFigures(run, output);
        expect(after.maxActive, output).toBe(1);
        // Still a repeating job: a 45 ms job fits about six times into 300 ms.
        expect(after.runs, output).toBeGreaterThanOrEqual(3);
        if (before.runsAfterStop !== undefined) expect(after.runsAfterStop, `the handle still stops it:\n${output}`).toBe(0);
      });
      if (before.runsAfterStop !== undefined) expect(before.runsAfterStop).toBe(0);
    });
  }
});
