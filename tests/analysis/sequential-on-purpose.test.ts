import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import {
  getSequenceReason,
  getTypedSequenceReason,
  isArrayTyped,
  isRetryLoop,
  splitWords,
} from '../../src/analysis/sequential-on-purpose.js';
import { probeTyped } from './typed-probe.js';

/** For every `await` in `code`: its operand's text, and the reasons by syntax and by type. */
async function judgeAwaits(code: string): Promise<[string, string | undefined, string | undefined][]> {
  const judged: [string, string | undefined, string | undefined][] = [];
  await probeTyped(code, ({ services, sourceCode }) => ({
    AwaitExpression(node: TSESTree.AwaitExpression) {
      judged.push([
        sourceCode.getText(node.argument),
        getSequenceReason(sourceCode, node.argument),
        getTypedSequenceReason(services, node.argument),
      ]);
    },
  }));
  return judged;
}

describe('splitWords', () => {
  it('splits camelCase, PascalCase, snake case and capitals', () => {
    expect(splitWords('rateLimiter')).toEqual(['rate', 'limiter']);
    expect(splitWords('RATE_LIMIT')).toEqual(['rate', 'limit']);
    expect(splitWords('PQueue')).toEqual(['p', 'queue']);
    expect(splitWords('sleep2')).toEqual(['sleep']);
  });
});

describe('getSequenceReason', () => {
  it('finds delays, limiters, batches, reduce chains, session steps and ordered writes by syntax', async () => {
    expect(
      await judgeAwaits(`
import type { Writable } from 'node:stream';
declare function sleep(ms: number): Promise<void>;
declare function backoff(attempt: number): Promise<void>;
declare const limiter: { schedule<T>(job: () => Promise<T>): Promise<T> };
declare const limit: <T>(job: () => Promise<T>) => Promise<T>;
declare const client: { connect(): Promise<void>; acquireLock(): Promise<void> };
declare const reader: { read(): Promise<string>; readFile(): Promise<string> };
declare const lines: AsyncIterator<string>;
declare const rl: { question(text: string): Promise<string> };
declare function execa(file: string, args: string[]): Promise<unknown>;
declare function runMigration(name: string): Promise<void>;
declare const page: { goto(url: string): Promise<unknown>; click(selector: string): Promise<void> };
export async function f(out: Writable & { writeAsync(chunk: string): Promise<void> }, socket: { send(data: string): Promise<void> }, ids: string[]) {
  await sleep(100);
  await backoff(2);
  await new Promise((resolve) => setTimeout(resolve, 250));
  await limiter.schedule(() => fetch('/a'));
  await limit(() => fetch('/b'));
  await Promise.all(ids.map((id) => fetch(id)));
  await client.connect();
  await socket.send('x');
  await reader.read();
  await lines.next();
  await rl.question('Name? ');
  await execa('tsc', ['-p', '.']);
  await runMigration(ids[0] ?? '');
  await reader.readFile();
  await page.goto('/checkout');
  await page.click('#pay');
  await ids.reduce(async (previous, id) => { await previous; await fetch(id); }, Promise.resolve());
}`),
    ).toEqual([
      ['sleep(100)', 'delay', undefined],
      ['backoff(2)', 'delay', undefined],
      ['new Promise((resolve) => setTimeout(resolve, 250))', 'delay', undefined],
      ["limiter.schedule(() => fetch('/a'))", 'rate-limit', 'rate-limit'],
      ["limit(() => fetch('/b'))", 'rate-limit', undefined],
      ['Promise.all(ids.map((id) => fetch(id)))', 'batch', undefined],
      ['client.connect()', 'session-step', undefined],
      ["socket.send('x')", 'ordered-write', undefined],
      ['reader.read()', 'ordered-read', undefined],
      ['lines.next()', 'ordered-read', undefined],
      ["rl.question('Name? ')", 'ordered-read', undefined],
      ["execa('tsc', ['-p', '.'])", 'command', undefined],
      ["runMigration(ids[0] ?? '')", 'command', undefined],
      ['reader.readFile()', undefined, undefined],
      ["page.goto('/checkout')", 'ui-step', undefined],
      ["page.click('#pay')", 'ui-step', undefined],
      ['ids.reduce(async (previous, id) => { await previous; await fetch(id); }, Promise.resolve())', undefined, undefined],
      ['previous', 'reduce-chain', undefined],
      ['fetch(id)', undefined, undefined],
    ]);
  });

  it('finds timer promises and limiter types by type, under any name', async () => {
    expect(
      await judgeAwaits(`
import { setTimeout as later } from 'node:timers/promises';
import * as timers from 'node:timers/promises';
declare class Bottleneck { submit<T>(job: () => Promise<T>): Promise<T>; }
declare module 'p-queue' { export default class PQueue { add<T>(job: () => Promise<T>): Promise<T>; } }
import type PQueue from 'p-queue';
export async function f(gate: Bottleneck, jobs: PQueue) {
  await later(10);
  await timers.setImmediate();
  await gate.submit(() => fetch('/a'));
  await jobs.add(() => fetch('/b'));
  await fetch('/c');
}`),
    ).toEqual([
      ['later(10)', undefined, 'delay'],
      ['timers.setImmediate()', undefined, 'delay'],
      ["gate.submit(() => fetch('/a'))", undefined, 'rate-limit'],
      ["jobs.add(() => fetch('/b'))", undefined, 'rate-limit'],
      ["fetch('/c')", undefined, undefined],
    ]);
  });

  it('leaves plain requests alone', async () => {
    expect(
      await judgeAwaits(`
import { readFile } from 'node:fs/promises';
export async function f(path: string, api: { getUser(id: string): Promise<string> }) {
  await readFile(path);
  await api.getUser('a');
  await fetch('/settings');
}`),
    ).toEqual([
      ['readFile(path)', undefined, undefined],
      ["api.getUser('a')", undefined, undefined],
      ["fetch('/settings')", undefined, undefined],
    ]);
  });
});

describe('isRetryLoop and isArrayTyped', () => {
  it('reads retries from the loop head, and arrays from the type of what a for…of walks', async () => {
    const judged: [string, boolean, boolean | undefined][] = [];
    await probeTyped(
      `
declare function pages(): Generator<number>;
export async function f(ids: string[], pair: [string, number], set: Set<string>, retryDelays: number[], maybe: string[] | Set<string>) {
  for (const id of ids) await fetch(id);
  for (const item of pair) await fetch(String(item));
  for (const id of set) await fetch(id);
  for (const page of pages()) await fetch(String(page));
  for (const delay of retryDelays) await fetch(String(delay));
  for (const id of maybe) await fetch(id);
  for (let attempt = 0; attempt < 3; attempt++) await fetch('/x');
}`,
      ({ services, sourceCode }) => ({
        'ForOfStatement, ForStatement'(node: TSESTree.ForOfStatement | TSESTree.ForStatement) {
          judged.push([
            sourceCode.getText(node.type === AST_NODE_TYPES.ForOfStatement ? node.right : node.test ?? node),
            isRetryLoop(node),
            node.type === AST_NODE_TYPES.ForOfStatement ? isArrayTyped(services, node.right) : undefined,
          ]);
        },
      }),
    );
    expect(judged).toEqual([
      ['ids', false, true],
      ['pair', false, true],
      ['set', false, false],
      ['pages()', false, false],
      ['retryDelays', true, true],
      ['maybe', false, false],
      ['attempt < 3', true, undefined],
    ]);
  });
});
