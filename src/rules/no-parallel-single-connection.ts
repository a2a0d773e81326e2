import { typeOrValueSpecifiersSchema, type TypeOrValueSpecifier } from '@typescript-eslint/type-utils';
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

import { classifyDatabaseHandleType } from '../analysis/database-handle.js';
import { getSingleConnection } from '../analysis/single-connection.js';
import { createRule } from '../create-rule.js';
import { getSequentialAwaitsRewrite } from '../fixers/sequential-awaits.js';
import { getAccessPath, getStaticPropertyName, isSameAccessPath } from '../syntax/access-path.js';
import { skipChainExpression } from '../syntax/chain-expression.js';
import { getConstInitializer } from '../syntax/const-initializer.js';
import { describeNode } from '../syntax/describe-node.js';
import { findAwaitPoints } from '../syntax/await-points.js';
import { getEnclosingFunction, isFunctionNode } from '../syntax/function-node.js';
import { getPromiseCombinatorCall, type PromiseCombinatorCall } from '../syntax/promise-combinator.js';
import { getSqlText } from '../syntax/sql-statement.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

export type Options = [
  {
    /** Further types that are one connection (`TypeOrValueSpecifier`s, as typescript-eslint's rules take them). @default [] */
    singleConnectionTypes?: TypeOrValueSpecifier[];
  },
];
export type MessageIds = 'parallelOnSingleConnection' | 'runInSequence' | 'usePool';

/** The methods that send a query on a connection. */
const QUERY_METHODS = new Set(['query', 'execute']);
const TRANSACTION_START = /^\s*(?:begin|start\s+transaction)\b/iu;

