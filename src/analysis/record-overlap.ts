import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { skipChainExpression } from '../syntax/chain-expression.js';

/**
 * Whether two awaited operations may touch the same record (rule 6's
 * notion: a database row, a key, a file), so that running them at the same
 * time could change what either sees. For a loop, both operands are the same
 * expression: one pass's call against another pass's.
 *
 * A stand-in, deliberately conservative, until the record analysis of the
 * record rules (database handles, write/read classification, record
 * identity) is on main: any operation that looks like a write — a call
 * whose method name starts with a write verb, or a `query`/`execute` call,
 * whose SQL may write — is taken to touch whatever the other touches. Two
 * reads never conflict. Replace this one function with the record analysis
 * when it lands; its callers need no change.
 */
export function mayTouchSameRecord(first: TSESTree.Expression, second: TSESTree.Expression): boolean {
  return looksLikeWrite(first) || looksLikeWrite(second);
}

/** Verbs that start the name of a method that writes (`createMany`, `updateOne`, `setEx`, `putItem`, `appendFile`). */
const WRITE_VERBS = [
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
  'post',
  'write',
  'append',
  'increment',
  'decrement',
  // The file system's writes, as `node:fs/promises` names them: a path another pass reads may be the one removed or moved.
  'rm',
  'rmdir',
  'unlink',
  'rename',
  'mkdir',
  'copy',
  'cp',
  'truncate',
  'chmod',
  'chown',
  'utimes',
  'symlink',
  'link',
  'move',
];

/** Calls that run a statement that may write, whatever its name says. */
const STATEMENT_RUNNERS = new Set(['query', 'execute', 'exec', 'raw', '$executeRaw', '$queryRaw', 'transaction', '$transaction']);

const writeCache = new WeakMap<TSESTree.Node, boolean>();

/** A call whose callee name (a function or the last member) says it writes or runs a statement. */
export function looksLikeWrite(operand: TSESTree.Expression): boolean {
  let answer = writeCache.get(operand);
  if (answer === undefined) {
    answer = computeLooksLikeWrite(operand);
    writeCache.set(operand, answer);
  }
  return answer;
}

function computeLooksLikeWrite(operand: TSESTree.Expression): boolean {
  const call = skipChainExpression(operand);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  if (call.arguments.some(isWritingRequestOptions)) return true;
  const name = getCalleeName(call.callee);
  if (name === undefined) return false;
  if (STATEMENT_RUNNERS.has(name)) return true;
  return WRITE_VERBS.some((verb) => startsWithWord(name, verb));
}

/** HTTP methods that only read. */
const READING_HTTP_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `{ method: 'POST', … }`: request options of a `fetch`-like call that writes, or whose method is not written out as a read. */
function isWritingRequestOptions(argument: TSESTree.CallExpressionArgument): boolean {
  if (argument.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return argument.properties.some((property) => {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) return false;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.value;
    if (key !== 'method') return false;
    const value = property.value;
    return !(value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && READING_HTTP_METHODS.has(value.value.toUpperCase()));
  });
}

function getCalleeName(callee: TSESTree.Expression): string | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier) {
    return callee.property.name;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.computed && callee.property.type === AST_NODE_TYPES.Literal) {
    return String(callee.property.value);
  }
  return undefined;
}

/** `setEx`, `set_item`, `set` start with the word `set`; `settings` and `setup` do not. */
function startsWithWord(name: string, verb: string): boolean {
  const lower = name.toLowerCase();
  if (!lower.startsWith(verb)) return false;
  const next = name.charAt(verb.length);
  return next === '' || next === '_' || (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9');
}
