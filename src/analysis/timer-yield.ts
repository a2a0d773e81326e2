import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

/**
 * The promise forms of Node's yields to the event loop, from
 * `node:timers/promises` whatever they are imported as: `setImmediate()`,
 * `setTimeout()` or `setTimeout(0)`, and `scheduler.yield()`. The syntactic
 * idioms (`await null`, `new Promise(setImmediate)`…) are `isEventLoopYield`'s;
 * these need the checker, since only the declaration tells `setTimeout(0)`
 * from the program's own function of that name.
 */
export function isPromiseTimerYield(services: ParserServicesWithTypeInformation, operand: TSESTree.Node): boolean {
  if (operand.type !== AST_NODE_TYPES.CallExpression || operand.optional || operand.arguments.length > 1) return false;
  const callee = operand.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee
      : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property
        : undefined;
  if (name === undefined) return false;
  const checker = services.program.getTypeChecker();
  let symbol = checker.getSymbolAtLocation(services.esTreeNodeToTSNodeMap.get(name));
  if (symbol !== undefined && tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Alias)) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.declarations?.[0];
  if (declaration === undefined || !isInTimersPromisesModule(declaration)) return false;
  switch (symbol?.getName()) {
    case 'setImmediate':
      return true;
    case 'setTimeout': {
      const [delay] = operand.arguments;
      return delay === undefined || (delay.type === AST_NODE_TYPES.Literal && delay.value === 0);
    }
    case 'yield':
      return true;
    default:
      return false;
  }
}

function isInTimersPromisesModule(declaration: ts.Node): boolean {
  const module = ts.findAncestor(declaration, (node) => ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name));
  return module !== undefined && (module as ts.ModuleDeclaration).name.text === 'timers/promises';
}
