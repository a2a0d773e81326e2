import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { looksLikeWrite, mayTouchSameRecord } from '../../src/analysis/record-overlap.js';
import { probeTyped } from './typed-probe.js';

function expression(code: string): TSESTree.Expression {
  const statement = parse(code).body[0];
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error(`not an expression: ${code}`);
  return statement.expression;
}

describe('looksLikeWrite', () => {
  it('takes write verbs at the start of a method or function name, and statement runners', () => {
    const writes = [
      'db.user.create({ data })',
      'repo.insertMany(rows)',
      'orders.updateOne({ id }, patch)',
      'model.upsert(row)',
      'repo.save(entity)',
      'redis.deleteKey(key)',
      'client.set(key, value)',
      'client.setEx(key, 10, value)',
      'bucket.putObject(params)',
      'api.patch(url)',
      'writeFile(path, text)',
      'appendFile(path, line)',
      'counter.increment()',
      'pool.query(sql)',
      'connection.execute(sql)',
      'db?.remove(id)',
      "store['set'](key, value)",
      'rm(dir, { recursive: true })',
      'fs.unlink(path)',
      'rename(from, to)',
      'mkdir(dir)',
      'copyFile(from, to)',
      'api.post(url, body)',
      "fetch('/events', { method: 'POST', body })",
      'fetch(url, { method })',
    ];
    expect(writes.map((code) => looksLikeWrite(expression(code)))).toEqual(writes.map(() => true));
  });

  it('leaves reads and names that only begin with the letters of a verb', () => {
    const reads = ['db.user.findMany()', 'fetch(url)', 'readFile(path)', 'client.get(key)', 'settings.load()', 'setup()', 'updates()', 'value', 'linkify(text)', 'readlink(path)', "fetch(url, { method: 'HEAD' })"];
    expect(reads.map((code) => looksLikeWrite(expression(code)))).toEqual(reads.map(() => false));
  });
});

describe('mayTouchSameRecord', () => {
  it('a write on either side, or inside a program function, touches the other where the record analysis cannot tell them apart', async () => {
    const judged: [string, string, boolean][] = [];
    await probeTyped(
      `
declare const db: { user: { update(args: object): Promise<void>; find(id: string): Promise<string> } };
async function syncUser(id: string) { const user = await db.user.find(id); await db.user.update({ id, user }); }
async function refresh(id: string) { await syncUser(id); }
async function postEvent(body: string) { await fetch('/events', { method: 'POST', body }); }
async function loadUser(id: string) { return db.user.find(id); }
export async function f(repo: { save(x: string): Promise<void>; find(x: string): Promise<string> }, cache: Map<string, string>) {
  probe(repo.save('a'), repo.find('b'));
  probe(repo.find('b'), cache.set('k', 'v'));
  probe(repo.find('a'), fetch('/x'));
  probe(syncUser('a'), loadUser('b'));
  probe(loadUser('a'), refresh('b'));
  probe(postEvent('a'), loadUser('b'));
  probe(loadUser('a'), loadUser('b'));
}
declare function probe(first: unknown, second: unknown): void;`,
      ({ services, sourceCode }) => ({
        'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
          const [first, second] = call.arguments as [TSESTree.Expression, TSESTree.Expression];
          judged.push([sourceCode.getText(first), sourceCode.getText(second), mayTouchSameRecord(services, sourceCode, first, second)]);
        },
      }),
    );
    expect(judged).toEqual([
      ["repo.save('a')", "repo.find('b')", true],
      ["repo.find('b')", "cache.set('k', 'v')", true],
      ["repo.find('a')", "fetch('/x')", false],
      ["syncUser('a')", "loadUser('b')", true],
      ["loadUser('a')", "refresh('b')", true],
      ["postEvent('a')", "loadUser('b')", true],
      ["loadUser('a')", "loadUser('b')", false],
    ]);
  });

  it('two database calls on records the record analysis tells apart do not touch, unless one reads what the other writes', async () => {
    const judged: [string, string, boolean][] = [];
    await probeTyped(
      `
import { Client } from 'pg';
declare const client: Client;
export async function f(userId: number, orderId: number, user: { id: number; name: string }) {
  probe(client.query('UPDATE users SET seen = now() WHERE id = $1', [userId]), client.query('UPDATE orders SET paid = true WHERE id = $1', [orderId]));
  probe(client.query('UPDATE users SET seen = now() WHERE id = $1', [1]), client.query('UPDATE users SET name = $2 WHERE id = $1', [2, 'x']));
  probe(client.query('UPDATE users SET seen = now() WHERE id = $1', [userId]), client.query('SELECT * FROM users WHERE id = $1', [userId]));
  probe(client.query('UPDATE users SET seen = now() WHERE id = $1', [userId]), client.query('UPDATE users SET name = $2 WHERE id = $1', [orderId, 'x']));
  probe(client.query('INSERT INTO users (id, name) VALUES ($1, $2)', [user.id, user.name]), client.query('INSERT INTO credits (user_id) VALUES ($1)', [user.id]));
  probe(client.query('UPDATE users SET seen = now() WHERE id = $1', [userId]), fetch('/audit', { method: 'POST' }));
}
declare function probe(first: unknown, second: unknown): void;`,
      ({ services, sourceCode }) => ({
        'CallExpression[callee.name="probe"]'(call: TSESTree.CallExpression) {
          const [first, second] = call.arguments as [TSESTree.Expression, TSESTree.Expression];
          judged.push([sourceCode.getText(first).slice(14, 40), sourceCode.getText(second).slice(14, 40), mayTouchSameRecord(services, sourceCode, first, second)]);
        },
      }),
    );
    expect(judged).toEqual([
      ['UPDATE users SET seen = no', 'UPDATE orders SET paid = t', false],
      ['UPDATE users SET seen = no', 'UPDATE users SET name = $2', false],
      ['UPDATE users SET seen = no', 'SELECT * FROM users WHERE ', true],
      ['UPDATE users SET seen = no', 'UPDATE users SET name = $2', true],
      ['INSERT INTO users (id, nam', 'INSERT INTO credits (user_', true],
      ['UPDATE users SET seen = no', ", { method: 'POST' })", true],
    ]);
  });
});