export default createRule<Options, MessageIds>({
  name: 'no-parallel-single-connection',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow running queries concurrently on one database connection, which runs them one after another',
      recommended: 'recommended',
      requiresTypeChecking: true,
    },
    hasSuggestions: true,
    messages: {
      parallelOnSingleConnection:
        '`{{connection}}` is a single database connection (`{{type}}`): it runs these {{count}} queries one after another whatever `Promise.{{combinator}}` awaits, so the concurrency buys nothing and a failure leaves the other queries queued behind it. Run them in sequence, or on a pool.',
      runInSequence: 'Run the queries one after another, awaiting each.',
      usePool: 'Run the queries on `{{pool}}`, which gives each one a connection of its own (not inside a transaction).',
    },
    defaultOptions: [{ singleConnectionTypes: [] }],
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          singleConnectionTypes: {
            ...(typeOrValueSpecifiersSchema as JSONSchema4),
            description: 'Types that are one database connection, besides `pg` `Client`/`PoolClient` and `mysql2` `Connection`/`PoolConnection`.',
          },
        },
      },
    ],
  },
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    const sourceCode = context.sourceCode;
    const handleOptions = { singleConnectionTypes: options.singleConnectionTypes ?? [] };

    return {
      CallExpression(node) {
        const combinator = getPromiseCombinatorCall(sourceCode, node);
        if (combinator === undefined) return;
        const queries = findQueryCalls(combinator);
        if (queries.length === 0 || (queries.length === 1 && !queries[0]?.mapped)) return;
        for (const group of groupByConnection(queries)) {
          const count = group.reduce((sum, query) => sum + (query.mapped ? 2 : 1), 0);
          if (count < 2) continue;
          const [first] = group;
          if (first === undefined) continue;
          const connection = getSingleConnection(services, first.receiver, handleOptions);
          if (connection === undefined) continue;
          context.report({
            node: node.callee,
            messageId: 'parallelOnSingleConnection',
            data: {
              connection: describeNode(sourceCode, first.receiver),
              type: connection.typeName,
              count: group.some((query) => query.mapped) ? 'mapped' : String(count),
              combinator: combinator.name,
            },
            // Queries sent before the combinator: where each should be awaited depends on the code around.
            suggest: group.some((query) => query.bound) ? [] : buildSuggestions(combinator, group),
          });
        }
      },
    };

    function buildSuggestions(combinator: PromiseCombinatorCall, group: QueryCall[]): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const suggestions: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const sequence = getSequentialAwaitsRewrite(sourceCode, combinator);
      if (sequence !== undefined) {
        suggestions.push({ messageId: 'runInSequence', fix: (fixer) => fixer.replaceText(sequence.statement, sequence.text) });
      }
      const pool = findPoolOfConnection(group);
      if (pool !== undefined) {
        suggestions.push({
          messageId: 'usePool',
          data: { pool: pool.text },
          fix: (fixer) => group.map((query) => fixer.replaceText(query.receiver, pool.text)),
        });
      }
      return suggestions;
    }

    /** `const client = await pool.connect()` (or `getConnection()`) in this function, no transaction begun on it: the pool. */
    function findPoolOfConnection(group: QueryCall[]): { text: string } | undefined {
      const [first] = group;
      if (first?.receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
      const receiverName = first.receiver.name;
      if (group.some((query) => query.receiver.type !== AST_NODE_TYPES.Identifier || query.receiver.name !== receiverName)) return undefined;
      const initializer = getConstInitializer(sourceCode, first.receiver);
      if (initializer?.type !== AST_NODE_TYPES.AwaitExpression || initializer.argument.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = initializer.argument.callee;
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !['connect', 'getConnection'].includes(getStaticPropertyName(callee) ?? '')) {
        return undefined;
      }
      if (getAccessPath(sourceCode, callee.object) === undefined) return undefined;
      const handle = classifyDatabaseHandleType(services.program, services.getTypeAtLocation(callee.object));
      if (handle?.kind !== 'pool') return undefined;
      if (beginsTransaction(first.receiver, initializer)) return undefined;
      return { text: sourceCode.getText(callee.object) };
    }

    /**
     * A `BEGIN`/`START TRANSACTION` query on the same connection in the
     * function that checked it out (not only in a mapped callback that uses
     * it): its queries belong to that transaction.
     */
    function beginsTransaction(receiver: TSESTree.Identifier, checkout: TSESTree.Node): boolean {
      const scope = getEnclosingFunction(checkout)?.body ?? sourceCode.ast;
      const path = getAccessPath(sourceCode, receiver);
      let begins = false;
      forEachESTreeDescendant(scope, (node) => {
        if (begins) return false;
        if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return true;
        const [sql] = node.arguments;
        const text = sql === undefined ? undefined : getSqlText(sql)?.text;
        const target = getAccessPath(sourceCode, node.callee.object);
        if (text !== undefined && TRANSACTION_START.test(text) && path !== undefined && target !== undefined && isSameAccessPath(path, target)) {
          begins = true;
        }
        return true;
      });
      return begins;
    }

    /** The queries the combinator starts: an element that is one (`client.query(…)`, `….then(…)`), or those a mapped callback or an async IIFE sends. */
    function findQueryCalls(combinator: PromiseCombinatorCall): QueryCall[] {
      const found: QueryCall[] = [];
      for (const element of combinator.elements) {
        const mapped = element.mapCallback !== undefined;
        if (mapped && element.mapCallback !== undefined) {
          const callback = element.mapCallback;
          const queries: QueryCall[] = [];
          collectQueriesInBody(callback.body, true, queries);
          // `const c = await pool.connect()` inside the callback: a connection per element.
          found.push(...queries.filter((query) => !isDeclaredWithin(query.receiver, callback)));
          continue;
        }
        const expression = skipChainExpression(element.expression);
        const direct = getQueryCallInChain(expression);
        if (direct !== undefined) {
          found.push({ ...direct, mapped: false, bound: false });
          continue;
        }
        // `const a = client.query(…); … Promise.all([a, b])`: sent when bound, still running if nothing waited since.
        if (expression.type === AST_NODE_TYPES.Identifier) {
          const initializer = getConstInitializer(sourceCode, expression);
          const bound = initializer === undefined ? undefined : getQueryCallInChain(initializer);
          if (bound !== undefined && bound.call === initializer && isStillRunning(bound.call, combinator.call)) found.push({ ...bound, mapped: false, bound: true });
          continue;
        }
        // `(async () => { await client.query(a); … })()`: each of its queries is one element's.
        if (expression.type === AST_NODE_TYPES.CallExpression && isFunctionNode(expression.callee) && expression.arguments.length === 0) {
          const queries: QueryCall[] = [];
          collectQueriesInBody(expression.callee.body, false, queries);
          // Sequential inside the IIFE: they count as one element of the concurrency.
          const [firstQuery] = queries;
          if (firstQuery !== undefined) found.push(firstQuery);
        }
      }
      return found;
    }

    /** `query` was sent in the function of `combinator`, before it, and nothing waited in between. */
    function isStillRunning(query: TSESTree.CallExpression, combinator: TSESTree.CallExpression): boolean {
      const fn = getEnclosingFunction(combinator);
      if (fn === undefined || getEnclosingFunction(query) !== fn || query.range[1] > combinator.range[0]) return false;
      return !findAwaitPoints(fn.body).some((point) => point.range[0] < combinator.range[0] && point.range[1] > query.range[1]);
    }

    /** The receiver's variable is declared inside `container` (a parameter or a local of the callback). */
    function isDeclaredWithin(receiver: TSESTree.Expression, container: TSESTree.Node): boolean {
      let root: TSESTree.Node = skipChainExpression(receiver);
      while (root.type === AST_NODE_TYPES.MemberExpression) root = skipChainExpression(root.object);
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const variable = ASTUtils.findVariable(sourceCode.getScope(root), root);
      return (
        variable?.defs.some((definition) => definition.name.range[0] >= container.range[0] && definition.name.range[1] <= container.range[1]) ??
        false
      );
    }
  },
});

