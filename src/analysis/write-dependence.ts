import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { getAccessPath, isAccessPathWithin, type AccessPath } from '../syntax/access-path.js';
import { isFunctionNode } from '../syntax/function-node.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';
import type { DatabaseOperation } from './database-operation.js';
import type { RecordRef } from './record-identity.js';

/**
 * Does one write depend on another started at the same time: its arguments
 * read the object the other write is handed, whole or a column the write
 * fills in (`posts.save({ author: user })` or `{ authorId: user.id }` beside
 * `users.save(user)`: the user may not be saved yet, and an ORM fills
 * `user.id` in only when it is; `user.name`, set by the caller, is no
 * dependence), or the key of the row the other creates
 * (`INSERT INTO orders (user_id) … [userId]` beside `INSERT INTO users (id)
 * … [userId]`: the foreign key may point at a row that is not there yet).
 */

export interface DependenceWitness {
  /** Where the dependent write reads what the other provides. */
  node: TSESTree.Node;
  /** What it reads, as written. */
  path: AccessPath;
}

const FILTER_STEPS = new Set(['where', 'andWhere', 'orWhere', 'whereIn']);
const DRIZZLE_TABLE_STEPS = new Set(['insert', 'update', 'delete', 'from']);
const KNEX_TABLE_STEPS = new Set(['', 'into', 'from', 'table']);
const HANDED_PROPERTIES = new Set(['data', 'values', 'entity', 'create', 'update']);
const CREATING_METHODS = /^(?:create|insert|bulkCreate|save|upsert)/u;
/** Columns an ORM fills in on the object it saves: generated keys, timestamps, a version. */
const FILLED_PROPERTIES = new Set(['id', '_id', 'key', 'uuid', 'createdAt', 'updatedAt', 'created_at', 'updated_at', 'version']);

/** The first place where `dependent` reads what `provider` writes, or `undefined` when it reads none of it. */
export function findWriteDependence(
  sourceCode: Readonly<TSESLint.SourceCode>,
  dependent: DatabaseOperation,
  provider: DatabaseOperation,
  providerRecord: RecordRef,
): DependenceWitness | undefined {
  if (dependent.call === provider.call) return undefined;
  const provided = getHandedObjects(sourceCode, provider);
  const creates = provider.sql === undefined ? CREATING_METHODS.test(provider.method) : provider.sql.statement.verb === 'insert';
  if (creates && providerRecord.key.kind === 'path') provided.push(providerRecord.key.path);
  if (provided.length === 0) return undefined;
  for (const { node, path } of getReadPaths(sourceCode, dependent)) {
    if (provided.some((object) => isAccessPathWithin(path, object) && readsWhatTheWriteFills(path, object))) return { node, path };
  }
  return undefined;
}

/**
 * The object itself (`author: user`), or a column the write fills in
 * (`user.id`, `user.createdAt`): not a field the caller set before handing
 * it over (`user.name`), whose value the write does not change.
 */
function readsWhatTheWriteFills(path: AccessPath, object: AccessPath): boolean {
  const property = path.properties[object.properties.length];
  return property === undefined || FILLED_PROPERTIES.has(property);
}

/** Variables handed whole to a write: `save(user)`, `create({ data: user })`, `insert(row)`, `values(row)`. */
function getHandedObjects(sourceCode: Readonly<TSESLint.SourceCode>, operation: DatabaseOperation): AccessPath[] {
  const handed: AccessPath[] = [];
  const add = (node: TSESTree.Node | undefined): void => {
    if (node?.type !== AST_NODE_TYPES.Identifier) return;
    const path = getAccessPath(sourceCode, node);
    if (path !== undefined) handed.push(path);
  };
  if (operation.sql !== undefined) return handed;
  for (const step of operation.steps) {
    // A table (`db.insert(users)`, `.into('users')`) or a filter (`.where(…)`) is not a value handed over to be written.
    const library = operation.handle.library;
    if (FILTER_STEPS.has(step.name) || (library === 'drizzle' && DRIZZLE_TABLE_STEPS.has(step.name)) || (library === 'knex' && KNEX_TABLE_STEPS.has(step.name))) {
      continue;
    }
    for (const argument of step.call.arguments) {
      add(argument);
      if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
      for (const property of argument.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
        if (HANDED_PROPERTIES.has(property.key.name)) add(property.value);
      }
    }
  }
  return handed;
}

/** Every maximal identifier or member path the operation's arguments read (not inside functions it is handed, not property keys). */
function getReadPaths(sourceCode: Readonly<TSESLint.SourceCode>, operation: DatabaseOperation): DependenceWitness[] {
  const found: DependenceWitness[] = [];
  const visit = (root: TSESTree.Node): void => {
    forEachESTreeDescendant(root, (node) => {
      if (isFunctionNode(node)) return false;
      if (node.type === AST_NODE_TYPES.Property && !node.computed) {
        visit(node.value);
        return false;
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression && node.type !== AST_NODE_TYPES.Identifier) return true;
      const path = getAccessPath(sourceCode, node);
      if (path === undefined) return true;
      found.push({ node, path });
      return false;
    });
  };
  for (const step of operation.steps) for (const argument of step.call.arguments) visit(argument);
  return found;
}
