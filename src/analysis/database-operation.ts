import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { getStaticPropertyName } from '../syntax/access-path.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { getSqlText, isRelativeUpdate, parseSqlStatement, type SqlStatement, type SqlText } from '../syntax/sql-statement.js';
import { askChecker } from './checker-guard.js';
import { classifyDatabaseHandleType, type DatabaseHandle, type DatabaseHandleOptions } from './database-handle.js';
import { getAmbientModuleName } from './declaration-origin.js';
import { getResolvedSymbolAtLocation } from './symbols.js';

/**
 * What a call on a database handle does: write, read, or something else
 * (`connect`, `end`, `transaction`), from the method names along its chain
 * (`knex('users').where({ id }).update(…)`, `db.update(users).set(…).where(…)`)
 * or, for `query`/`execute`/`raw`, from the verb of its SQL text.
 */

export type DatabaseAccess = 'other' | 'read' | 'write';

export interface DatabaseOperation {
  /** The outermost call of the chain. */
  call: TSESTree.CallExpression;
  access: DatabaseAccess;
  /** The handle at the root of the chain; for `node:fs/promises` a `file` pseudo-handle. */
  handle: DatabaseHandle | { library: 'fs'; kind: 'client'; typeName: string };
  /** The root of the chain: the expression whose type is the handle (`client`, `prisma.user`, `knex('users')`'s `knex`). */
  receiver: TSESTree.Expression | undefined;
  /** The method calls from the root out: `[{ name: 'insert', call }, { name: 'values', call }]`; a root call (`knex('t')`) has name `''`. */
  steps: readonly ChainStep[];
  /** The method that made it a write or read: `update`, `query`. */
  method: string;
  /** For a `query`/`execute`/`raw` call with static SQL text. */
  sql: { statement: SqlStatement; text: SqlText; values: TSESTree.Node | undefined } | undefined;
}

export interface ChainStep {
  name: string;
  call: TSESTree.CallExpression;
}

export interface DatabaseOperationOptions extends DatabaseHandleOptions {
  /** The write method names (`writeMethods`); each also matches its `…Many`/`…One` forms. */
  writeMethods?: readonly string[];
}

/** The catalogue's write methods; each matches itself, `…Many`, `…One`, and a camel-case suffix (`updateMany`, `createUser` is no write of a handle anyway). */
export const DEFAULT_WRITE_METHODS: readonly string[] = [
  'create',
  'insert',
  'update',
  'upsert',
  'save',
  'delete',
  'remove',
  'destroy',
  'set',
  'put',
  'patch',
  'write',
  'increment',
  'decrement',
];

const EXTRA_WRITE_METHODS = new Set([
  'del', // Knex
  'bulkCreate', // Sequelize
  'replaceOne',
  'bulkWrite',
  'softDelete',
  'restore',
  'merge',
  'onConflictDoUpdate',
  'executeRaw',
  '$executeRaw',
  '$executeRawUnsafe',
  // Redis commands (ioredis lower case, node-redis camel case).
  'hset',
  'hSet',
  'hmset',
  'hdel',
  'hDel',
  'hincrby',
  'hIncrBy',
  'incr',
  'incrby',
  'incrBy',
  'decr',
  'decrby',
  'decrBy',
  'append',
  'setex',
  'setEx',
  'setnx',
  'setNX',
  'mset',
  'mSet',
  'getset',
  'getSet',
  'getdel',
  'getDel',
  'lpush',
  'lPush',
  'rpush',
  'rPush',
  'lpop',
  'lPop',
  'rpop',
  'rPop',
  'sadd',
  'sAdd',
  'srem',
  'sRem',
  'zadd',
  'zAdd',
  'zrem',
  'zRem',
  'expire',
  'unlink',
]);

/** Atomic counter updates: two at once on one record add up, nothing is lost. */
export const ATOMIC_INCREMENT_METHODS: ReadonlySet<string> = new Set([
  'increment',
  'decrement',
  'incr',
  'incrby',
  'incrBy',
  'decr',
  'decrby',
  'decrBy',
  'hincrby',
  'hIncrBy',
]);

/**
 * An atomic counter update, which adds up with another of the same record
 * instead of overwriting it: a method of `ATOMIC_INCREMENT_METHODS`
 * (`repo.increment(…)`, `redis.incr(k)`), SQL `SET n = n + $2`, Prisma
 * `data: { n: { increment: 1 } }`, Mongoose `{ $inc: { n: 1 } }`, Drizzle
 * `set({ n: sql\`${t.n} + 1\` })`: every column it sets, set relative to itself.
 */
export function isAtomicIncrement(operation: DatabaseOperation): boolean {
  if (operation.access !== 'write') return false;
  if (ATOMIC_INCREMENT_METHODS.has(operation.method)) return true;
  if (operation.sql !== undefined) return isRelativeUpdate(operation.sql.text.text);
  const last = operation.steps.at(-1);
  if (last === undefined) return false;
  switch (operation.handle.library) {
    case 'prisma':
      return /^update(?:Many)?$/u.test(operation.method) && isPrismaIncrementData(findProperty(last.call.arguments[0], 'data'));
    case 'mongoose':
      return /^(?:update(?:One|Many)?|findOneAndUpdate|findByIdAndUpdate)$/u.test(operation.method) && isMongooseIncrement(last.call.arguments[1]);
    case 'drizzle': {
      const set = operation.steps.find((step) => step.name === 'set');
      return operation.method === 'update' && set !== undefined && isDrizzleIncrementSet(set.call.arguments[0]);
    }
    default:
      return false;
  }
}

