import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { getSingleConnection } from '../../src/analysis/single-connection.js';
import { getWorkStart } from '../../src/analysis/work-start.js';
import { probeDatabaseCalls } from './database-probe.js';
import { probeTyped } from './typed-probe.js';

describe('getSingleConnection', () => {
  it('is a pg Client or PoolClient, a mysql2 Connection or PoolConnection, or a singleConnectionTypes type; never a pool', async () => {
    const found: string[] = [];
    await probeTyped(
      `
import pg from 'pg';
import mysql from 'mysql2/promise';
import mysqlCallback from 'mysql2';
class Session { query(sql: string): Promise<string> { return Promise.resolve(sql); } }
const pool = new pg.Pool();
const mysqlPool = mysql.createPool({});
const probes = [
  new pg.Client(),
  await pool.connect(),
  pool,
  await mysql.createConnection({}),
  await mysqlPool.getConnection(),
  mysqlPool,
  mysqlCallback.createConnection({}),
  new Session(),
];
`,
      ({ services }) => ({
        ArrayExpression(node: TSESTree.ArrayExpression) {
          for (const element of node.elements) {
            if (element === null || element.type === AST_NODE_TYPES.SpreadElement) continue;
            const connection = getSingleConnection(services, element, { singleConnectionTypes: [{ from: 'file', name: 'Session' }] });
            found.push(connection === undefined ? 'no' : `${connection.library} ${connection.typeName}`);
          }
        },
      }),
    );
    expect(found).toEqual(['pg Client', 'pg PoolClient', 'no', 'mysql2 Connection', 'mysql2 PoolConnection', 'no', 'mysql2 Connection', 'user Session']);
  });
});

describe('getWorkStart', () => {
  it('is when awaited for Prisma, Knex and Drizzle calls, when called for the rest', async () => {
    const calls = await probeDatabaseCalls(`
import { PrismaClient } from '@prisma/client';
import knex from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, integer } from 'drizzle-orm/pg-core';
import { Pool } from 'pg';
const accounts = pgTable('accounts', { id: integer('id') });
const prisma = new PrismaClient();
const db = knex({ client: 'pg' });
const pool = new Pool();
probe(prisma.user.update({ where: { id: 1 }, data: {} }));
probe(db('accounts').insert({ id: 1 }));
probe(drizzle(pool).insert(accounts).values({ id: 1 }));
probe(pool.query('DELETE FROM accounts'));
`);
    expect(calls.map((call) => (call.operation === undefined ? 'none' : getWorkStart(call.operation)))).toEqual([
      'when-awaited',
      'when-awaited',
      'when-awaited',
      'when-called',
    ]);
  });
});
