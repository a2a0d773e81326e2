import { typeOrValueSpecifiersSchema, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

import {
  DEFAULT_WRITE_METHODS,
  describeDatabaseCall,
  isAtomicIncrement,
  type DatabaseOperation,
  type DatabaseOperationOptions,
} from '../analysis/database-operation.js';
import { compareRecords, getRecord, type RecordRef } from '../analysis/record-identity.js';
import { getWorkStart } from '../analysis/work-start.js';
import { findWriteDependence } from '../analysis/write-dependence.js';
import { createRule } from '../create-rule.js';
import { getSequentialAwaitsRewrite } from '../fixers/sequential-awaits.js';
import { getAccessPath, getStaticPropertyName, isSameAccessPath } from '../syntax/access-path.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { getConstInitializer } from '../syntax/const-initializer.js';
import { describeNode } from '../syntax/describe-node.js';
import { isFunctionNode, type FunctionNode } from '../syntax/function-node.js';
import { getPromiseCombinatorCall, type PromiseCombinatorCall } from '../syntax/promise-combinator.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

export type Options = [
  {
    /** Method names that write (each with its `…Many`/`…One` forms). @default the catalogue's list */
    writeMethods?: string[];
    /** Further handle types whose write methods write (`TypeOrValueSpecifier`s). @default [] */
    writeTypes?: TypeOrValueSpecifier[];
  },
];
export type MessageIds = 'dependentWrite' | 'readRacesWrite' | 'runInOrder' | 'sameRecordMapped' | 'sameRecordWrites' | 'useTransaction';

const REDIS_LIBRARIES: ReadonlySet<string> = new Set(['ioredis', 'redis']);

/** Methods whose callback runs its queries on one connection inside a transaction. */
const TRANSACTION_METHODS = new Set(['transaction', '$transaction', 'transactional']);

export default createRule<Options, MessageIds>({
  name: 'no-concurrent-dependent-writes',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow concurrent writes to the same record, or to records that depend on each other',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      sameRecordWrites:
        '`{{second}}` writes the record {{record}} that `{{first}}` writes at the same time: the writes race, and whichever lands last wins. Write them one after another, or in one statement.',
      sameRecordMapped:
        '`{{call}}` writes the record {{record}} once for every element, all at the same time: the writes race, and whichever lands last wins. Write it once, or one element after another.',
      dependentWrite:
        '`{{dependent}}` uses `{{value}}`, which `{{provider}}` is writing at the same time: it may run first, and then refer to a row that is not there yet (a foreign key fails) or copy a value not yet set. Write `{{provider}}` first, then `{{dependent}}`.',
      readRacesWrite:
        '`{{read}}` reads the record {{record}} while `{{write}}` writes it: it may see the row before or after the write. Read after the write, or before it.',
      runInOrder: 'Await them one after another, in dependency order.',
      useTransaction: 'Run them in order in one transaction: `{{transaction}}([…])`.',
    },
    defaultOptions: [{ writeMethods: [...DEFAULT_WRITE_METHODS], writeTypes: [] }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          writeMethods: {
            type: 'array',
            items: { type: 'string' },
            uniqueItems: true,
            description: 'Method names that write, on a database handle; each also matches its `…Many`/`…One` forms.',
          },
          writeTypes: {
            ...(typeOrValueSpecifiersSchema as JSONSchema4),
            description: 'Types whose values are database handles besides the known client libraries (`TypeOrValueSpecifier`s).',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const operationOptions: DatabaseOperationOptions = {
      writeMethods: options.writeMethods ?? DEFAULT_WRITE_METHODS,
      writeTypes: options.writeTypes ?? [],
    };

    return {
      CallExpression(node) {
        const combinator = getPromiseCombinatorCall(sourceCode, node);
        if (combinator === undefined) return;
        if (combinator.elements.length < 2 && combinator.elements.every((element) => element.mapCallback === undefined)) return;
        const started: Started[] = [];
        combinator.elements.forEach((element, index) => {
          const operation = getOperation(element.expression);
          if (operation !== undefined) started.push({ ...operation, index, mapCallback: element.mapCallback });
        });
        if (started.length === 0 || (started.length === 1 && started[0]?.mapCallback === undefined)) return;
        checkConcurrent(started, combinator);
      },
      'BlockStatement, Program'(node: TSESTree.BlockStatement | TSESTree.Program) {
        checkStartedBeforeAwait(node.body);
      },
    };

    /**
     * A database call, or a `const` bound to a lazy one, which the combinator
     * starts (`const a = prisma.user.update(…); … Promise.all([a, b])`). A
     * `const` bound to a call that started when it was made is judged where
     * it was made (`checkStartedBeforeAwait`): an `await` may lie between.
     */
    function getOperation(expression: TSESTree.Expression): Omit<Started, 'index' | 'mapCallback'> | undefined {
      const node: TSESTree.Node = skipChainExpression(expression);
      const call = node.type === AST_NODE_TYPES.Identifier ? getConstInitializer(sourceCode, node) : node;
      if (call?.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const operation = describeDatabaseCall(services, call, operationOptions);
      if (operation === undefined || operation.access === 'other') return undefined;
      if (node !== call && getWorkStart(operation) === 'when-called') return undefined;
      return { operation, record: getRecord(services, sourceCode, operation) };
    }

    /**
     * `const a = users.save(u); const b = posts.save(p); await a; await b;`:
     * calls that start their work when called (not Prisma's, Knex's or
     * Drizzle's lazy builders), bound to `const`s before the first `await`
     * that follows, run at the same time.
     */
    function checkStartedBeforeAwait(statements: readonly TSESTree.ProgramStatement[]): void {
      // Syntax first: only a run of two or more `const x = call(…)` before an `await` asks the checker.
      let window: TSESTree.CallExpression[] = [];
      for (const statement of statements) {
        const init = getConstCallInitializer(statement);
        if (init !== undefined) {
          window.push(init);
          continue;
        }
        // Nothing started yet: whether this statement waits changes nothing (and walking it for an
        // `await` in every block made the rule quadratic in nesting).
        if (window.length === 0 || !containsAwait(statement)) continue;
        if (window.length >= 2) {
          const pending = window
            .map((call) => getStartedCall(call))
            .filter((started) => started !== undefined)
            .map((started, index) => ({ ...started, index, mapCallback: undefined }));
          if (pending.length >= 2) checkConcurrent(pending, undefined);
        }
        window = [];
      }
    }

    function getStartedCall(call: TSESTree.CallExpression): Omit<Started, 'index' | 'mapCallback'> | undefined {
      const operation = describeDatabaseCall(services, call, operationOptions);
      if (operation === undefined || operation.access === 'other' || getWorkStart(operation) === 'when-awaited') return undefined;
      return { operation, record: getRecord(services, sourceCode, operation) };
    }

    function checkConcurrent(started: Started[], combinator: PromiseCombinatorCall | undefined): void {
      const reported = new Set<TSESTree.Node>();
      for (const [index, second] of started.entries()) {
        // A write mapped over a collection is two or more writes of the same call.
        if (second.mapCallback !== undefined) {
          const problem = findSelfProblem(second);
          if (problem !== undefined && !reported.has(second.operation.call)) {
            reported.add(second.operation.call);
            report(second.operation.call, problem, combinator, started, undefined);
          }
        }
        for (const first of started.slice(0, index)) {
          if (reported.has(second.operation.call)) break;
          const problem = findPairProblem(first, second);
          if (problem === undefined) continue;
          reported.add(problem.at.operation.call);
          report(problem.at.operation.call, problem, combinator, started, problem.order);
        }
      }
    }

    function findSelfProblem(mapped: Started): Problem | undefined {
      if (mapped.operation.access !== 'write' || isAtomicIncrement(mapped.operation) || runOnOneConnection(mapped, mapped)) return undefined;
      if (compareRecords(mapped.record, mapped.record) !== 'same') return undefined;
      const callback = mapped.mapCallback;
      if (callback === undefined || keyDependsOnParameter(mapped.record, callback)) return undefined;
      return {
        messageId: 'sameRecordMapped',
        data: { call: describeCall(mapped), record: describeRecord(mapped.record) },
        at: mapped,
        order: undefined,
      };
    }

    function findPairProblem(first: Started, second: Started): Problem | undefined {
      if (first.operation.access !== 'write' && second.operation.access !== 'write') return undefined;
      if (runOnOneConnection(first, second)) return undefined;
      const comparison = compareRecords(first.record, second.record);
      const sameForEveryElement = comparison === 'same' && !varies(first) && !varies(second);
      if (sameForEveryElement) {
        if (first.operation.access === 'write' && second.operation.access === 'write') {
          if (isAtomicIncrement(first.operation) && isAtomicIncrement(second.operation)) return undefined;
          return {
            messageId: 'sameRecordWrites',
            data: { first: describeCall(first), second: describeCall(second), record: describeRecord(second.record) },
            at: second,
            order: undefined,
          };
        }
        const [read, write] = first.operation.access === 'read' ? [first, second] : [second, first];
        return {
          messageId: 'readRacesWrite',
          data: { read: describeCall(read), write: describeCall(write), record: describeRecord(read.record) },
          at: read,
          order: undefined,
        };
      }
      if (first.operation.access !== 'write' || second.operation.access !== 'write') return undefined;
      for (const [provider, dependent] of [
        [first, second],
        [second, first],
      ] as const) {
        const witness = findWriteDependence(sourceCode, dependent.operation, provider.operation, provider.record);
        if (witness === undefined) continue;
        return {
          messageId: 'dependentWrite',
          data: { dependent: describeCall(dependent), provider: describeCall(provider), value: sourceCode.getText(witness.node) },
          at: dependent,
          order: [provider.index, dependent.index],
        };
      }
      return undefined;
    }

    /**
     * Both run on one connection, which runs them in the order issued (a
     * transaction's `tx`/`manager`/`trx`, a `pg` `Client`, a Redis client): no race between
     * them (`no-parallel-single-connection` has its own say about that).
     */
    function runOnOneConnection(a: Started, b: Started): boolean {
      const transactionA = getTransactionOption(a.operation);
      const transactionB = getTransactionOption(b.operation);
      if (transactionA !== undefined && transactionB !== undefined) {
        const pathA = getAccessPath(sourceCode, transactionA);
        const pathB = getAccessPath(sourceCode, transactionB);
        if (pathA !== undefined && pathB !== undefined && isSameAccessPath(pathA, pathB)) return true;
      }
      if (a.operation.receiver === undefined || b.operation.receiver === undefined) return false;
      const rootA = getRootIdentifier(a.operation.receiver);
      const rootB = getRootIdentifier(b.operation.receiver);
      if (rootA === undefined || rootB === undefined) return false;
      const variableA = ASTUtils.findVariable(sourceCode.getScope(rootA), rootA);
      const variableB = ASTUtils.findVariable(sourceCode.getScope(rootB), rootB);
      if (variableA === null || variableA !== variableB) return false;
      if (a.operation.handle.kind === 'connection' && b.operation.handle.kind === 'connection') return true;
      // A Redis client sends its commands down one connection in the order issued (a cluster: one key, one node).
      if (REDIS_LIBRARIES.has(a.operation.handle.library) && REDIS_LIBRARIES.has(b.operation.handle.library)) return true;
      return isTransactionCallbackParameter(variableA);
    }

    function report(
      node: TSESTree.CallExpression,
      problem: Problem,
      combinator: PromiseCombinatorCall | undefined,
      started: Started[],
      order: readonly number[] | undefined,
    ): void {
      context.report({
        node: node.callee.type === AST_NODE_TYPES.MemberExpression ? node.callee.property : node.callee,
        messageId: problem.messageId,
        data: problem.data,
        suggest: combinator === undefined ? [] : buildSuggestions(combinator, started, order),
      });
    }

    function buildSuggestions(
      combinator: PromiseCombinatorCall,
      started: Started[],
      order: readonly number[] | undefined,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const count = combinator.elements.length;
      const all = combinator.elements.map((_, index) => index);
      const ordered = order === undefined ? all : [...order, ...all.filter((index) => !order.includes(index))];
      if (ordered.length !== count) return suggestions;
      const sequence = getSequentialAwaitsRewrite(sourceCode, combinator, ordered);
      if (sequence !== undefined) suggestions.push({ messageId: 'runInOrder', fix: (fixer) => fixer.replaceText(sequence.statement, sequence.text) });
      const transaction = getPrismaTransaction(combinator, started);
      if (transaction !== undefined && combinator.argument.type === AST_NODE_TYPES.ArrayExpression) {
        const elements = ordered.map((index) => sourceCode.getText(combinator.argument.type === AST_NODE_TYPES.ArrayExpression ? (combinator.argument.elements[index] ?? combinator.argument) : combinator.argument));
        suggestions.push({
          messageId: 'useTransaction',
          data: { transaction: `${transaction}.$transaction` },
          fix: (fixer) => fixer.replaceText(combinator.call, `${transaction}.$transaction([${elements.join(', ')}])`),
        });
      }
      return suggestions;
    }

    /** `Promise.all([prisma.a.create(…), prisma.b.update(…)])`, every element a Prisma call of one client: its name. */
    function getPrismaTransaction(combinator: PromiseCombinatorCall, started: Started[]): string | undefined {
      if (combinator.name !== 'all' || started.length !== combinator.elements.length) return undefined;
      if (combinator.elements.some((element) => element.mapCallback !== undefined)) return undefined;
      const clients = new Set<string>();
      for (const { operation } of started) {
        if (operation.handle.library !== 'prisma' || operation.receiver?.type !== AST_NODE_TYPES.MemberExpression) return undefined;
        if (getAccessPath(sourceCode, operation.receiver.object) === undefined) return undefined;
        clients.add(sourceCode.getText(operation.receiver.object));
      }
      const [client] = clients;
      return clients.size === 1 ? client : undefined;
    }

    /** `prisma.user.update`, `pool.query`, `db.update` (a builder chain by its root and its write), `writeFile`. */
    function describeCall(started: Started): string {
      const { receiver, method } = started.operation;
      if (receiver === undefined) return method;
      const root = receiver.type === AST_NODE_TYPES.CallExpression ? receiver.callee : receiver;
      return `${describeNode(sourceCode, root)}.${method}`;
    }
  },
});

interface Started {
  operation: DatabaseOperation;
  record: RecordRef;
  /** Its place among the combinator's elements. */
  index: number;
  /** For a call mapped over a collection: the callback, whose parameter varies per element. */
  mapCallback: FunctionNode | undefined;
}

interface Problem {
  messageId: 'dependentWrite' | 'readRacesWrite' | 'sameRecordMapped' | 'sameRecordWrites';
  data: Record<string, string>;
  /** The operation the report points at. */
  at: Started;
  /** Element indexes in dependency order, the provider first. */
  order: readonly number[] | undefined;
}

function varies(started: Started): boolean {
  return started.mapCallback !== undefined && keyDependsOnParameter(started.record, started.mapCallback);
}

/** The key is read from the map callback's parameters (each element its own record), or we cannot say which. */
function keyDependsOnParameter(record: RecordRef, callback: FunctionNode): boolean {
  if (record.key.kind !== 'path') return record.key.kind !== 'literal';
  const root = record.key.path.root;
  if (root === undefined || root === 'this') return false;
  return root.defs.some((definition) => definition.name.range[0] >= callback.range[0] && definition.name.range[1] <= callback.range[1]);
}

function describeRecord(record: RecordRef): string {
  const key = record.key;
  const keyText = key.kind === 'literal' || key.kind === 'path' ? ` \`${key.kind === 'literal' ? JSON.stringify(key.value) : describePath(key.node)}\`` : '';
  return record.table === undefined ? `keyed${keyText}` : `\`${record.table}\`${keyText}`;
}

function describePath(node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) return `${describePath(node.object)}.${getStaticPropertyName(node) ?? '…'}`;
  if (node.type === AST_NODE_TYPES.ChainExpression) return describePath(node.expression);
  return '…';
}

function getRootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current: TSESTree.Node = skipChainExpression(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = skipChainExpression(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression && current.callee.type === AST_NODE_TYPES.MemberExpression) current = current.callee.object;
    else break;
  }
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** `prisma.$transaction(async (tx) => …)`, `dataSource.transaction(async (manager) => …)`, `knex.transaction(async (trx) => …)`: `tx`. */
function isTransactionCallbackParameter(variable: TSESLint.Scope.Variable): boolean {
  return variable.defs.some((definition) => {
    if (definition.type !== TSESLint.Scope.DefinitionType.Parameter) return false;
    const callback = definition.node;
    if (!isFunctionNode(callback) || callback.parent.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = callback.parent.callee;
    return callee.type === AST_NODE_TYPES.MemberExpression && TRANSACTION_METHODS.has(getStaticPropertyName(callee) ?? '');
  });
}

/** `const x = call(…);`, one declarator. */
function getConstCallInitializer(statement: TSESTree.ProgramStatement): TSESTree.CallExpression | undefined {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration || statement.kind !== 'const' || statement.declarations.length !== 1) return undefined;
  const init = statement.declarations[0]?.init;
  return init?.type === AST_NODE_TYPES.CallExpression ? init : undefined;
}

/** Sequelize's `{ transaction: t }` option (`User.update(values, { where, transaction: t })`): `t`. */
function getTransactionOption(operation: DatabaseOperation): TSESTree.Node | undefined {
  for (const argument of operation.steps.at(-1)?.call.arguments ?? []) {
    if (argument.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of argument.properties) {
      if (property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'transaction') {
        return property.value;
      }
    }
  }
  return undefined;
}

function containsAwait(statement: TSESTree.Node): boolean {
  let found = false;
  forEachESTreeDescendant(statement, (node) => {
    if (found || (node !== statement && isFunctionNode(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    return !found;
  });
  return found;
}
