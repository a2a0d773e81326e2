import { describe, expect, it } from 'vitest';

import { compareRecords } from '../../src/analysis/record-identity.js';
import { probeDatabaseCalls, summarizeRecord } from './database-probe.js';

describe('getRecord', () => {
  it('reads the table and the key of SQL, builders, Prisma, TypeORM, Redis and files', async () => {
    const calls = await probeDatabaseCalls(`
import { Pool } from 'pg';
import knex from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, integer, text } from 'drizzle-orm/pg-core';
import { eq } from 'drizzle-orm';
import { PrismaClient } from '@prisma/client';
import { DataSource, Entity, type Repository } from 'typeorm';
import Redis from 'ioredis';
import { writeFile } from 'node:fs/promises';
@Entity() class Account { id!: number; balance!: number; }
const table = pgTable('accounts', { id: integer('id').primaryKey(), name: text('name') });
const pool = new Pool();
const db = knex({ client: 'pg' });
const orm = drizzle(pool);
const prisma = new PrismaClient();
declare const accounts: Repository<Account>;
const dataSource = new DataSource({ type: 'postgres' });
const redis = new Redis();
declare const user: { id: number; name: string };
probe(pool.query('UPDATE "Accounts" SET balance = 0 WHERE id = $1', [user.id]));
probe(pool.query('INSERT INTO accounts (name) VALUES ($1)', [user.name]));
probe(pool.query('INSERT INTO accounts (id, name) VALUES ($1, $2)', [user.id, user.name]));
probe(pool.query(\`DELETE FROM public.accounts WHERE id = \${user.id}\`));
probe(db('accounts').where('id', 7).update({ balance: 0 }));
probe(db('accounts').insert({ balance: 0 }));
probe(orm.update(table).set({ name: 'a' }).where(eq(table.id, user.id)));
probe(prisma.user.update({ where: { id: user.id }, data: { name: 'a' } }));
probe(prisma.post.create({ data: { title: 't', authorId: 1 } }));
probe(accounts.save(user));
probe(accounts.update({ id: 3 }, { balance: 0 }));
probe(dataSource.manager.save(Account, { id: 3, balance: 1 }));
probe(redis.set(\`user:\${user.id}\`, 'x'));
probe(redis.set('counter', '1'));
probe(writeFile('out.json', '{}'));
`);
    expect(calls.map(summarizeRecord)).toEqual([
      'accounts@user.id',
      'accounts fresh',
      'accounts@user.id',
      'accounts@user.id',
      'accounts=7',
      'accounts fresh',
      'table@user.id',
      'user@user.id',
      'post fresh',
      'account@user',
      'account=3',
      'account=3',
      'ioredis unknown',
      'ioredis="counter"',
      'fs="out.json"',
    ]);
  });

  it('compares records: the same key path or equal literals in one table are the same record', async () => {
    const comparisons: string[] = [];
    await probeDatabaseCalls(
      `
import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
declare const id: number;
declare const otherId: number;
probe(prisma.user.update({ where: { id }, data: { name: 'a' } }));
probe(prisma.user.update({ where: { id: id }, data: { name: 'b' } }));
probe(prisma.user.update({ where: { id: otherId }, data: { name: 'c' } }));
probe(prisma.post.update({ where: { id }, data: { title: 'd' } }));
probe(prisma.user.update({ where: { id: 1 }, data: {} }));
probe(prisma.user.update({ where: { id: 2 }, data: {} }));
probe(prisma.user.create({ data: { email: 'e' } }));
`,
      {},
      (calls) => {
        const [a, b, c, d, one, two, created] = calls.map((call) => call.record);
        if (a === undefined || b === undefined || c === undefined || d === undefined || one === undefined || two === undefined || created === undefined) {
          throw new Error('missing record');
        }
        comparisons.push(compareRecords(a, b), compareRecords(a, c), compareRecords(a, d), compareRecords(one, two), compareRecords(one, one), compareRecords(a, created));
      },
    );
    expect(comparisons).toEqual(['same', 'unknown', 'different', 'different', 'same', 'different']);
  });
});
