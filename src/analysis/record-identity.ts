import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';

import { getAccessPath, getStaticPropertyName, isSameAccessPath, type AccessPath } from '../syntax/access-path.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { askChecker } from './checker-guard.js';
import type { DatabaseOperation } from './database-operation.js';

/**
 * Which record a database call touches: its store (the library and the
 * table, model or key space) and its key (`where: { id }`, a key string, a
 * file path, the SQL `WHERE id = $1` parameter's value). Two records are the
 * same when their stores are and their keys are the same variable or
 * property path, or equal literals.
 */

export interface RecordRef {
  library: string;
  /** Table, model or key space, lower-cased; `undefined` when not known. */
  table: string | undefined;
  /**
   * - `literal`/`path`: the key as written;
   * - `fresh`: a create or insert that names no key: a new row, no other call's record;
   * - `unknown`: the key is not written in a form we compare.
   */
  key:
    | { kind: 'fresh' }
    | { kind: 'literal'; value: boolean | number | string; node: TSESTree.Node }
    | { kind: 'path'; path: AccessPath; node: TSESTree.Node }
    | { kind: 'unknown' };
  /** The receiver's path, for stores without a table (a document that saves itself). */
  receiver: AccessPath | undefined;
}

export type RecordComparison = 'different' | 'same' | 'unknown';

const KEY_PROPERTIES = ['id', '_id', 'key', 'uuid'];
const CREATING_METHODS = /^(?:create|insert|bulkCreate|save|upsert)/u;

/** The record of a database call. */
export function getRecord(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  operation: DatabaseOperation,
): RecordRef {
  const receiver = operation.receiver === undefined ? undefined : getAccessPath(sourceCode, operation.receiver);
  const base = { library: operation.handle.library, receiver };
  if (operation.sql !== undefined) {
    const { statement, text, values } = operation.sql;
    if (statement.keyPlaceholder === undefined) {
      return { ...base, table: statement.table, key: statement.verb === 'insert' ? { kind: 'fresh' } : { kind: 'unknown' } };
    }
    const index = statement.keyPlaceholder.index;
    const value =
      text.templateValues.get(index) ??
      (values?.type === AST_NODE_TYPES.ArrayExpression ? values.elements[index] ?? undefined : undefined);
    return { ...base, table: statement.table, key: toKey(sourceCode, value) };
  }
  const table = askChecker(undefined, () => getTable(services, operation));
  return { ...base, table, key: getKey(sourceCode, operation) };
}

/** Same, different, or not known: the stores must match, then the keys. */
export function compareRecords(a: RecordRef, b: RecordRef): RecordComparison {
  if (a.library !== b.library) return 'unknown';
  if (a.table !== undefined && b.table !== undefined && a.table !== b.table) return 'different';
  if (a.key.kind === 'fresh' || b.key.kind === 'fresh') return 'different';
  if (a.key.kind === 'unknown' || b.key.kind === 'unknown') return 'unknown';
  if (a.table === undefined || b.table === undefined) {
    if (a.receiver === undefined || b.receiver === undefined || !isSameAccessPath(a.receiver, b.receiver)) return 'unknown';
  }
  if (a.key.kind === 'literal' && b.key.kind === 'literal') return a.key.value === b.key.value ? 'same' : 'different';
  if (a.key.kind === 'path' && b.key.kind === 'path') return isSameAccessPath(a.key.path, b.key.path) ? 'same' : 'unknown';
  return 'unknown';
}

function toKey(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | undefined): RecordRef['key'] {
  if (node === undefined) return { kind: 'unknown' };
  if (node.type === AST_NODE_TYPES.Literal && (typeof node.value === 'string' || typeof node.value === 'number' || typeof node.value === 'boolean')) {
    return { kind: 'literal', value: node.value, node };
  }
  if (node.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0 && node.quasis[0] !== undefined) {
    return { kind: 'literal', value: node.quasis[0].value.cooked ?? node.quasis[0].value.raw, node };
  }
  const path = getAccessPath(sourceCode, node);
  return path === undefined ? { kind: 'unknown' } : { kind: 'path', path, node };
}

