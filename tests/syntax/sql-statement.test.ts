import { describe, expect, it } from 'vitest';

import { isRelativeUpdate, parseSqlStatement } from '../../src/syntax/sql-statement.js';

describe('parseSqlStatement', () => {
  it('reads the verb, the table and the WHERE key placeholder', () => {
    expect(parseSqlStatement('UPDATE accounts SET balance = $2 WHERE id = $1')).toEqual({
      verb: 'update',
      table: 'accounts',
      keyPlaceholder: { column: 'id', index: 0 },
    });
    expect(parseSqlStatement('  -- remove one\n delete from "Public"."Users" where "id" = ?')).toEqual({
      verb: 'delete',
      table: 'users',
      keyPlaceholder: { column: 'id', index: 0 },
    });
    expect(parseSqlStatement('select name from users where tenant = ? and id = ?').keyPlaceholder).toEqual({ column: 'tenant', index: 0 });
    expect(parseSqlStatement('SELECT pg_sleep(0.1)')).toEqual({ verb: 'other', table: undefined, keyPlaceholder: undefined });
    expect(parseSqlStatement('BEGIN').verb).toBe('other');
    expect(parseSqlStatement('WITH x AS (SELECT 1) UPDATE t SET a = 1').verb).toBe('other');
  });

  it('reads the id of an inserted row from the column list', () => {
    expect(parseSqlStatement('INSERT INTO orders (user_id, id) VALUES ($2, $1)')).toEqual({
      verb: 'insert',
      table: 'orders',
      keyPlaceholder: { column: 'id', index: 0 },
    });
    expect(parseSqlStatement('insert into orders (user_id, id) values (?, ?)').keyPlaceholder).toEqual({ column: 'id', index: 1 });
    expect(parseSqlStatement('INSERT INTO orders (user_id) VALUES ($1)').keyPlaceholder).toBeUndefined();
  });
});

describe('isRelativeUpdate', () => {
  it('accepts only SET clauses where every column is set relative to itself', () => {
    expect(isRelativeUpdate('UPDATE accounts SET balance = balance + $2 WHERE id = $1')).toBe(true);
    expect(isRelativeUpdate('update "Counters" set n = "n" - 1, hits = hits + ? where id = ?')).toBe(true);
    expect(isRelativeUpdate('UPDATE posts SET views = views + 1')).toBe(true);
    expect(isRelativeUpdate('UPDATE accounts SET balance = $2 WHERE id = $1')).toBe(false);
    expect(isRelativeUpdate('UPDATE accounts SET balance = balance + $2, name = $3 WHERE id = $1')).toBe(false);
    expect(isRelativeUpdate('UPDATE accounts SET balance = other + $2 WHERE id = $1')).toBe(false);
    expect(isRelativeUpdate('UPDATE accounts SET balance = balance * $2 WHERE id = $1')).toBe(false);
    expect(isRelativeUpdate('UPDATE accounts SET balance = coalesce(balance, 0) + $2 WHERE id = $1')).toBe(false);
    expect(isRelativeUpdate('DELETE FROM accounts WHERE id = $1')).toBe(false);
    expect(isRelativeUpdate('UPDATE accounts SET balance = balance + $1 RETURNING balance')).toBe(true);
  });

  it('accepts upserts that add to the row on conflict', () => {
    expect(isRelativeUpdate('INSERT INTO counters (id, n) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET n = counters.n + 1')).toBe(true);
    expect(isRelativeUpdate('insert into counters (id, n) values ($1, $2) on conflict (id) do update set n = counters.n + excluded.n returning n')).toBe(true);
    expect(isRelativeUpdate('INSERT INTO hits (id, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + VALUES(n)')).toBe(true);
    expect(isRelativeUpdate('INSERT INTO hits (id, n) VALUES (?, ?) ON DUPLICATE KEY UPDATE n = ?')).toBe(false);
    expect(isRelativeUpdate('INSERT INTO seen (id) VALUES ($1) ON CONFLICT DO NOTHING')).toBe(false);
    expect(isRelativeUpdate('INSERT INTO counters (id, n) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET n = excluded.n')).toBe(false);
    expect(isRelativeUpdate('INSERT INTO counters (id, n) VALUES ($1, 1)')).toBe(false);
  });
});
