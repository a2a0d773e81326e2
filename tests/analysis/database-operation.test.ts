import { describe, expect, it } from 'vitest';

import { isAtomicIncrement, isWriteMethodName } from '../../src/analysis/database-operation.js';
import { probeDatabaseCalls, summarize } from './database-probe.js';

describe('isWriteMethodName', () => {
  it('matches the write methods with their …Many/…One forms and camel-case suffixes', () => {
    expect(['update', 'updateMany', 'insertOne', 'deleteMany', 'findOneAndUpdate', 'del', 'hSet', 'incrBy'].map((name) => isWriteMethodName(name))).toEqual(
      [true, true, true, true, true, true, true, true],
    );
    expect(['find', 'findUnique', 'updater', 'settle', 'query', 'get'].map((name) => isWriteMethodName(name))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(isWriteMethodName('archive', ['archive'])).toBe(true);
    expect(isWriteMethodName('save', ['archive'])).toBe(false);
  });
});

describe('describeDatabaseCall', () => {
  it('classifies SQL by its verb, from literals, templates and query configs', async () => {
    const calls = await probeDatabaseCalls(`
import { Client, Pool } from 'pg';
import mysql from 'mysql2/promise';
const client = new Client();
const pool = new Pool();
const id = 1;
probe(client.query('INSERT INTO users (id, name) VALUES ($1, $2)', [id, 'a']));
probe(client.query('SELECT * FROM users WHERE id = $1', [id]));
probe(pool.query(\`UPDATE users SET name = 'b' WHERE id = \${id}\`));
probe(pool.query({ text: 'DELETE FROM users WHERE id = $1', values: [id] }));
probe(client.query('BEGIN'));
probe(client.query(someSql()));
const connection = await mysql.createConnection({});
probe(connection.execute('UPDATE accounts SET balance = 0 WHERE id = ?', [id]));
declare function someSql(): string;
`);
    expect(calls.map(summarize)).toEqual([
      'pg connection write query',
      'pg connection read query',
      'pg pool write query',
      'pg pool write query',
      'pg connection other query',
      'pg connection other query',
      'mysql2 connection write execute',
    ]);
  });

  it('classifies ORM and builder chains by their method names, and node:fs/promises by its functions', async () => {
    const calls = await probeDatabaseCalls(`
import knex from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, integer, text } from 'drizzle-orm/pg-core';
import { eq } from 'drizzle-orm';
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import Redis from 'ioredis';
import { writeFile, readFile } from 'node:fs/promises';
import * as fsp from 'fs/promises';
const users = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });
const db = knex({ client: 'pg' });
const orm = drizzle(new Pool());
const prisma = new PrismaClient();
const redis = new Redis();
probe(db('users').where({ id: 1 }).update({ name: 'a' }));
probe(db('users').where({ id: 1 }).first());
probe(orm.update(users).set({ name: 'a' }).where(eq(users.id, 1)));
probe(orm.select().from(users));
probe(prisma.user.create({ data: { email: 'a@b' } }));
probe(prisma.user.findUnique({ where: { id: 1 } }));
probe(prisma.$connect());
probe(redis.set('k', 'v'));
probe(redis.get('k'));
probe(writeFile('out.txt', 'x'));
probe(fsp.rm('out.txt'));
probe(readFile('in.txt'));
const notADatabase = { update: async (x: number) => x };
probe(notADatabase.update(1));
`);
    expect(calls.map(summarize)).toEqual([
      'knex client write update',
      'knex client read first',
      'drizzle client write update',
      'drizzle client read select',
      'prisma client write create',
      'prisma client read findUnique',
      'none', // `$connect` is no read, write or SQL method: the syntax filter stops before the checker
      'ioredis client write set',
      'ioredis client read get',
      'fs client write writeFile',
      'fs client write rm',
      'fs client read readFile',
      'none',
    ]);
  });

  it('takes writeMethods from the options, and writeTypes as handles', async () => {
    const calls = await probeDatabaseCalls(
      `
export class Ledger { archive(id: number): Promise<void> { return Promise.resolve(); } save(id: number): Promise<void> { return Promise.resolve(); } }
const ledger = new Ledger();
probe(ledger.archive(1));
probe(ledger.save(1));
`,
      { writeMethods: ['archive'], writeTypes: [{ from: 'file', name: 'Ledger' }] },
    );
    expect(calls.map(summarize)).toEqual(['user client write archive', 'none']);
  });
});

describe('isAtomicIncrement', () => {
  it('accepts writes whose every column is set relative to itself, in each library\'s form', async () => {
    const calls = await probeDatabaseCalls(`
import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
import mongoose from 'mongoose';
import knex from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, integer } from 'drizzle-orm/pg-core';
import { eq, sql } from 'drizzle-orm';
const pool = new Pool();
const prisma = new PrismaClient();
const Post = mongoose.model('Post', new mongoose.Schema({ views: Number }));
const db = knex({ client: 'pg' });
const orm = drizzle(pool);
const counters = pgTable('counters', { id: integer('id'), n: integer('n') });
const id = 1;
probe(pool.query('UPDATE t SET n = n + $2 WHERE id = $1', [id, 1]));
probe(pool.query('UPDATE t SET n = $2 WHERE id = $1', [id, 1]));
probe(prisma.user.update({ where: { id }, data: { credits: { increment: 1 } } }));
probe(prisma.user.update({ where: { id }, data: { credits: 0 } }));
probe(Post.updateOne({ _id: id }, { $inc: { views: 1 } }));
probe(Post.updateOne({ _id: id }, { $inc: { views: 1 }, $set: { views: 0 } }));
probe(db('posts').where({ id }).increment('views', 1));
probe(orm.update(counters).set({ n: sql\`\${counters.n} + 1\` }).where(eq(counters.id, id)));
probe(orm.update(counters).set({ n: sql\`\${counters.id} + 1\` }).where(eq(counters.id, id)));
probe(pool.query('SELECT n FROM t WHERE id = $1', [id]));
`);
    expect(calls.map((call) => call.operation !== undefined && isAtomicIncrement(call.operation))).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
      false,
    ]);
  });
});
