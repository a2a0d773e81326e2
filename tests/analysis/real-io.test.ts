import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isRealIoAwait } from '../../src/analysis/real-io.js';
import { probeTyped } from './typed-probe.js';

/** For every `await` in `code`: its operand's text and whether it is real I/O. */
async function judge(code: string): Promise<[string, boolean][]> {
  const judged: [string, boolean][] = [];
  await probeTyped(code, ({ services, sourceCode }) => ({
    AwaitExpression(node: TSESTree.AwaitExpression) {
      judged.push([sourceCode.getText(node.argument), isRealIoAwait(services, node.argument)]);
    },
  }));
  return judged;
}

describe('isRealIoAwait', () => {
  it('takes calls of the standard library and dependencies for real I/O', async () => {
    expect(
      await judge(`
import { readFile, stat } from 'node:fs/promises';
import * as fs from 'node:fs/promises';
import { Pool } from 'pg';
export async function f(pool: Pool, path: string) {
  await fetch('/users');
  await readFile(path, 'utf8');
  await fs.stat(path);
  await stat?.(path);
  await pool.query('select 1');
}`),
    ).toEqual([
      ["fetch('/users')", true],
      ["readFile(path, 'utf8')", true],
      ['fs.stat(path)', true],
      ['stat?.(path)', true],
      ["pool.query('select 1')", true],
    ]);
  });

  it('takes a program function that awaits or returns real I/O, through other program functions', async () => {
    expect(
      await judge(`
import { readFile } from 'node:fs/promises';
async function loadText(path: string) { return (await readFile(path, 'utf8')).trim(); }
function loadJson(path: string) { return loadText(path).then((text) => JSON.parse(text) as unknown); }
const getUser = async (id: string) => { const response = await fetch('/users/' + id); return response.json(); };
class Api { async orders(id: string) { return await getUser(id); } }
export async function f(api: Api) {
  await loadText('a');
  await loadJson('b');
  await getUser('c');
  await api.orders('d');
}`),
    ).toEqual([
      ["readFile(path, 'utf8')", true],
      ["fetch('/users/' + id)", true],
      ['getUser(id)', true],
      ["loadText('a')", true],
      ["loadJson('b')", true],
      ["getUser('c')", true],
      ["api.orders('d')", true],
    ]);
  });

  it("leaves out no-trivial-await's cases, combinators and what it cannot see into", async () => {
    expect(
      await judge(`
async function wrap(value: number) { return value * 2; }
async function recurse(n: number): Promise<number> { return n === 0 ? 0 : await recurse(n - 1); }
interface Repository { find(id: string): Promise<string>; }
export async function f(repo: Repository, load: () => Promise<string>, anything: any, value: number, pending: Promise<string>) {
  await wrap(1);
  await recurse(3);
  await repo.find('a');
  await load();
  await anything.get();
  await value;
  await pending;
  await Promise.all([fetch('/a')]);
  await new Promise((resolve) => resolve(1));
}`),
    ).toEqual([
      ['recurse(n - 1)', false],
      ['wrap(1)', false],
      ['recurse(3)', false],
      ["repo.find('a')", false],
      ['load()', false],
      ['anything.get()', false],
      ['value', false],
      ['pending', false],
      ["Promise.all([fetch('/a')])", false],
      ['new Promise((resolve) => resolve(1))', false],
    ]);
  });
});