/** `{ credits: { increment: 1 }, views: { decrement: n } }`. */
function isPrismaIncrementData(data: TSESTree.Node | undefined): boolean {
  return everyPlainProperty(data, (_name, value) => {
    if (value.type !== AST_NODE_TYPES.ObjectExpression || value.properties.length !== 1) return false;
    return everyPlainProperty(value, (name) => name === 'increment' || name === 'decrement');
  });
}

/** `{ $inc: { views: 1 } }`. */
function isMongooseIncrement(update: TSESTree.Node | undefined): boolean {
  return everyPlainProperty(update, (name) => name === '$inc');
}

/** `{ n: sql\`${counters.n} + 1\` }`: each column set to itself plus or minus a number or a value. */
function isDrizzleIncrementSet(set: TSESTree.Node | undefined): boolean {
  return everyPlainProperty(set, (name, value) => {
    if (value.type !== AST_NODE_TYPES.TaggedTemplateExpression || value.tag.type !== AST_NODE_TYPES.Identifier || value.tag.name !== 'sql') return false;
    const { quasis, expressions } = value.quasi;
    const [column, operand] = expressions;
    if (column?.type !== AST_NODE_TYPES.MemberExpression || getStaticPropertyName(column) !== name || expressions.length > 2) return false;
    const texts = quasis.map((quasi) => quasi.value.cooked ?? quasi.value.raw);
    if (texts[0]?.trim() !== '') return false;
    if (operand === undefined) return /^\s*[+-]\s*\d+(?:\.\d+)?\s*$/u.test(texts[1] ?? '');
    return /^\s*[+-]\s*$/u.test(texts[1] ?? '') && texts[2]?.trim() === '';
  });
}

/** An object literal, not empty, whose every property is a plain `name: value` that `test` accepts. */
function everyPlainProperty(object: TSESTree.Node | undefined, test: (name: string, value: TSESTree.Node) => boolean): boolean {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || object.properties.length === 0) return false;
  return object.properties.every((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed || property.kind !== 'init') return false;
    const name = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String(property.key.value);
    return test(name, property.value);
  });
}

const READ_METHOD = /^(?:find|get|select|count|exists|read|fetch|load|aggregate|mget|mGet|hget|hGet|hgetall|hGetAll|smembers|sMembers|lrange|lRange|zrange|zRange|first|pluck|stat|access|readFile|readdir)(?:[A-Z].*)?$/u;
const FIND_AND_WRITE = /And(?:Update|Delete|Remove|Replace|Modify)$/u;
const SQL_METHODS = new Set(['query', 'execute', 'raw', '$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe', 'unsafe']);

/** `node:fs/promises` writes by name; the file path is the record. */
const FILE_WRITES = new Set(['writeFile', 'appendFile', 'rm', 'unlink', 'rename', 'mkdir', 'rmdir', 'copyFile', 'truncate', 'cp', 'symlink', 'chmod', 'utimes']);
const FILE_READS = new Set(['readFile', 'readdir', 'stat', 'lstat', 'access', 'readlink', 'realpath']);
const FS_PROMISES_MODULES = new Set(['fs/promises', 'node:fs/promises']);

/** Is the method name a write under the given write methods (each with its `…Many`/`…One` forms and camel-case suffixes). */
export function isWriteMethodName(name: string, writeMethods: readonly string[] = DEFAULT_WRITE_METHODS): boolean {
  if (EXTRA_WRITE_METHODS.has(name) || FIND_AND_WRITE.test(name)) return true;
  return writeMethods.some((method) => name === method || (name.startsWith(method) && /^[A-Z]/u.test(name.slice(method.length))));
}

export function isReadMethodName(name: string): boolean {
  return READ_METHOD.test(name);
}

/** Describes a call on a database handle; `undefined` when the call is not one (or we cannot tell). */
export function describeDatabaseCall(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  options: DatabaseOperationOptions = {},
): DatabaseOperation | undefined {
  const chain = getCallChain(call);
  if (chain === undefined) return undefined;
  const last = chain.steps.at(-1);
  if (last === undefined) return undefined;
  const calleeName = last.name === '' && chain.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : last.name;
  const isFileFunction = FILE_WRITES.has(calleeName) || FILE_READS.has(calleeName);
  if (!isFileFunction && !chain.steps.some((step) => mayBeDatabaseMethod(step.name, options.writeMethods))) return undefined;
  return askChecker(undefined, () => {
    if (isFileFunction) return describeFileCall(services, call, calleeName);
    let root = chain.root;
    let steps = chain.steps;
    let handle = classifyDatabaseHandleType(services.program, services.getTypeAtLocation(root), options);
    const [first, ...rest] = steps;
    // `drizzle(pool).insert(…)`: the root call's result is the handle, not its callee.
    if (handle === undefined && first?.name === '' && rest.length > 0) {
      root = first.call;
      steps = rest;
      handle = classifyDatabaseHandleType(services.program, services.getTypeAtLocation(root), options);
    }
    if (handle === undefined) return undefined;
    const { access, method, sql } = classifySteps(steps, options.writeMethods);
    return { call, access, handle, receiver: root, steps, method, sql };
  });
}

