import { describe, expect, it } from 'vitest';

import { classifyDatabaseHandleType } from '../../src/analysis/database-handle.js';
import { probeTyped } from './typed-probe.js';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { TypeOrValueSpecifier } from '@typescript-eslint/type-utils';

/** Classifies the type of every variable declared with `const probe_<name> = …`, by name. */
async function classify(
  code: string,
  options: { writeTypes?: TypeOrValueSpecifier[]; singleConnectionTypes?: TypeOrValueSpecifier[] } = {},
): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  await probeTyped(code, ({ services }) => ({
    VariableDeclarator(node: TSESTree.VariableDeclarator) {
      if (node.id.type !== AST_NODE_TYPES.Identifier || !node.id.name.startsWith('probe_')) return;
      const handle = classifyDatabaseHandleType(services.program, services.getTypeAtLocation(node.id), options);
      found[node.id.name.slice('probe_'.length)] = handle === undefined ? 'none' : `${handle.library} ${handle.kind}`;
    },
  }));
  return found;
}

describe('classifyDatabaseHandleType', () => {
  it('knows pg clients, pools and pool clients under any import name', async () => {
    expect(
      await classify(`
import pg, { Client as PgClient, Pool } from 'pg';
import * as postgres from 'pg';
const pool = new Pool();
export const probe_client = new PgClient();
export const probe_defaultClient = new pg.Client();
export const probe_namespacePool = new postgres.Pool();
export const probe_pool = pool;
export const probe_poolClient = await pool.connect();
export const probe_either: PgClient | pg.PoolClient = new PgClient();
export const probe_clientOrPool: PgClient | Pool = pool;
export const probe_nullable: PgClient | undefined = undefined;
`),
    ).toEqual({
      client: 'pg connection',
      defaultClient: 'pg connection',
      namespacePool: 'pg pool',
      pool: 'pg pool',
      poolClient: 'pg connection',
      either: 'pg connection',
      clientOrPool: 'pg client',
      nullable: 'pg connection',
    });
  });

  it('knows mysql2 pools before connections (its promise Pool extends Connection), callback API too', async () => {
    expect(
      await classify(`
import mysql from 'mysql2/promise';
import mysqlCallback from 'mysql2';
export const probe_connection = await mysql.createConnection({});
const pool = mysql.createPool({});
export const probe_pool = pool;
export const probe_poolConnection = await pool.getConnection();
export const probe_callbackConnection = mysqlCallback.createConnection({});
export const probe_callbackPool = mysqlCallback.createPool({});
`),
    ).toEqual({
      connection: 'mysql2 connection',
      pool: 'mysql2 pool',
      poolConnection: 'mysql2 connection',
      callbackConnection: 'mysql2 connection',
      callbackPool: 'mysql2 pool',
    });
  });

  it('knows the ORMs, query builders and key-value clients', async () => {
    expect(
      await classify(`
import Redis from 'ioredis';
import { createClient } from 'redis';
import knex from 'knex';
import { drizzle } from 'drizzle-orm/node-postgres';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import mongoose from 'mongoose';
import { Model, Sequelize } from 'sequelize';
import { PrismaClient } from '@prisma/client';
import { Pool } from 'pg';
class User extends Model {}
const dataSource = new DataSource({ type: 'postgres' });
const db = knex({ client: 'pg' });
const prisma = new PrismaClient();
export const probe_ioredis = new Redis();
export const probe_redis = createClient();
export const probe_knex = db;
export const probe_knexBuilder = db('users').where({ id: 1 });
export const probe_drizzle = drizzle(new Pool());
export const probe_dataSource = dataSource;
export const probe_repository = dataSource.getRepository('User');
export const probe_manager: EntityManager = dataSource.manager;
export const probe_queryRunner: QueryRunner = dataSource.createQueryRunner();
export const probe_mongooseModel = mongoose.model('User', new mongoose.Schema({}));
export const probe_sequelizeClass = User;
export const probe_sequelizeInstance = new User();
export const probe_sequelize = new Sequelize('sqlite::memory:');
export const probe_prisma = prisma;
export const probe_prismaDelegate = prisma.user;
`),
    ).toEqual({
      ioredis: 'ioredis client',
      redis: 'redis client',
      knex: 'knex client',
      knexBuilder: 'knex builder',
      drizzle: 'drizzle client',
      dataSource: 'typeorm client',
      repository: 'typeorm client',
      manager: 'typeorm client',
      queryRunner: 'typeorm client',
      mongooseModel: 'mongoose client',
      sequelizeClass: 'sequelize model-class',
      sequelizeInstance: 'sequelize record',
      sequelize: 'sequelize client',
      prisma: 'prisma client',
      prismaDelegate: 'prisma client',
    });
  });

  it('judges a class of the program by the client it extends, and one merely named Client as none', async () => {
    expect(
      await classify(`
import { Client as PgClient } from 'pg';
class Client { query(sql: string): Promise<unknown> { return Promise.resolve(sql); } }
class AuditedClient extends PgClient {}
export const probe_ownClient = new Client();
export const probe_subclass = new AuditedClient();
export const probe_anything: any = null;
export const probe_unknownValue: unknown = null;
export const probe_plain = { query: async (sql: string) => sql };
`),
    ).toEqual({ ownClient: 'none', subclass: 'pg connection', anything: 'none', unknownValue: 'none', plain: 'none' });
  });

  it('adds the user’s writeTypes and singleConnectionTypes as TypeOrValueSpecifiers', async () => {
    expect(
      await classify(
        `
export class Store { put(key: string): Promise<void> { return Promise.resolve(); } }
export class Session { query(sql: string): Promise<unknown> { return Promise.resolve(sql); } }
export class Other {}
export const probe_store = new Store();
export const probe_session = new Session();
export const probe_other = new Other();
`,
        { writeTypes: [{ from: 'file', name: 'Store' }], singleConnectionTypes: ['Session'] },
      ),
    ).toEqual({ store: 'user client', session: 'user connection', other: 'none' });
  });
});
