import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

import { isFunctionNode } from '../syntax/function-node.js';
import { forEachESTreeDescendant } from '../syntax/walk.js';

/**
 * Whether code only computes and logs: it can have scheduled nothing —
 * no render, no event handler, no timer, no reactive update — that a later
 * step could be waiting for. A yield after such work lets nothing through
 * that the work itself queued. A yield after `button.click()`, `emit(…)`,
 * `state.count++` or `setCount(n)` may be what lets the framework react
 * before the next step (hono's tests click a button, yield, and click
 * again: without the yield the second click sees the old state).
 *
 * Allowed: reads; writes to plain variables; calls of `console`, `Math`,
 * `JSON`, `Number`, `String` and `Array.isArray`, and of the global
 * conversions (`Number(x)`, `String(x)`, `parseInt`…); methods of strings,
 * numbers, booleans and arrays (with inline callbacks that are inert too);
 * `new` of `Date`, `Map`, `Set`, `Array`, `Error`. Anything else — another
 * call, a property write, `delete`, another `await` — may have queued work.
 * The nodes in `skip` are left out of the judgement (the yields themselves).
 */
export function isInertWork(
  services: ParserServicesWithTypeInformation,
  root: TSESTree.Node,
  skip: ReadonlySet<TSESTree.Node> = new Set(),
): boolean {
  const state = { inert: true };
  const visit = (start: TSESTree.Node): void => {
    forEachESTreeDescendant(start, (node) => {
      if (!state.inert || skip.has(node)) return false;
      // A function written here runs only if something calls it: the call is judged where it happens.
      if (node !== start && isFunctionNode(node)) return false;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          const verdict = judgeCall(services, node);
          if (verdict === false) state.inert = false;
          else for (const callback of verdict) visit(callback.body);
          // The callee and arguments are still walked below (minus the inline callbacks).
          return state.inert;
        }
        case AST_NODE_TYPES.NewExpression:
          if (node.callee.type !== AST_NODE_TYPES.Identifier || !INERT_CONSTRUCTORS.has(node.callee.name)) state.inert = false;
          return state.inert;
        case AST_NODE_TYPES.TaggedTemplateExpression:
        case AST_NODE_TYPES.AwaitExpression:
        case AST_NODE_TYPES.YieldExpression:
        case AST_NODE_TYPES.ImportExpression:
          state.inert = false;
          return false;
        case AST_NODE_TYPES.AssignmentExpression:
          if (!isPlainVariableTarget(node.left)) state.inert = false;
          return state.inert;
        case AST_NODE_TYPES.UpdateExpression:
          if (node.argument.type !== AST_NODE_TYPES.Identifier) state.inert = false;
          return state.inert;
        case AST_NODE_TYPES.UnaryExpression:
          if (node.operator === 'delete') state.inert = false;
          return state.inert;
        case AST_NODE_TYPES.ForOfStatement:
          if (node.await) state.inert = false;
          return state.inert;
        default:
          return true;
      }
    });
  };
  visit(root);
  return state.inert;
}

const INERT_NAMESPACES = new Set(['console', 'Math', 'JSON', 'Number', 'String']);
const INERT_CONSTRUCTORS = new Set(['Date', 'Map', 'Set', 'Array', 'Error']);
const INERT_FUNCTIONS = new Set(['Number', 'String', 'Boolean', 'BigInt', 'parseInt', 'parseFloat', 'isNaN', 'isFinite']);

/**
 * `false` when the call may queue work; otherwise the inline callbacks it
 * runs (an array method's), whose bodies must be inert too.
 */
function judgeCall(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
): false | (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression)[] {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return INERT_FUNCTIONS.has(callee.name) && isGlobal(services, callee) ? [] : false;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type === AST_NODE_TYPES.Super) return false;
  const object = callee.object;
  if (object.type === AST_NODE_TYPES.Identifier && INERT_NAMESPACES.has(object.name) && isGlobal(services, object)) return [];
  if (
    object.type === AST_NODE_TYPES.Identifier &&
    object.name === 'Array' &&
    callee.property.type === AST_NODE_TYPES.Identifier &&
    callee.property.name === 'isArray' &&
    isGlobal(services, object)
  ) {
    return [];
  }
  const checker = services.program.getTypeChecker();
  const receiver = services.getTypeAtLocation(object);
  const isValueMethod = tsutils
    .unionConstituents(receiver)
    .every(
      (member) =>
        tsutils.isTypeFlagSet(member, ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike) ||
        checker.isArrayType(member) ||
        checker.isTupleType(member),
    );
  if (!isValueMethod) return false;
  const callbacks: (TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression)[] = [];
  for (const argument of call.arguments) {
    if (argument.type === AST_NODE_TYPES.ArrowFunctionExpression || argument.type === AST_NODE_TYPES.FunctionExpression) {
      callbacks.push(argument);
    } else if (tsutils.unionConstituents(services.getTypeAtLocation(argument)).some((member) => member.getCallSignatures().length > 0)) {
      // A function passed by name runs code we do not see.
      return false;
    }
  }
  return callbacks;
}

/**
 * `console`, `Math`… as the global the standard library or `@types/node`
 * declares, not a binding of the program or an import of that name.
 */
function isGlobal(services: ParserServicesWithTypeInformation, identifier: TSESTree.Identifier): boolean {
  const symbol = services.program.getTypeChecker().getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(identifier));
  if (symbol === undefined || tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Alias)) return false;
  const declarations = symbol.declarations ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile);
}

/** `total = …`, `[a, b] = …`, `({ a } = …)` with plain names only: no setter, no proxy. */
function isPlainVariableTarget(target: TSESTree.Node): boolean {
  switch (target.type) {
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.ArrayPattern:
      return target.elements.every((element) => element === null || isPlainVariableTarget(element));
    case AST_NODE_TYPES.ObjectPattern:
      return target.properties.every((property) =>
        property.type === AST_NODE_TYPES.RestElement ? isPlainVariableTarget(property.argument) : isPlainVariableTarget(property.value),
      );
    case AST_NODE_TYPES.AssignmentPattern:
      return isPlainVariableTarget(target.left);
    case AST_NODE_TYPES.RestElement:
      return isPlainVariableTarget(target.argument);
    default:
      return false;
  }
}