/** `{ id: X }`, `{ id }`, a one-property filter: X. */
function getKeyOfFilter(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filter: TSESTree.Node | undefined,
  shape: 'filter' | 'row' = 'filter',
): RecordRef['key'] | undefined {
  if (filter?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const properties = filter.properties.filter((property) => property.type === AST_NODE_TYPES.Property);
  if (properties.length !== filter.properties.length) return { kind: 'unknown' };
  const named = properties.find((property) => !property.computed && KEY_PROPERTIES.includes(getPropertyKeyName(property) ?? ''));
  // A one-property filter names its record (`{ email }`); a row's one column does not (`{ balance: 0 }`).
  const chosen = named ?? (shape === 'filter' && properties.length === 1 ? properties[0] : undefined);
  if (chosen === undefined) return undefined;
  return toKey(sourceCode, chosen.value);
}

function getPropertyKeyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

function getProperty(object: TSESTree.Node | undefined, name: string): TSESTree.Node | undefined {
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && !property.computed && getPropertyKeyName(property) === name) return property.value;
  }
  return undefined;
}

function getKey(sourceCode: Readonly<TSESLint.SourceCode>, operation: DatabaseOperation): RecordRef['key'] {
  const { handle, steps, method } = operation;
  const last = steps.at(-1);
  if (last === undefined) return { kind: 'unknown' };
  const argumentsOf = (name: string): TSESTree.CallExpressionArgument[] | undefined => steps.find((step) => step.name === name)?.call.arguments;
  const creates = CREATING_METHODS.test(method);
  switch (handle.library) {
    case 'prisma': {
      const [argument] = last.call.arguments;
      const where = getKeyOfFilter(sourceCode, getProperty(argument, 'where'));
      if (where !== undefined) return where;
      const data = getProperty(argument, 'data');
      return getKeyOfFilter(sourceCode, data, 'row') ?? (creates && data?.type === AST_NODE_TYPES.ObjectExpression ? { kind: 'fresh' } : { kind: 'unknown' });
    }
    case 'knex': {
      const where = argumentsOf('where');
      if (where !== undefined) {
        const [first, second, third] = where;
        if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && KEY_PROPERTIES.includes(first.value)) {
          return toKey(sourceCode, third ?? second);
        }
        return getKeyOfFilter(sourceCode, first) ?? { kind: 'unknown' };
      }
      const inserted = argumentsOf('insert')?.[0];
      if (inserted !== undefined) return getKeyOfFilter(sourceCode, inserted, 'row') ?? (inserted.type === AST_NODE_TYPES.ObjectExpression ? { kind: 'fresh' } : { kind: 'unknown' });
      return { kind: 'unknown' };
    }
    case 'drizzle': {
      const condition = argumentsOf('where')?.[0];
      if (condition?.type === AST_NODE_TYPES.CallExpression && condition.callee.type === AST_NODE_TYPES.Identifier && condition.callee.name === 'eq') {
        const [column, value] = condition.arguments;
        if (column?.type === AST_NODE_TYPES.MemberExpression && KEY_PROPERTIES.includes(getStaticPropertyName(column) ?? '')) {
          return toKey(sourceCode, value);
        }
        return { kind: 'unknown' };
      }
      const values = argumentsOf('values')?.[0];
      if (values !== undefined) return getKeyOfFilter(sourceCode, values, 'row') ?? (values.type === AST_NODE_TYPES.ObjectExpression ? { kind: 'fresh' } : { kind: 'unknown' });
      return { kind: 'unknown' };
    }
    case 'ioredis':
    case 'redis':
    case 'fs':
      return toKey(sourceCode, last.call.arguments[0]);
    default:
      return getKeyOfRepositoryCall(sourceCode, operation, creates);
  }
}