interface QueryCall {
  call: TSESTree.CallExpression;
  /** The connection the query is sent on, as written. */
  receiver: TSESTree.Expression;
  /** Sent once per element of a collection. */
  mapped: boolean;
  /** Sent where a `const` was bound to it, before the combinator. */
  bound: boolean;
}

/** `client.query(…)`, `client.query(…).then(…)`: the query call and its receiver. */
function getQueryCallInChain(expression: TSESTree.Node): Omit<QueryCall, 'bound' | 'mapped'> | undefined {
  let node: TSESTree.Node = expression;
  for (;;) {
    node = skipChainExpression(node);
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = skipChainExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = getStaticPropertyName(callee);
    if (name !== undefined && QUERY_METHODS.has(name)) {
      return receiverKey(callee.object) === undefined ? undefined : { call: node, receiver: callee.object };
    }
    if (name !== 'then' && name !== 'catch' && name !== 'finally') return undefined;
    node = callee.object;
  }
}

/** Queries a function body sends directly (not in nested functions). */
function collectQueriesInBody(body: TSESTree.Node, mapped: boolean, found: QueryCall[]): void {
  forEachESTreeDescendant(body, (node) => {
    if (node !== body && isFunctionNode(node)) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return true;
    const query = getQueryCallInChain(node);
    if (query !== undefined && query.call === node) found.push({ ...query, mapped, bound: false });
    return true;
  });
}

/** Queries on the same connection, by the receiver as written (`client`, `this.client`). */
function groupByConnection(queries: QueryCall[]): QueryCall[][] {
  const groups = new Map<string, QueryCall[]>();
  for (const query of queries) {
    const key = receiverKey(query.receiver);
    if (key === undefined) continue;
    const group = groups.get(key) ?? [];
    group.push(query);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function receiverKey(receiver: TSESTree.Node): string | undefined {
  const node = skipChainExpression(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = getStaticPropertyName(node);
    const object = receiverKey(node.object);
    return name === undefined || object === undefined ? undefined : `${object}.${name}`;
  }
  return undefined;
}
