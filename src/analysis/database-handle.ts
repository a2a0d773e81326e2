import { typeMatchesSomeSpecifier, typeMatchesSpecifier, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';

/**
 * Is a value a database, ORM, key-value or file handle, and which: decided
 * by its type through the checker, whatever the value is imported or
 * aliased as, with typescript-eslint's `TypeOrValueSpecifier` matching
 * (`@typescript-eslint/type-utils`), so a class of the program that is
 * merely called `Client` is none. A class that extends a known one (a
 * `class Db extends pg.Client`) is judged by its base.
 */

export type DatabaseLibrary =
  | 'drizzle'
  | 'ioredis'
  | 'knex'
  | 'mongoose'
  | 'mysql2'
  | 'pg'
  | 'prisma'
  | 'redis'
  | 'sequelize'
  | 'typeorm'
  | 'user';

/**
 * - `connection`: one connection, which runs its queries one after another
 *   (`pg` `Client` and `PoolClient`, `mysql2` `Connection` and `PoolConnection`);
 * - `pool`: hands each query to a free connection of several;
 * - `client`: any other handle that runs queries (an ORM repository, a manager, a model, a key-value client);
 * - `builder`: a query builder that runs when awaited (Knex);
 * - `model-class`: the static side of a Sequelize model class (`User.create`);
 * - `record`: an object that saves itself (a Sequelize model instance, a Mongoose document).
 */
export type DatabaseHandleKind = 'builder' | 'client' | 'connection' | 'model-class' | 'pool' | 'record';

export interface DatabaseHandle {
  library: DatabaseLibrary;
  kind: DatabaseHandleKind;
  /** The type's own name (`Client`, `Repository`): for messages. */
  typeName: string;
}

export interface DatabaseHandleOptions {
  /** Types the user counts as handles whose write methods write (`writeTypes`). */
  writeTypes?: readonly TypeOrValueSpecifier[];
  /** Types the user counts as single connections (`singleConnectionTypes`). */
  singleConnectionTypes?: readonly TypeOrValueSpecifier[];
}

interface KnownHandle {
  library: Exclude<DatabaseLibrary, 'user'>;
  kind: DatabaseHandleKind;
  specifier: TypeOrValueSpecifier & { from: 'package' };
}

function known(library: KnownHandle['library'], kind: DatabaseHandleKind, packageName: string, name: string[]): KnownHandle {
  return { library, kind, specifier: { from: 'package', package: packageName, name } };
}

/** Pools first: `mysql2/promise`'s `Pool` extends its `Connection`. */
const KNOWN_HANDLES: readonly KnownHandle[] = [
  known('pg', 'pool', 'pg', ['Pool']),
  known('pg', 'connection', 'pg', ['Client', 'PoolClient', 'ClientBase']),
  known('mysql2', 'pool', 'mysql2', ['Pool', 'PoolCluster', 'PoolNamespace']),
  known('mysql2', 'connection', 'mysql2', ['Connection', 'PoolConnection']),
  known('ioredis', 'client', 'ioredis', ['Redis', 'Cluster', 'ChainableCommander']),
  known('redis', 'client', 'redis', ['RedisClientType', 'RedisClusterType', 'RedisClientPoolType']),
  known('redis', 'client', '@redis/client', ['RedisClientType', 'RedisClusterType', 'RedisClientPoolType', 'RedisClient']),
  known('typeorm', 'client', 'typeorm', [
    'Repository',
    'TreeRepository',
    'MongoRepository',
    'EntityManager',
    'MongoEntityManager',
    'DataSource',
    'Connection',
    'QueryRunner',
  ]),
  known('mongoose', 'client', 'mongoose', ['Model']),
  known('mongoose', 'record', 'mongoose', ['Document']),
  known('sequelize', 'record', 'sequelize', ['Model']),
  known('sequelize', 'client', 'sequelize', ['Sequelize']),
  known('knex', 'client', 'knex', ['Knex', 'Transaction']),
  known('knex', 'builder', 'knex', ['QueryBuilder', 'QueryInterface', 'ChainableInterface', 'Raw']),
  known('drizzle', 'client', 'drizzle-orm', [
    'PgDatabase',
    'NodePgDatabase',
    'PgTransaction',
    'MySqlDatabase',
    'MySql2Database',
    'MySqlTransaction',
    'BaseSQLiteDatabase',
    'SQLiteTransaction',
  ]),
  known('prisma', 'client', '@prisma/client', ['PrismaClient']),
  known('prisma', 'client', '.prisma/client', ['PrismaClient']),
];

/** Prisma generates one delegate type per model, `UserDelegate`, `Prisma.PostDelegate<…>`, in `@prisma/client` (or `.prisma/client`). */
const PRISMA_PACKAGES = ['@prisma/client', '.prisma/client'];

const getHandleCache = cachePerChecker(() => new WeakMap<ts.Type, DatabaseHandle | null>());

/** The handle a type is, by the known client types (cached per checker); `undefined` when it is none or we cannot tell. */
export function classifyDatabaseHandleType(
  program: ts.Program,
  type: ts.Type,
  options: DatabaseHandleOptions = {},
): DatabaseHandle | undefined {
  return askChecker(undefined, () => {
    const parts = tsutils
      .unionConstituents(type)
      .filter((part) => !tsutils.isTypeFlagSet(part, ts.TypeFlags.Null | ts.TypeFlags.Undefined | ts.TypeFlags.Void));
    if (parts.length === 0) return undefined;
    const handles = parts.map((part) => classifyNonUnion(program, part, options));
    const [first] = handles;
    if (first === undefined || handles.some((handle) => handle?.library !== first.library)) return undefined;
    // `Client | PoolClient` is one connection whichever it is; `Client | Pool` is not certainly one.
    return handles.every((handle) => handle?.kind === first.kind) ? first : { ...first, kind: 'client' };
  });
}

function classifyNonUnion(program: ts.Program, type: ts.Type, options: DatabaseHandleOptions): DatabaseHandle | undefined {
  if (tsutils.isTypeFlagSet(type, ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return undefined;
  const typeName = getTypeName(type);
  if (typeMatchesSomeSpecifier(type, [...(options.singleConnectionTypes ?? [])], program)) {
    return { library: 'user', kind: 'connection', typeName };
  }
  const knownHandle = classifyKnownType(program, type);
  if (knownHandle !== undefined) return knownHandle;
  if (typeMatchesSomeSpecifier(type, [...(options.writeTypes ?? [])], program)) return { library: 'user', kind: 'client', typeName };
  return undefined;
}

function classifyKnownType(program: ts.Program, type: ts.Type): DatabaseHandle | undefined {
  const cache = getHandleCache(program.getTypeChecker());
  const cached = cache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  const found = findKnownHandle(program, type, new Set());
  cache.set(type, found ?? null);
  return found;
}

function findKnownHandle(program: ts.Program, type: ts.Type, seen: Set<ts.Type>): DatabaseHandle | undefined {
  if (seen.has(type)) return undefined;
  seen.add(type);
  for (const handle of KNOWN_HANDLES) {
    if (typeMatchesSpecifier(type, handle.specifier, program)) return { library: handle.library, kind: handle.kind, typeName: getTypeName(type) };
  }
  const name = getTypeName(type);
  if (name.endsWith('Delegate') && PRISMA_PACKAGES.some((packageName) => typeMatchesSpecifier(type, { from: 'package', package: packageName, name }, program))) {
    return { library: 'prisma', kind: 'client', typeName: name };
  }
  const checker = program.getTypeChecker();
  // `typeof User` of `class User extends Model`: the static side of a Sequelize model.
  for (const signature of type.getConstructSignatures()) {
    const instance = findKnownHandle(program, signature.getReturnType(), seen);
    if (instance?.library === 'sequelize' && instance.kind === 'record') return { ...instance, kind: 'model-class', typeName: name };
  }
  const target = tsutils.isTypeReference(type) ? type.target : type;
  if (tsutils.isObjectType(target) && tsutils.isObjectFlagSet(target, ts.ObjectFlags.ClassOrInterface)) {
    for (const base of checker.getBaseTypes(target as ts.InterfaceType)) {
      const handle = findKnownHandle(program, base, seen);
      if (handle !== undefined) return { ...handle, typeName: name };
    }
  }
  if (tsutils.isIntersectionType(type)) {
    for (const part of type.types) {
      const handle = findKnownHandle(program, part, seen);
      if (handle !== undefined) return handle;
    }
  }
  return undefined;
}

function getTypeName(type: ts.Type): string {
  return (type.aliasSymbol ?? type.getSymbol())?.getName() ?? '';
}
