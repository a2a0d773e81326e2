import * as tsutils from 'ts-api-utils';
import ts from 'typescript';

/** The symbol an import or export alias stands for; any other symbol as it is. */
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol | undefined): ts.Symbol | undefined {
  return symbol !== undefined && tsutils.isSymbolFlagSet(symbol, ts.SymbolFlags.Alias) ? checker.getAliasedSymbol(symbol) : symbol;
}

/** The symbol a name refers to, through imports and re-exports. */
export function getResolvedSymbolAtLocation(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  return resolveAlias(checker, checker.getSymbolAtLocation(node));
}