/** Cheap syntax filter: the chain has a method that may be a write, a read or SQL. */
function mayBeDatabaseMethod(name: string, writeMethods: readonly string[] | undefined): boolean {
  return SQL_METHODS.has(name) || isWriteMethodName(name, writeMethods) || isReadMethodName(name);
}

interface CallChain {
  root: TSESTree.Expression;
  steps: ChainStep[];
}

/**
 * `a.b(x).c(y)` as the root `a` and the steps `b`, `c`; `knex('t').insert(r)`
 * as the root `knex` and the steps `''` (the call of the root), `insert`.
 */
export function getCallChain(call: TSESTree.CallExpression): CallChain | undefined {
  const steps: ChainStep[] = [];
  let node: TSESTree.Expression = call;
  for (;;) {
    node = skipChainExpression<TSESTree.Expression>(node);
    if (node.type !== AST_NODE_TYPES.CallExpression) break;
    const callee: TSESTree.Expression = skipChainExpression<TSESTree.Expression>(node.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = getStaticPropertyName(callee);
      if (name === undefined) return undefined;
      steps.unshift({ name, call: node });
      node = callee.object;
      continue;
    }
    steps.unshift({ name: '', call: node });
    node = callee;
    break;
  }
  return steps.length === 0 ? undefined : { root: node, steps };
}

function classifySteps(
  steps: readonly ChainStep[],
  writeMethods: readonly string[] | undefined,
): Pick<DatabaseOperation, 'access' | 'method' | 'sql'> {
  for (const step of steps) {
    if (!SQL_METHODS.has(step.name)) continue;
    const sql = getSqlOfCall(step.call);
    if (sql === undefined) return { access: 'other', method: step.name, sql: undefined };
    const verb = sql.statement.verb;
    return { access: verb === 'select' ? 'read' : verb === 'other' ? 'other' : 'write', method: step.name, sql };
  }
  const write = steps.find((step) => step.name !== '' && isWriteMethodName(step.name, writeMethods));
  if (write !== undefined) return { access: 'write', method: write.name, sql: undefined };
  const read = steps.find((step) => isReadMethodName(step.name));
  if (read !== undefined) return { access: 'read', method: read.name, sql: undefined };
  return { access: 'other', method: steps.at(-1)?.name ?? '', sql: undefined };
}

/** `query('…', [v])`, `query(sql\`…\`)`, `query({ text: '…', values: [v] })`. */
function getSqlOfCall(call: TSESTree.CallExpression): DatabaseOperation['sql'] {
  let [first, second] = call.arguments;
  if (first?.type === AST_NODE_TYPES.TaggedTemplateExpression) first = first.quasi;
  if (first?.type === AST_NODE_TYPES.ObjectExpression) {
    const textProperty = findProperty(first, 'text') ?? findProperty(first, 'sql');
    second = findProperty(first, 'values') ?? second;
    first = textProperty;
  }
  if (first === undefined) return undefined;
  const text = getSqlText(first);
  if (text === undefined) return undefined;
  return { statement: parseSqlStatement(text.text), text, values: second };
}

function findProperty(object: TSESTree.Node | undefined, name: string): TSESTree.Expression | undefined {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : String(property.key.value);
    if (key === name && property.value.type !== AST_NODE_TYPES.AssignmentPattern) return property.value as TSESTree.Expression;
  }
  return undefined;
}

/** `writeFile(path, …)`, `fs.rm(path)`: a function of `node:fs/promises`, by the declaration its callee resolves to. */
function describeFileCall(services: ParserServicesWithTypeInformation, call: TSESTree.CallExpression, name: string): DatabaseOperation | undefined {
  if (!FILE_WRITES.has(name) && !FILE_READS.has(name)) return undefined;
  const callee = skipChainExpression<TSESTree.Expression>(call.callee);
  const reference = callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee;
  const symbol = getResolvedSymbolAtLocation(services.program.getTypeChecker(), services.esTreeNodeToTSNodeMap.get(reference));
  const declarations = symbol?.declarations ?? [];
  const inFsPromises =
    declarations.length > 0 &&
    declarations.every((declaration) => {
      const moduleName = getAmbientModuleName(declaration);
      return moduleName !== undefined && FS_PROMISES_MODULES.has(moduleName) && ts.isFunctionDeclaration(declaration);
    });
  if (!inFsPromises) return undefined;
  return {
    call,
    access: FILE_WRITES.has(name) ? 'write' : 'read',
    handle: { library: 'fs', kind: 'client', typeName: 'fs/promises' },
    receiver: callee.type === AST_NODE_TYPES.MemberExpression ? callee.object : undefined,
    steps: [{ name, call }],
    method: name,
    sql: undefined,
  };
}
