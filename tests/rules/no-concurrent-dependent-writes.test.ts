import rule from '../../src/rules/no-concurrent-dependent-writes.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-concurrent-dependent-writes', rule, {
  valid: [
    // In dependency order, one after another.
    `
        import type { Pool } from 'pg';
        export async function signUp(pool: Pool, userId: number, email: string) {
          await pool.query('INSERT INTO users (id, email) VALUES ($1, $2)', [userId, email]);
          await pool.query('INSERT INTO credits (user_id, amount) VALUES ($1, 100)', [userId]);
        }
      `,
    // Different keys of one table.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename() {
          await Promise.all([prisma.user.update({ where: { id: 1 }, data: { name: 'a' } }), prisma.user.update({ where: { id: 2 }, data: { name: 'b' } })]);
        }
      `,
    // Different tables, neither uses the other.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function touch(id: number) {
          await Promise.all([prisma.user.update({ where: { id }, data: { name: 'a' } }), prisma.post.update({ where: { id }, data: { title: 'b' } })]);
        }
      `,
    // Inside an interactive Prisma transaction: one connection, in the order issued.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function signUp(userId: number) {
          await prisma.$transaction(async (tx) => {
            await Promise.all([tx.user.create({ data: { id: userId, email: 'e' } }), tx.post.create({ data: { title: 't', authorId: userId } })]);
          });
        }
      `,
    // Inside a TypeORM transaction: the manager runs on one connection.
    `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(dataSource: DataSource, user: User) {
          await dataSource.transaction(async (manager) => {
            await Promise.all([manager.save('User', user), manager.save('Post', { title: 't', author: user })]);
          });
        }
      `,
    // Inside a Knex transaction.
    `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        export async function signUp(userId: number) {
          await db.transaction(async (trx) => {
            await Promise.all([trx('users').insert({ id: userId }), trx('credits').insert({ user_id: userId })]);
          });
        }
      `,
    // Reads only.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function load(id: number) {
          return Promise.all([prisma.user.findUnique({ where: { id } }), prisma.user.findUnique({ where: { id } })]);
        }
      `,
    // Lazy Prisma queries created first, then awaited one by one: they run in sequence.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          const first = prisma.user.update({ where: { id }, data: { name: 'a' } });
          const second = prisma.user.update({ where: { id }, data: { name: 'b' } });
          await first;
          await second;
        }
      `,
    // Lazy Knex builders awaited one by one.
    `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        export async function rename(id: number) {
          const first = db('users').where({ id }).update({ name: 'a' });
          const second = db('users').where({ id }).update({ name: 'b' });
          await first;
          await second;
        }
      `,
    // Mapped over ids, each element its own record.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function archive(ids: number[]) {
          await Promise.all(ids.map((id) => prisma.user.update({ where: { id }, data: { name: null } })));
        }
      `,
    // On one pg Client the writes run in the order issued (no-parallel-single-connection reports it).
    `
        import type { Client } from 'pg';
        export async function signUp(client: Client, userId: number) {
          await Promise.all([client.query('INSERT INTO users (id) VALUES ($1)', [userId]), client.query('INSERT INTO credits (user_id) VALUES ($1)', [userId])]);
        }
      `,
    // Atomic increments of one record add up.
    `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function bump(users: Repository<User>) {
          await Promise.all([users.increment({ id: 1 }, 'logins', 1), users.increment({ id: 1 }, 'logins', 1)]);
        }
      `,
    // Relative SQL updates of one row add up under its lock: nothing is lost.
    `
        import type { Pool } from 'pg';
        export async function pay(pool: Pool, id: number) {
          await Promise.all([
            pool.query('UPDATE accounts SET balance = balance + $2 WHERE id = $1', [id, 10]),
            pool.query('UPDATE accounts SET balance = balance - $2, version = version + 1 WHERE id = $1', [id, 20]),
          ]);
        }
      `,
    // A relative SQL update mapped over a collection, one row.
    `
        import type { Pool } from 'pg';
        export async function addAll(pool: Pool, cartId: number, prices: number[]) {
          await Promise.all(prices.map((price) => pool.query('UPDATE carts SET total = total + $2 WHERE id = $1', [cartId, price])));
        }
      `,
    // An upsert that adds to the row on conflict, mapped with one key: the counts add up.
    `
        import type { Pool } from 'pg';
        export async function count(pool: Pool, key: string, events: unknown[]) {
          await Promise.all(events.map(() => pool.query('INSERT INTO counters (id, n) VALUES ($1, 1) ON CONFLICT (id) DO UPDATE SET n = counters.n + 1', [key])));
        }
      `,
    // Prisma's atomic number operations on one record.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function grant(id: number) {
          await Promise.all([
            prisma.user.update({ where: { id }, data: { credits: { increment: 1 } } }),
            prisma.user.update({ where: { id }, data: { credits: { increment: 5 } } }),
          ]);
        }
      `,
    // Mongoose $inc on one document.
    `
        import mongoose from 'mongoose';
        const Post = mongoose.model('Post', new mongoose.Schema({ views: Number }));
        export async function view(id: string) {
          await Promise.all([Post.updateOne({ _id: id }, { $inc: { views: 1 } }), Post.findByIdAndUpdate(id, { $inc: { views: 2 } })]);
        }
      `,
    // Drizzle: a column set to itself plus a number, or a value.
    `
        import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
        import { pgTable, serial, integer } from 'drizzle-orm/pg-core';
        import { eq, sql } from 'drizzle-orm';
        const counters = pgTable('counters', { id: serial('id').primaryKey(), n: integer('n').notNull() });
        export async function bump(db: NodePgDatabase, id: number, by: number) {
          await Promise.all([
            db.update(counters).set({ n: sql\`\${counters.n} + 1\` }).where(eq(counters.id, id)),
            db.update(counters).set({ n: sql\`\${counters.n} - \${by}\` }).where(eq(counters.id, id)),
          ]);
        }
      `,
    // A field the caller set before handing the object over: the save does not change it.
    `
        import type { Repository } from 'typeorm';
        interface User { id?: number; name: string }
        interface Log { id?: number; message: string }
        export async function register(users: Repository<User>, logs: Repository<Log>, user: User) {
          await Promise.all([users.save(user), logs.insert({ message: \`created \${user.name}\` })]);
        }
      `,
    // Keys we cannot compare: results of calls.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        declare function pick(): number;
        export async function rename() {
          await Promise.all([prisma.user.update({ where: { id: pick() }, data: {} }), prisma.user.update({ where: { id: pick() }, data: {} })]);
        }
      `,
    // Promise.all of calls that are not database writes.
    `
        declare function save(id: number): Promise<void>;
        export async function run() {
          await Promise.all([save(1), save(1)]);
        }
      `,
    // Two fresh rows of one table.
    `
        import type { Pool } from 'pg';
        export async function log(pool: Pool) {
          await Promise.all([pool.query('INSERT INTO events (kind) VALUES ($1)', ['a']), pool.query('INSERT INTO events (kind) VALUES ($1)', ['b'])]);
        }
      `,
    // An update beside an audit row that only copies its key (no row is created under that key).
    `
        import type { Pool } from 'pg';
        export async function rename(pool: Pool, userId: number, name: string) {
          await Promise.all([pool.query('UPDATE users SET name = $2 WHERE id = $1', [userId, name]), pool.query('INSERT INTO audit (user_id) VALUES ($1)', [userId])]);
        }
      `,
    // An `any` repository.
    `
        declare const users: any;
        export async function rename() {
          await Promise.all([users.update({ id: 1 }, { name: 'a' }), users.update({ id: 1 }, { name: 'b' })]);
        }
      `,
    // A class of the program merely named Repository.
    `
        class Repository { update(id: number): Promise<void> { return Promise.resolve(); } }
        const users = new Repository();
        export async function rename() {
          await Promise.all([users.update(1), users.update(1)]);
        }
      `,
    // Redis writes of different keys.
    `
        import Redis from 'ioredis';
        const redis = new Redis();
        export async function store() {
          await Promise.all([redis.set('a', '1'), redis.set('b', '2')]);
        }
      `,
    // Files at different paths.
    `
        import { writeFile } from 'node:fs/promises';
        export async function store() {
          await Promise.all([writeFile('a.json', '{}'), writeFile('b.json', '{}')]);
        }
      `,
    // Created and awaited one at a time.
    `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, posts: Repository<Post>, user: User) {
          const saved = users.save(user);
          await saved;
          const post = posts.save({ title: 't', author: user });
          await post;
        }
      `,
    // A write and a read of different records.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function load() {
          return Promise.all([prisma.user.update({ where: { id: 1 }, data: {} }), prisma.user.findUnique({ where: { id: 2 } })]);
        }
      `,
    // Drizzle writes of different keys.
    `
        import { drizzle } from 'drizzle-orm/node-postgres';
        import { pgTable, integer, text } from 'drizzle-orm/pg-core';
        import { eq } from 'drizzle-orm';
        import { Pool } from 'pg';
        const users = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });
        const db = drizzle(new Pool());
        export async function rename() {
          await Promise.all([db.update(users).set({ name: 'a' }).where(eq(users.id, 1)), db.update(users).set({ name: 'b' }).where(eq(users.id, 2))]);
        }
      `,
    // Mongoose updates of different documents.
    `
        import mongoose from 'mongoose';
        const User = mongoose.model('User', new mongoose.Schema({ name: String }));
        export async function rename(a: string, b: string) {
          await Promise.all([User.updateOne({ _id: a }, { name: 'x' }), User.updateOne({ _id: b }, { name: 'y' })]);
        }
      `,
    // A dependent write awaited before the next starts.
    `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, posts: Repository<Post>, user: User) {
          const saved = users.save(user);
          await saved;
          await posts.save({ title: 't', author: user });
        }
      `,
    // `save` is no write under writeMethods that leave it out.
    {
      code: `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, user: User) {
          await Promise.all([users.save(user), users.save(user)]);
        }
      `,
      options: [{"writeMethods": ["archive"]}],
    },
    // An eager write finished before the second starts, then both handed to Promise.all.
    `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, posts: Repository<Post>, user: User) {
          const saved = users.save(user);
          await saved;
          const post = posts.save({ title: 't', author: user });
          await Promise.all([saved, post]);
        }
      `,
    // A set and a delete of one Redis key: one connection runs them in the order issued.
    `
        import Redis from 'ioredis';
        const redis = new Redis();
        export async function store(value: string) {
          await Promise.allSettled([redis.set('config', value), redis.del('config')]);
        }
      `,
    // Sequelize writes given the same transaction run on its connection in order.
    `
        import { Model, Sequelize } from 'sequelize';
        class Account extends Model { declare id: number; declare balance: number; }
        const sequelize = new Sequelize('sqlite::memory:');
        export async function settle(id: number) {
          await sequelize.transaction(async (t) => {
            await Promise.all([Account.update({ balance: 0 }, { where: { id }, transaction: t }), Account.destroy({ where: { id }, transaction: t })]);
          });
        }
      `,
    // Redis counters incremented together.
    `
        import Redis from 'ioredis';
        const redis = new Redis();
        export async function count() {
          await Promise.all([redis.incr('visits'), redis.incr('visits')]);
        }
      `,
  ],
  invalid: [
    {
      name: 'the id a save fills in, read beside the save',
      code: `
        import type { Repository } from 'typeorm';
        interface User { id?: number; name: string }
        interface Log { id?: number; userId?: number }
        export async function register(users: Repository<User>, logs: Repository<Log>, user: User) {
          await Promise.all([users.save(user), logs.insert({ userId: user.id })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          data: { dependent: 'logs.insert', provider: 'users.save', value: 'user.id' },
          line: 6,
          column: 53,
          endLine: 6,
          endColumn: 59,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { Repository } from 'typeorm';
        interface User { id?: number; name: string }
        interface Log { id?: number; userId?: number }
        export async function register(users: Repository<User>, logs: Repository<Log>, user: User) {
          await users.save(user);
          await logs.insert({ userId: user.id });
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'an atomic increment beside a plain set of the same record: the set may land first or last',
      code: `
        import type { Pool } from 'pg';
        export async function reset(pool: Pool, id: number) {
          await Promise.all([
            pool.query('UPDATE accounts SET balance = balance + $2 WHERE id = $1', [id, 10]),
            pool.query('UPDATE accounts SET balance = $2 WHERE id = $1', [id, 0]),
          ]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          data: { first: 'pool.query', second: 'pool.query', record: '`accounts` `id`' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { Pool } from 'pg';
        export async function reset(pool: Pool, id: number) {
          await pool.query('UPDATE accounts SET balance = balance + $2 WHERE id = $1', [id, 10]);
          await pool.query('UPDATE accounts SET balance = $2 WHERE id = $1', [id, 0]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: 'Prisma: an increment beside a plain set of the same column',
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function reset(id: number) {
          await Promise.all([prisma.user.update({ where: { id }, data: { credits: { increment: 1 } } }), prisma.user.update({ where: { id }, data: { credits: 0 } })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          data: { first: 'prisma.user.update', second: 'prisma.user.update', record: '`user` `id`' },
          line: 5,
          column: 118,
          endLine: 5,
          endColumn: 124,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function reset(id: number) {
          await prisma.user.update({ where: { id }, data: { credits: { increment: 1 } } });
          await prisma.user.update({ where: { id }, data: { credits: 0 } });
        }
      `,
            },
            {
              messageId: 'useTransaction',
              data: { transaction: 'prisma.$transaction' },
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function reset(id: number) {
          await prisma.$transaction([prisma.user.update({ where: { id }, data: { credits: { increment: 1 } } }), prisma.user.update({ where: { id }, data: { credits: 0 } })]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "a row that references a row being inserted (pg pool)",
      code: `
        import type { Pool } from 'pg';
        export async function signUp(pool: Pool, userId: number, email: string) {
          await Promise.all([
            pool.query('INSERT INTO users (id, email) VALUES ($1, $2)', [userId, email]),
            pool.query('INSERT INTO credits (user_id, amount) VALUES ($1, 100)', [userId]),
          ]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          data: {"dependent": "pool.query", "provider": "pool.query", "value": "userId"},
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { Pool } from 'pg';
        export async function signUp(pool: Pool, userId: number, email: string) {
          await pool.query('INSERT INTO users (id, email) VALUES ($1, $2)', [userId, email]);
          await pool.query('INSERT INTO credits (user_id, amount) VALUES ($1, 100)', [userId]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "Knex: a ledger row for the account being inserted",
      code: `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        interface Account { id: number; owner: string }
        export async function open(account: Account) {
          await Promise.all([db('accounts').insert(account), db('ledger').insert({ account_id: account.id, amount: 0 })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          data: {"dependent": "db.insert", "provider": "db.insert", "value": "account.id"},
          line: 6,
          column: 75,
          endLine: 6,
          endColumn: 81,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        interface Account { id: number; owner: string }
        export async function open(account: Account) {
          await db('accounts').insert(account);
          await db('ledger').insert({ account_id: account.id, amount: 0 });
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "the referencing row written first: the suggestion puts the referenced row first",
      code: `
        import type { Pool } from 'pg';
        export async function signUp(pool: Pool, userId: number, email: string) {
          await Promise.all([
            pool.query('INSERT INTO credits (user_id, amount) VALUES ($1, 100)', [userId]),
            pool.query('INSERT INTO users (id, email) VALUES ($1, $2)', [userId, email]),
          ]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { Pool } from 'pg';
        export async function signUp(pool: Pool, userId: number, email: string) {
          await pool.query('INSERT INTO users (id, email) VALUES ($1, $2)', [userId, email]);
          await pool.query('INSERT INTO credits (user_id, amount) VALUES ($1, 100)', [userId]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "TypeORM: a post that references the user being saved",
      code: `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, posts: Repository<Post>, user: User) {
          const [saved, post] = await Promise.all([users.save(user), posts.save({ title: 'Hello', author: user })]);
          return { saved, post };
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          data: {"dependent": "posts.save", "provider": "users.save", "value": "user"},
          line: 6,
          column: 76,
          endLine: 6,
          endColumn: 80,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, posts: Repository<Post>, user: User) {
          const saved = await users.save(user);
          const post = await posts.save({ title: 'Hello', author: user });
          return { saved, post };
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "Prisma: a post for a user being created; in order, or in $transaction",
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function signUp(userId: number) {
          await Promise.all([prisma.post.create({ data: { title: 'Welcome', authorId: userId } }), prisma.user.create({ data: { id: userId, email: 'e' } })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          line: 5,
          column: 42,
          endLine: 5,
          endColumn: 48,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function signUp(userId: number) {
          await prisma.user.create({ data: { id: userId, email: 'e' } });
          await prisma.post.create({ data: { title: 'Welcome', authorId: userId } });
        }
      `,
            },
            {
              messageId: 'useTransaction',
              data: { transaction: 'prisma.$transaction' },
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function signUp(userId: number) {
          await prisma.$transaction([prisma.user.create({ data: { id: userId, email: 'e' } }), prisma.post.create({ data: { title: 'Welcome', authorId: userId } })]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "Prisma: two updates of one user",
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          await Promise.all([prisma.user.update({ where: { id }, data: { name: 'a' } }), prisma.user.update({ where: { id }, data: { name: 'b' } })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          data: {"first": "prisma.user.update", "second": "prisma.user.update", "record": "`user` `id`"},
          line: 5,
          column: 102,
          endLine: 5,
          endColumn: 108,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          await prisma.user.update({ where: { id }, data: { name: 'a' } });
          await prisma.user.update({ where: { id }, data: { name: 'b' } });
        }
      `,
            },
            {
              messageId: 'useTransaction',
              data: { transaction: 'prisma.$transaction' },
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          await prisma.$transaction([prisma.user.update({ where: { id }, data: { name: 'a' } }), prisma.user.update({ where: { id }, data: { name: 'b' } })]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "Prisma: a read racing a write of the same user",
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function renameAndShow(id: number) {
          const [, shown] = await Promise.all([prisma.user.update({ where: { id }, data: { name: 'a' } }), prisma.user.findUnique({ where: { id } })]);
          return shown;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'readRacesWrite',
          data: {"read": "prisma.user.findUnique", "write": "prisma.user.update", "record": "`user` `id`"},
          line: 5,
          column: 120,
          endLine: 5,
          endColumn: 130,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function renameAndShow(id: number) {
          await prisma.user.update({ where: { id }, data: { name: 'a' } });
          const shown = await prisma.user.findUnique({ where: { id } });
          return shown;
        }
      `,
            },
            {
              messageId: 'useTransaction',
              data: { transaction: 'prisma.$transaction' },
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function renameAndShow(id: number) {
          const [, shown] = await prisma.$transaction([prisma.user.update({ where: { id }, data: { name: 'a' } }), prisma.user.findUnique({ where: { id } })]);
          return shown;
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "pg: two updates of one account",
      code: `
        import type { Pool } from 'pg';
        export async function settle(pool: Pool, accountId: number) {
          await Promise.all([
            pool.query('UPDATE accounts SET status = $2 WHERE id = $1', [accountId, 'closed']),
            pool.query('UPDATE accounts SET balance = 0 WHERE id = $1', [accountId]),
          ]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { Pool } from 'pg';
        export async function settle(pool: Pool, accountId: number) {
          await pool.query('UPDATE accounts SET status = $2 WHERE id = $1', [accountId, 'closed']);
          await pool.query('UPDATE accounts SET balance = 0 WHERE id = $1', [accountId]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "a write mapped over a collection with the same key every time",
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function reset(ids: number[]) {
          await Promise.all(ids.map(() => prisma.user.update({ where: { id: 1 }, data: { credits: 0 } })));
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordMapped',
          data: {"call": "prisma.user.update", "record": "`user` `1`"},
          line: 5,
          column: 55,
          endLine: 5,
          endColumn: 61,
          suggestions: [],
        },
      ],
    },
    {
      name: "Knex builders started together by Promise.all",
      code: `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        export async function rename(id: number) {
          await Promise.all([db('users').where({ id }).update({ name: 'a' }), db('users').where({ id }).update({ name: 'b' })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 5,
          column: 105,
          endLine: 5,
          endColumn: 111,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        export async function rename(id: number) {
          await db('users').where({ id }).update({ name: 'a' });
          await db('users').where({ id }).update({ name: 'b' });
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "Drizzle: an update and a delete of one row",
      code: `
        import { drizzle } from 'drizzle-orm/node-postgres';
        import { pgTable, integer, text } from 'drizzle-orm/pg-core';
        import { eq } from 'drizzle-orm';
        import { Pool } from 'pg';
        const users = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });
        const db = drizzle(new Pool());
        export async function rename(id: number) {
          await Promise.all([db.update(users).set({ name: 'a' }).where(eq(users.id, id)), db.delete(users).where(eq(users.id, id))]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 9,
          column: 108,
          endLine: 9,
          endColumn: 113,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { drizzle } from 'drizzle-orm/node-postgres';
        import { pgTable, integer, text } from 'drizzle-orm/pg-core';
        import { eq } from 'drizzle-orm';
        import { Pool } from 'pg';
        const users = pgTable('users', { id: integer('id').primaryKey(), name: text('name') });
        const db = drizzle(new Pool());
        export async function rename(id: number) {
          await db.update(users).set({ name: 'a' }).where(eq(users.id, id));
          await db.delete(users).where(eq(users.id, id));
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "node:fs/promises: a write and a removal of one path",
      code: `
        import { writeFile, rm } from 'node:fs/promises';
        export async function store(json: string) {
          await Promise.all([writeFile('state.json', json), rm('state.json')]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 4,
          column: 61,
          endLine: 4,
          endColumn: 63,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { writeFile, rm } from 'node:fs/promises';
        export async function store(json: string) {
          await writeFile('state.json', json);
          await rm('state.json');
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "promises created before either is awaited",
      code: `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function publish(users: Repository<User>, posts: Repository<Post>, user: User) {
          const saved = users.save(user);
          const post = posts.save({ title: 'Hello', author: user });
          await saved;
          await post;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'dependentWrite',
          line: 7,
          column: 30,
          endLine: 7,
          endColumn: 34,
          suggestions: [],
        },
      ],
    },
    {
      name: "pg: two updates started before either is awaited",
      code: `
        import type { Pool } from 'pg';
        export async function settle(pool: Pool, id: number) {
          const closing = pool.query('UPDATE accounts SET status = $2 WHERE id = $1', [id, 'closed']);
          const zeroing = pool.query('UPDATE accounts SET balance = 0 WHERE id = $1', [id]);
          await closing;
          await zeroing;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "pg: two updates started before Promise.all awaits them",
      code: `
        import type { Pool } from 'pg';
        export async function settle(pool: Pool, id: number) {
          const closing = pool.query('UPDATE accounts SET status = $2 WHERE id = $1', [id, 'closed']);
          const zeroing = pool.query('UPDATE accounts SET balance = 0 WHERE id = $1', [id]);
          await Promise.all([closing, zeroing]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 5,
          column: 32,
          endLine: 5,
          endColumn: 37,
          suggestions: [],
        },
      ],
    },
    {
      name: "Mongoose: an update and a delete of one document",
      code: `
        import mongoose from 'mongoose';
        const User = mongoose.model('User', new mongoose.Schema({ name: String, plan: String }));
        export async function upgrade(id: string) {
          await Promise.all([User.updateOne({ _id: id }, { plan: 'pro' }), User.deleteOne({ _id: id })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 5,
          column: 81,
          endLine: 5,
          endColumn: 90,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import mongoose from 'mongoose';
        const User = mongoose.model('User', new mongoose.Schema({ name: String, plan: String }));
        export async function upgrade(id: string) {
          await User.updateOne({ _id: id }, { plan: 'pro' });
          await User.deleteOne({ _id: id });
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "Sequelize: an update and a destroy of one row",
      code: `
        import { Model } from 'sequelize';
        class Account extends Model { declare id: number; declare balance: number; }
        export async function settle(id: number) {
          await Promise.all([Account.update({ balance: 0 }, { where: { id } }), Account.destroy({ where: { id } })]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 5,
          column: 89,
          endLine: 5,
          endColumn: 96,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { Model } from 'sequelize';
        class Account extends Model { declare id: number; declare balance: number; }
        export async function settle(id: number) {
          await Account.update({ balance: 0 }, { where: { id } });
          await Account.destroy({ where: { id } });
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "a handle from writeTypes",
      code: `
        export class Ledger { put(key: string, value: number): Promise<void> { return Promise.resolve(); } }
        export async function record(ledger: Ledger) {
          await Promise.all([ledger.put('balance', 1), ledger.put('balance', 2)]);
        }
      `,
      output: null,
      options: [{"writeTypes": [{"from": "file", "name": "Ledger"}]}],
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 4,
          column: 63,
          endLine: 4,
          endColumn: 66,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        export class Ledger { put(key: string, value: number): Promise<void> { return Promise.resolve(); } }
        export async function record(ledger: Ledger) {
          await ledger.put('balance', 1);
          await ledger.put('balance', 2);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "a method from writeMethods on a writeTypes handle",
      code: `
        export class Ledger { archive(key: string): Promise<void> { return Promise.resolve(); } }
        export async function close(ledger: Ledger) {
          await Promise.all([ledger.archive('2026'), ledger.archive('2026')]);
        }
      `,
      output: null,
      options: [{"writeMethods": ["archive"], "writeTypes": [{"from": "file", "name": "Ledger"}]}],
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 4,
          column: 61,
          endLine: 4,
          endColumn: 68,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        export class Ledger { archive(key: string): Promise<void> { return Promise.resolve(); } }
        export async function close(ledger: Ledger) {
          await ledger.archive('2026');
          await ledger.archive('2026');
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "TypeORM EntityManager: a save and a delete of one entity",
      code: `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function reset(dataSource: DataSource) {
          await Promise.all([dataSource.manager.save('User', { id: 3, name: 'a' }), dataSource.manager.delete('User', 3)]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 6,
          column: 104,
          endLine: 6,
          endColumn: 110,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { DataSource, Repository } from 'typeorm';
        interface User { id: number; name: string }
        interface Post { id?: number; title: string; author: User }
        export async function reset(dataSource: DataSource) {
          await dataSource.manager.save('User', { id: 3, name: 'a' });
          await dataSource.manager.delete('User', 3);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "lazy Prisma queries handed to Promise.all together",
      code: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          const first = prisma.user.update({ where: { id }, data: { name: 'a' } });
          const second = prisma.user.update({ where: { id }, data: { name: 'b' } });
          await Promise.all([first, second]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 6,
          column: 38,
          endLine: 6,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          const first = prisma.user.update({ where: { id }, data: { name: 'a' } });
          const second = prisma.user.update({ where: { id }, data: { name: 'b' } });
          await first;
          await second;
        }
      `,
            },
            {
              messageId: 'useTransaction',
              data: { transaction: 'prisma.$transaction' },
              output: `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function rename(id: number) {
          const first = prisma.user.update({ where: { id }, data: { name: 'a' } });
          const second = prisma.user.update({ where: { id }, data: { name: 'b' } });
          await prisma.$transaction([first, second]);
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "pg: a SELECT racing an UPDATE of the same row",
      code: `
        import type { Pool } from 'pg';
        export async function close(pool: Pool, id: number) {
          const [, account] = await Promise.all([
            pool.query('UPDATE accounts SET status = $2 WHERE id = $1', [id, 'closed']),
            pool.query('SELECT * FROM accounts WHERE id = $1', [id]),
          ]);
          return account;
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'readRacesWrite',
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 23,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import type { Pool } from 'pg';
        export async function close(pool: Pool, id: number) {
          await pool.query('UPDATE accounts SET status = $2 WHERE id = $1', [id, 'closed']);
          const account = await pool.query('SELECT * FROM accounts WHERE id = $1', [id]);
          return account;
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "mysql2 pool: an update and a delete of one row (`?` placeholders)",
      code: `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function settle(id: number) {
          await Promise.all([pool.execute('UPDATE accounts SET status = ? WHERE id = ?', ['closed', id]), pool.execute('DELETE FROM accounts WHERE id = ?', [id])]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'sameRecordWrites',
          line: 5,
          column: 112,
          endLine: 5,
          endColumn: 119,
          suggestions: [
            {
              messageId: 'runInOrder',
              output: `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function settle(id: number) {
          await pool.execute('UPDATE accounts SET status = ? WHERE id = ?', ['closed', id]);
          await pool.execute('DELETE FROM accounts WHERE id = ?', [id]);
        }
      `,
            },
          ],
        },
      ],
    },
  ],
});