/** TypeORM, Sequelize, Mongoose and user handles: `save(entity)`, `update(id, …)`, `update(values, { where })`, `doc.save()`. */
function getKeyOfRepositoryCall(sourceCode: Readonly<TSESLint.SourceCode>, operation: DatabaseOperation, creates: boolean): RecordRef['key'] {
  const { handle, method, receiver } = operation;
  const last = operation.steps.at(-1);
  if (last === undefined) return { kind: 'unknown' };
  if (handle.kind === 'record') {
    const path = receiver === undefined ? undefined : getAccessPath(sourceCode, receiver);
    return path === undefined ? { kind: 'unknown' } : { kind: 'path', path, node: receiver as TSESTree.Node };
  }
  let args: readonly TSESTree.CallExpressionArgument[] = last.call.arguments;
  // `manager.save(User, entity)`: the entity class first.
  if (handle.library === 'typeorm' && handle.typeName === 'EntityManager' && args.length > 1) args = args.slice(1);
  const [first, second] = args;
  if (first === undefined) return { kind: 'unknown' };
  if (handle.library === 'sequelize') {
    const where = getKeyOfFilter(sourceCode, getProperty(method.startsWith('update') ? second : first, 'where'));
    if (where !== undefined) return where;
  }
  if (first.type === AST_NODE_TYPES.ObjectExpression) {
    const where = getKeyOfFilter(sourceCode, getProperty(first, 'where'));
    if (where !== undefined) return where;
    return getKeyOfFilter(sourceCode, first, creates ? 'row' : 'filter') ?? (creates ? { kind: 'fresh' } : { kind: 'unknown' });
  }
  if (first.type === AST_NODE_TYPES.SpreadElement) return { kind: 'unknown' };
  return toKey(sourceCode, first);
}

/** The table or model, lower-cased. */
function getTable(services: ParserServicesWithTypeInformation, operation: DatabaseOperation): string | undefined {
  const { handle, receiver, steps } = operation;
  const lower = (name: string | undefined): string | undefined => name?.toLowerCase();
  switch (handle.library) {
    case 'prisma': {
      if (receiver?.type === AST_NODE_TYPES.MemberExpression) return lower(getStaticPropertyName(receiver));
      return handle.typeName.endsWith('Delegate') ? lower(handle.typeName.slice(0, -'Delegate'.length)) : undefined;
    }
    case 'knex': {
      const named = steps.find((step) => ['', 'into', 'from', 'table', 'update', 'insert'].includes(step.name) && isStringLiteral(step.call.arguments[0]));
      const argument = named?.call.arguments[0];
      return isStringLiteral(argument) ? lower(argument.value) : undefined;
    }
    case 'drizzle': {
      const named = steps.find((step) => ['insert', 'update', 'delete', 'from'].includes(step.name));
      const argument = named?.call.arguments[0];
      return argument === undefined ? undefined : lower(services.esTreeNodeToTSNodeMap.get(argument).getText());
    }
    case 'typeorm': {
      const entity = handle.typeName === 'EntityManager' || handle.typeName === 'DataSource' ? steps.at(-1)?.call.arguments[0] : undefined;
      const getRepository = steps.find((step) => step.name === 'getRepository')?.call.arguments[0];
      const written = getRepository ?? entity;
      if (written?.type === AST_NODE_TYPES.Identifier) return lower(written.name);
      if (isStringLiteral(written)) return lower(written.value);
      if (receiver === undefined) return undefined;
      const type = services.getTypeAtLocation(receiver);
      const [entityType] = tsutils.isTypeReference(type) ? services.program.getTypeChecker().getTypeArguments(type) : [];
      const name = entityType?.getSymbol()?.getName();
      return name === undefined || name === '__type' || name === 'ObjectLiteral' ? undefined : lower(name);
    }
    case 'sequelize':
    case 'mongoose':
      if (handle.kind === 'model-class') return lower(handle.typeName);
      if (handle.kind === 'record') return undefined;
      return receiver === undefined ? undefined : lower(sourceText(skipChainExpression(receiver)));
    case 'ioredis':
    case 'redis':
    case 'fs':
      return handle.library;
    default:
      return undefined;
  }
}

function isStringLiteral(node: TSESTree.Node | undefined): node is TSESTree.StringLiteral {
  return node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string';
}

/** A model reference as written (`User`, `models.User`), for a store name. */
function sourceText(node: TSESTree.Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression) return getStaticPropertyName(node);
  return undefined;
}
