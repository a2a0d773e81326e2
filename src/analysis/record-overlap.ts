import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { skipChainExpression } from '../syntax/chain-expression.js';
import { forEachDescendant } from '../syntax/walk.js';
import { cachePerChecker } from './cache.js';
import { askChecker } from './checker-guard.js';
import { describeDatabaseCall, isWriteMethodName, type DatabaseOperation } from './database-operation.js';
import { resolveCalledFunction, type FunctionWithBody } from './function-summary.js';
import { compareRecords, getRecord, type RecordRef } from './record-identity.js';
import { findWriteDependence } from './write-dependence.js';

/**
 * Whether two awaited operations may touch the same record (rule 6's
 * notion: a database row, a key, a file), so that running them at the same
 * time could change what either sees. For a loop, both operands are the same
 * expression: one pass's call against another pass's.
 *
 * Two reads never conflict. Where one of them may write — a call whose method
 * name says it writes (the record rules' `writeMethods`, a file-system or
 * HTTP write), a `query`/`execute` whose SQL may write, or a call of a program
 * function whose body makes such a call (`syncUser(u)` calling
 * `db.user.update`) — they conflict, unless both are calls on database
 * handles whose records the record analysis tells apart
 * (`record-identity.ts`) and neither reads what the other is handed or
 * creates (`write-dependence.ts`). One pass of a loop against another is
 * never told apart: the key may repeat.
 */
export function mayTouchSameRecord(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  first: TSESTree.Expression,
  second: TSESTree.Expression,
): boolean {
  const mayWrite =
    looksLikeWrite(first) || looksLikeWrite(second) || writesThroughProgramFunction(services, first) || writesThroughProgramFunction(services, second);
  if (!mayWrite) return false;
  return first === second || !areDistinctDatabaseRecords(services, sourceCode, first, second);
}

/** Both are calls on database handles, on records known to differ, neither depending on the other's write. */
function areDistinctDatabaseRecords(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  first: TSESTree.Expression,
  second: TSESTree.Expression,
): boolean {
  const a = describeRecordCall(services, sourceCode, first);
  const b = describeRecordCall(services, sourceCode, second);
  if (a === undefined || b === undefined) return false;
  if (compareRecords(a.record, b.record) !== 'different') return false;
  return (
    findWriteDependence(sourceCode, a.operation, b.operation, b.record) === undefined &&
    findWriteDependence(sourceCode, b.operation, a.operation, a.record) === undefined
  );
}

function describeRecordCall(
  services: ParserServicesWithTypeInformation,
  sourceCode: Readonly<TSESLint.SourceCode>,
  operand: TSESTree.Expression,
): { operation: DatabaseOperation; record: RecordRef } | undefined {
  const call = skipChainExpression(operand);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const operation = describeDatabaseCall(services, call);
  if (operation === undefined || operation.access === 'other') return undefined;
  return { operation, record: getRecord(services, sourceCode, operation) };
}

/**
 * Writes beyond a database handle's methods (`isWriteMethodName`): HTTP
 * posts, appends, and the file system's writes as `node:fs/promises` names
 * them — a path another pass reads may be the one removed or moved.
 */
const OTHER_WRITE_VERBS = [
  'post',
  'append',
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
  return name !== undefined && isWriteName(name);
}

/** A callee name that says it writes or runs a statement. */
function isWriteName(name: string): boolean {
  return STATEMENT_RUNNERS.has(name) || isWriteMethodName(name) || OTHER_WRITE_VERBS.some((verb) => startsWithWord(name, verb));
}

/** How many program functions deep a write is looked for. */
const MAX_DEPTH = 3;

const programWriteCache = cachePerChecker(() => new WeakMap<ts.Node, boolean>());

/**
 * The operand calls a function of the program whose body (or a function it
 * calls, a few deep) makes a call that looks like a write: the name at the
 * call site (`syncUser`) does not say what the body does.
 */
function writesThroughProgramFunction(services: ParserServicesWithTypeInformation, operand: TSESTree.Expression): boolean {
  const call = skipChainExpression(operand);
  if (call.type !== AST_NODE_TYPES.CallExpression) return false;
  let answer = callSiteCache.get(call);
  if (answer === undefined) {
    const tsCall = services.esTreeNodeToTSNodeMap.get(call);
    // A failure of the checker leaves the question open: then the call may write, for all we know.
    answer = askChecker(true, () => callsProgramFunctionThatWrites(services.program, tsCall, 0));
    callSiteCache.set(call, answer);
  }
  return answer;
}

const callSiteCache = new WeakMap<TSESTree.Node, boolean>();

function callsProgramFunctionThatWrites(program: ts.Program, call: ts.CallExpression, depth: number): boolean {
  if (depth >= MAX_DEPTH) return false;
  const declaration = resolveCalledFunction(program.getTypeChecker(), call);
  return declaration !== undefined && doesProgramFunctionWrite(program, declaration, depth + 1);
}

function doesProgramFunctionWrite(program: ts.Program, declaration: FunctionWithBody, depth: number): boolean {
  const cache = programWriteCache(program.getTypeChecker());
  const cached = cache.get(declaration);
  if (cached !== undefined) return cached;
  cache.set(declaration, false);
  let writes = false;
  forEachDescendant(declaration.body, (node) => {
    if (writes) return false;
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      writes =
        (name !== undefined && isWriteName(name)) ||
        node.arguments.some(isTsWritingRequestOptions) ||
        callsProgramFunctionThatWrites(program, node, depth);
    }
    return !writes;
  });
  cache.set(declaration, writes);
  return writes;
}

/** `{ method: 'POST' }` among a call's arguments, on the TypeScript tree. */
function isTsWritingRequestOptions(argument: ts.Expression): boolean {
  if (!ts.isObjectLiteralExpression(argument)) return false;
  return argument.properties.some((property) => {
    if (!ts.isPropertyAssignment(property) || property.name.getText() !== 'method') return false;
    const value = property.initializer;
    return !(ts.isStringLiteralLike(value) && READING_HTTP_METHODS.has(value.text.toUpperCase()));
  });
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
