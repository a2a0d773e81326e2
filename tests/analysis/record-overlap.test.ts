import { parse } from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { looksLikeWrite, mayTouchSameRecord } from '../../src/analysis/record-overlap.js';

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
  it('is conservative until the record analysis lands: a write on either side touches the other', () => {
    expect(mayTouchSameRecord(expression('repo.save(a)'), expression('repo.find(b)'))).toBe(true);
    expect(mayTouchSameRecord(expression('repo.find(b)'), expression('cache.set(k, v)'))).toBe(true);
    expect(mayTouchSameRecord(expression('repo.find(a)'), expression('fetch(url)'))).toBe(false);
  });
});
