import rule from '../../src/rules/no-parallel-single-connection.js';
import { createTypedRuleTester } from '../rule-tester.js';

const ruleTester = createTypedRuleTester();

ruleTester.run('no-parallel-single-connection', rule, {
  valid: [
    // Queries bound to consts with a wait between: the first has answered before the second is sent.
    `
        import type { Client } from 'pg';
        export async function load(client: Client) {
          const orders = client.query('SELECT * FROM orders');
          await orders;
          const invoices = client.query('SELECT * FROM invoices');
          return Promise.all([orders, invoices]);
        }
      `,
    // Consts bound to queries on two connections.
    `
        import type { Client } from 'pg';
        export async function load(a: Client, b: Client) {
          const orders = a.query('SELECT * FROM orders');
          const invoices = b.query('SELECT * FROM invoices');
          return Promise.all([orders, invoices]);
        }
      `,
    // A pool hands each query a connection of its own.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load(id: number) {
          return Promise.all([pool.query('SELECT * FROM users WHERE id = $1', [id]), pool.query('SELECT * FROM orders WHERE user_id = $1', [id])]);
        }
      `,
    // A pool, mapped over ids.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load(ids: number[]) {
          await Promise.all(ids.map((id) => pool.query('DELETE FROM sessions WHERE user_id = $1', [id])));
        }
      `,
    // The queries are awaited one after another.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client, id: number) {
          const user = await client.query('SELECT * FROM users WHERE id = $1', [id]);
          const orders = await client.query('SELECT * FROM orders WHERE user_id = $1', [id]);
          return [user, orders];
        }
      `,
    // One query on the connection, one on the pool.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load(client: Client, id: number) {
          return Promise.all([client.query('SELECT 1'), pool.query('SELECT 2')]);
        }
      `,
    // Two different connections run in parallel.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(a: Client, b: Client) {
          return Promise.all([a.query('SELECT 1'), b.query('SELECT 2')]);
        }
      `,
    // One query beside work that is no query.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        declare function fetchProfile(id: number): Promise<unknown>;
        export async function load(client: Client, id: number) {
          return Promise.all([client.query('SELECT 1'), fetchProfile(id)]);
        }
      `,
    // mysql2's promise pool (it extends Connection, but is a pool).
    `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function load(id: number) {
          return Promise.all([pool.query('SELECT 1'), pool.execute('SELECT 2 WHERE ? = 1', [id])]);
        }
      `,
    // mysql2's pool cluster-free pool, mapped.
    `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function touch(ids: number[]) {
          await Promise.all(ids.map((id) => pool.execute('UPDATE users SET seen = NOW() WHERE id = ?', [id])));
        }
      `,
    // Each mapped element checks out its own connection.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function touch(ids: number[]) {
          await Promise.all(
            ids.map(async (id) => {
              const client = await pool.connect();
              try {
                await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
              } finally {
                client.release();
              }
            }),
          );
        }
      `,
    // A class of the program merely named Client is no database connection.
    `
        class Client { query(sql: string): Promise<string> { return Promise.resolve(sql); } }
        const client = new Client();
        export async function load() {
          return Promise.all([client.query('a'), client.query('b')]);
        }
      `,
    // An `any` receiver: we cannot tell.
    `
        declare const client: any;
        export async function load() {
          return Promise.all([client.query('SELECT 1'), client.query('SELECT 2')]);
        }
      `,
    // A Promise that is not the global one.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        import Promise from 'bluebird-like';
        declare module 'bluebird-like' { const P: { all(xs: unknown[]): unknown }; export default P; }
        export function load(client: Client) {
          return Promise.all([client.query('SELECT 1'), client.query('SELECT 2')]);
        }
      `,
    // Promise.all of promises made elsewhere: not the queries themselves.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client, pending: Promise<unknown>[]) {
          return Promise.all(pending);
        }
      `,
    // The queries run inside one async IIFE, in sequence: one element.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        declare function notify(): Promise<void>;
        export async function load(client: Client) {
          await Promise.all([
            (async () => {
              await client.query('SELECT 1');
              await client.query('SELECT 2');
            })(),
            notify(),
          ]);
        }
      `,
    // Queries in a nested callback of an element are not started by the combinator.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client, later: (f: () => Promise<unknown>) => Promise<void>) {
          await Promise.all([client.query('SELECT 1'), later(() => client.query('SELECT 2'))]);
        }
      `,
    // Knex runs on a pool.
    `
        import knex from 'knex';
        const db = knex({ client: 'pg' });
        export async function load() {
          return Promise.all([db('users').select(), db('orders').select()]);
        }
      `,
    // A redis client pipelines commands on purpose.
    `
        import Redis from 'ioredis';
        const redis = new Redis();
        export async function load() {
          return Promise.all([redis.get('a'), redis.get('b')]);
        }
      `,
    // Prisma queries go through its pool.
    `
        import { PrismaClient } from '@prisma/client';
        const prisma = new PrismaClient();
        export async function load() {
          return Promise.all([prisma.user.findMany(), prisma.post.findMany()]);
        }
      `,
    // A pool held in a property.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export class Repo {
          constructor(private readonly pool: Pool) {}
          load() {
            return Promise.all([this.pool.query('SELECT 1'), this.pool.query('SELECT 2')]);
          }
        }
      `,
    // Different clients in properties.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export class Repo {
          constructor(private readonly primary: Client, private readonly replica: Client) {}
          load() {
            return Promise.all([this.primary.query('SELECT 1'), this.replica.query('SELECT 2')]);
          }
        }
      `,
    // A single element: nothing runs beside it.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          return Promise.all([client.query('SELECT 1')]);
        }
      `,
    // A method that is no query (`connect`, `end`) on the connection.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function reset(a: Client, b: Client) {
          await Promise.all([a.end(), b.end()]);
        }
      `,
    // A type in singleConnectionTypes elsewhere does not make a pool one.
    {
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load() {
          return Promise.all([pool.query('SELECT 1'), pool.query('SELECT 2')]);
        }
      `,
      options: [{"singleConnectionTypes": [{"from": "file", "name": "Session"}]}],
    },
    // Client | Pool: not certainly one connection.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(db: Client | Pool) {
          return Promise.all([db.query('SELECT 1'), db.query('SELECT 2')]);
        }
      `,
    // Awaited in a loop, one at a time.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function touch(client: PoolClient, ids: number[]) {
          for (const id of ids) {
            await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
          }
        }
      `,
    // Mapped, but the connection is a parameter of the callback.
    `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(clients: Client[]) {
          await Promise.all(clients.map((client) => client.query('SELECT 1')));
        }
      `,
    // A Drizzle database on a pool.
    `
        import { drizzle } from 'drizzle-orm/node-postgres';
        import { Pool } from 'pg';
        const db = drizzle(new Pool());
        export async function load() {
          return Promise.all([db.execute('SELECT 1'), db.execute('SELECT 2')]);
        }
      `,
  ],
  invalid: [
    {
      name: 'queries sent into consts, then handed to Promise.all: no suggestion',
      code: `
        import type { Client } from 'pg';
        export async function load(client: Client) {
          const orders = client.query('SELECT * FROM orders');
          const invoices = client.query('SELECT * FROM invoices');
          return Promise.all([orders, invoices]);
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'parallelOnSingleConnection',
          data: { connection: 'client', type: 'Client', count: '2', combinator: 'all' },
          line: 6,
          column: 18,
          endLine: 6,
          endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "a pg Client, destructured results",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client, id: number) {
          const [user, orders] = await Promise.all([
            client.query('SELECT * FROM users WHERE id = $1', [id]),
            client.query('SELECT * FROM orders WHERE user_id = $1', [id]),
          ]);
          return { user, orders };
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 40,
  endLine: 4,
  endColumn: 51,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client, id: number) {
          const user = await client.query('SELECT * FROM users WHERE id = $1', [id]);
          const orders = await client.query('SELECT * FROM orders WHERE user_id = $1', [id]);
          return { user, orders };
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "a PoolClient from pool.connect(): in sequence, or on the pool",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load(id: number) {
          const client = await pool.connect();
          try {
            await Promise.all([client.query('UPDATE users SET seen = now() WHERE id = $1', [id]), client.query('DELETE FROM tokens WHERE user_id = $1', [id])]);
          } finally {
            client.release();
          }
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 7,
  column: 19,
  endLine: 7,
  endColumn: 30,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load(id: number) {
          const client = await pool.connect();
          try {
            await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
            await client.query('DELETE FROM tokens WHERE user_id = $1', [id]);
          } finally {
            client.release();
          }
        }
      `,
    },
            {
      messageId: 'usePool',
              data: { pool: 'pool' },
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function load(id: number) {
          const client = await pool.connect();
          try {
            await Promise.all([pool.query('UPDATE users SET seen = now() WHERE id = $1', [id]), pool.query('DELETE FROM tokens WHERE user_id = $1', [id])]);
          } finally {
            client.release();
          }
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "inside a transaction: in sequence only, never the pool",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function transfer(from: number, to: number) {
          const client = await pool.connect();
          await client.query('BEGIN');
          await Promise.all([
            client.query('UPDATE accounts SET balance = balance - 10 WHERE id = $1', [from]),
            client.query('UPDATE accounts SET balance = balance + 10 WHERE id = $1', [to]),
          ]);
          await client.query('COMMIT');
          client.release();
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 7,
  column: 17,
  endLine: 7,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function transfer(from: number, to: number) {
          const client = await pool.connect();
          await client.query('BEGIN');
          await client.query('UPDATE accounts SET balance = balance - 10 WHERE id = $1', [from]);
          await client.query('UPDATE accounts SET balance = balance + 10 WHERE id = $1', [to]);
          await client.query('COMMIT');
          client.release();
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: 'inside a transaction, a query mapped over ids: in sequence only, never the pool',
      code: `
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function deactivate(ids: number[]) {
          const client = await pool.connect();
          await client.query('BEGIN');
          await Promise.all(ids.map((id) => client.query('UPDATE users SET active = false WHERE id = $1', [id])));
          await client.query('COMMIT');
          client.release();
        }
      `,
      output: null,
      errors: [
        {
          messageId: 'parallelOnSingleConnection',
          line: 7,
          column: 17,
          endLine: 7,
          endColumn: 28,
          suggestions: [
            {
              messageId: 'runInSequence',
              output: `
        import { Pool } from 'pg';
        const pool = new Pool();
        export async function deactivate(ids: number[]) {
          const client = await pool.connect();
          await client.query('BEGIN');
          for (const id of ids) {
            await client.query('UPDATE users SET active = false WHERE id = $1', [id]);
          }
          await client.query('COMMIT');
          client.release();
        }
      `,
            },
          ],
        },
      ],
    },
    {
      name: "a query mapped over ids",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function touch(client: Client, ids: number[]) {
          await Promise.all(ids.map((id) => client.query('UPDATE users SET seen = now() WHERE id = $1', [id])));
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 17,
  endLine: 4,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function touch(client: Client, ids: number[]) {
          for (const id of ids) {
            await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
          }
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "a mapped async callback with more statements",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function touch(client: Client, ids: number[]) {
          await Promise.all(
            ids.map(async (id) => {
              const result = await client.query('UPDATE users SET seen = now() WHERE id = $1 RETURNING id', [id]);
              return result.rowCount;
            }),
          );
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 17,
  endLine: 4,
  endColumn: 28,
          suggestions: [],
        },
      ],
    },
    {
      name: "Promise.allSettled",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          return Promise.allSettled([client.query('SELECT 1'), client.query('SELECT 2')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 36,
          suggestions: [],
        },
      ],
    },
    {
      name: "Promise.race",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function first(client: Client) {
          return Promise.race([client.query('SELECT 1'), client.query('SELECT 2')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 30,
          suggestions: [],
        },
      ],
    },
    {
      name: "Promise.any",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function first(client: Client) {
          return Promise.any([client.query('SELECT 1'), client.query('SELECT 2')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "queries with .then handlers",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          const [a, b] = await Promise.all([client.query('SELECT 1').then((r) => r.rows), client.query('SELECT 2').then((r) => r.rows)]);
          return [a, b];
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 32,
  endLine: 4,
  endColumn: 43,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          const a = await client.query('SELECT 1').then((r) => r.rows);
          const b = await client.query('SELECT 2').then((r) => r.rows);
          return [a, b];
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "an async IIFE beside a query",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          await Promise.all([
            (async () => {
              await client.query('SELECT 1');
            })(),
            client.query('SELECT 2'),
          ]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 17,
  endLine: 4,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          await (async () => {
              await client.query('SELECT 1');
            })();
          await client.query('SELECT 2');
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "a mysql2 promise Connection",
      code: `
        import mysql from 'mysql2/promise';
        export async function load(id: number) {
          const connection = await mysql.createConnection({});
          await Promise.all([connection.execute('UPDATE users SET a = 1 WHERE id = ?', [id]), connection.query('SELECT 1')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 5,
  column: 17,
  endLine: 5,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import mysql from 'mysql2/promise';
        export async function load(id: number) {
          const connection = await mysql.createConnection({});
          await connection.execute('UPDATE users SET a = 1 WHERE id = ?', [id]);
          await connection.query('SELECT 1');
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "a mysql2 PoolConnection from getConnection()",
      code: `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function load(id: number) {
          const connection = await pool.getConnection();
          await Promise.all([connection.execute('UPDATE users SET a = 1 WHERE id = ?', [id]), connection.execute('UPDATE users SET b = 1 WHERE id = ?', [id])]);
          connection.release();
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 6,
  column: 17,
  endLine: 6,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function load(id: number) {
          const connection = await pool.getConnection();
          await connection.execute('UPDATE users SET a = 1 WHERE id = ?', [id]);
          await connection.execute('UPDATE users SET b = 1 WHERE id = ?', [id]);
          connection.release();
        }
      `,
    },
            {
      messageId: 'usePool',
              data: { pool: 'pool' },
              output: `
        import mysql from 'mysql2/promise';
        const pool = mysql.createPool({});
        export async function load(id: number) {
          const connection = await pool.getConnection();
          await Promise.all([pool.execute('UPDATE users SET a = 1 WHERE id = ?', [id]), pool.execute('UPDATE users SET b = 1 WHERE id = ?', [id])]);
          connection.release();
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "a connection held in a property",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export class Repo {
          constructor(private readonly client: Client) {}
          load() {
            return Promise.all([this.client.query('SELECT 1'), this.client.query('SELECT 2')]);
          }
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 6,
  column: 20,
  endLine: 6,
  endColumn: 31,
          suggestions: [],
        },
      ],
    },
    {
      name: "a PoolClient parameter, three queries, namespace import",
      code: `
        import * as pg from 'pg';
        export async function load(connection: pg.PoolClient) {
          return Promise.all([connection.query('SELECT 1'), connection.query('SELECT 2'), connection.query('SELECT 3')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          data: {"connection": "connection", "type": "PoolClient", "count": "3", "combinator": "all"},
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "a subclass of Client under an alias",
      code: `
        import { Client as PgClient } from 'pg';
        class AuditedClient extends PgClient {}
        const db = new AuditedClient();
        export async function load() {
          return Promise.all([db.query('SELECT 1'), db.query('SELECT 2')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 6,
  column: 18,
  endLine: 6,
  endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "two connections with two queries each: two reports",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(a: Client, b: Client) {
          return Promise.all([a.query('SELECT 1'), b.query('SELECT 1'), a.query('SELECT 2'), b.query('SELECT 2')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 29,
          suggestions: [],
        },
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "a query beside a spread of mapped queries",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client, ids: number[]) {
          return Promise.all([client.query('SELECT 1'), ...ids.map((id) => client.query('SELECT $1::int', [id]))]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 18,
  endLine: 4,
  endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "a type from singleConnectionTypes",
      code: `
        export class Session { query(sql: string): Promise<string> { return Promise.resolve(sql); } }
        export async function load(session: Session) {
          await Promise.all([session.query('a'), session.query('b')]);
        }
      `,
      output: null,
      options: [{"singleConnectionTypes": [{"from": "file", "name": "Session"}]}],
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          data: {"connection": "session", "type": "Session", "count": "2", "combinator": "all"},
          line: 4,
  column: 17,
  endLine: 4,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        export class Session { query(sql: string): Promise<string> { return Promise.resolve(sql); } }
        export async function load(session: Session) {
          await session.query('a');
          await session.query('b');
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "optional calls on a possibly undefined Client",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        declare const client: Client | undefined;
        export async function load() {
          return Promise.all([client?.query('SELECT 1'), client?.query('SELECT 2')]);
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 5,
  column: 18,
  endLine: 5,
  endColumn: 29,
          suggestions: [],
        },
      ],
    },
    {
      name: "at top level, destructured objects (no sequence rewrite)",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        const client = new Client();
        await client.connect();
        const [{ rows: users }, { rows: orders }] = await Promise.all([client.query('SELECT * FROM users'), client.query('SELECT * FROM orders')]);
        export { users, orders };
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 5,
  column: 59,
  endLine: 5,
  endColumn: 70,
          suggestions: [],
        },
      ],
    },
    {
      name: "results kept as an array (no sequence rewrite)",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          const results = await Promise.all([client.query('SELECT 1'), client.query('SELECT 2')]);
          return results;
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 33,
  endLine: 4,
  endColumn: 44,
          suggestions: [],
        },
      ],
    },
    {
      name: "a hole in the pattern",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          const [one, , three] = await Promise.all([client.query('SELECT 1'), client.query('SELECT 2'), client.query('SELECT 3')]);
          return [one, three];
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          line: 4,
  column: 40,
  endLine: 4,
  endColumn: 51,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        export async function load(client: Client) {
          const one = await client.query('SELECT 1');
          await client.query('SELECT 2');
          const three = await client.query('SELECT 3');
          return [one, three];
        }
      `,
    },
          ],
        },
      ],
    },
    {
      name: "a mapped query on a checked-out client",
      code: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function touch(ids: number[]) {
          const client = await pool.connect();
          await Promise.all(ids.map((id) => client.query('UPDATE users SET seen = now() WHERE id = $1', [id])));
          client.release();
        }
      `,
      output: null,
      errors: [
        {
  messageId: 'parallelOnSingleConnection',
          data: {"connection": "client", "type": "PoolClient", "count": "mapped", "combinator": "all"},
          line: 6,
  column: 17,
  endLine: 6,
  endColumn: 28,
          suggestions: [
            {
      messageId: 'runInSequence',
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function touch(ids: number[]) {
          const client = await pool.connect();
          for (const id of ids) {
            await client.query('UPDATE users SET seen = now() WHERE id = $1', [id]);
          }
          client.release();
        }
      `,
    },
            {
      messageId: 'usePool',
              data: { pool: 'pool' },
              output: `
        import { Client, Pool, type PoolClient } from 'pg';
        const pool = new Pool();
        export async function touch(ids: number[]) {
          const client = await pool.connect();
          await Promise.all(ids.map((id) => pool.query('UPDATE users SET seen = now() WHERE id = $1', [id])));
          client.release();
        }
      `,
    },
          ],
        },
      ],
    },
  ],
});
