import { type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';

import { getResolvedSymbolAtLocation } from './symbols.js';
import { getCalleeNameNode } from '../syntax/callee-name.js';

/** The callback timers of the standard library and `@types/node`. */
export type TimerFunctionName = 'setImmediate' | 'setInterval' | 'setTimeout';

/** `node:timers/promises` has a `setInterval` too, but it is an async iterator, not a callback timer. */
const PROMISE_TIMER_MODULES = new Set(['timers/promises', 'node:timers/promises']);

/**
 * The callee is the timer function of the standard library (`lib.dom.d.ts`)
 * or of `@types/node`, whatever it is called here: the global
 * `setInterval`, `window.setInterval`, `globalThis.setInterval`, an import
 * from `node:timers` under any name, or a member of `import * as timers`.
 * Decided by the declarations the checker resolves the name to, so a
 * function of the program that is named `setInterval` is not one, and
 * neither is `node:timers/promises`' async iterator of the same name.
 */
export function isStandardTimerFunction(
  services: ParserServicesWithTypeInformation,
  callee: TSESTree.Expression,
  name: TimerFunctionName,
): boolean {
  const reference = getCalleeNameNode(callee);
  if (reference === undefined) return false;
  const symbol = getResolvedSymbolAtLocation(services.program.getTypeChecker(), services.esTreeNodeToTSNodeMap.get(reference));
  const declarations = symbol?.declarations ?? [];
  return (
    declarations.length > 0 &&
    declarations.every((declaration) => isLibraryTimerDeclaration(services.program, declaration, name))
  );
}

function isLibraryTimerDeclaration(program: ts.Program, declaration: ts.Declaration, name: TimerFunctionName): boolean {
  const declaredName = ts.getNameOfDeclaration(declaration);
  if (declaredName === undefined || !ts.isIdentifier(declaredName) || declaredName.text !== name) return false;
  const sourceFile = declaration.getSourceFile();
  if (
    !sourceFile.isDeclarationFile ||
    !(program.isSourceFileDefaultLibrary(sourceFile) || program.isSourceFileFromExternalLibrary(sourceFile))
  ) {
    return false;
  }
  for (let node: ts.Node = declaration.parent; !ts.isSourceFile(node); node = node.parent) {
    if (ts.isModuleDeclaration(node) && ts.isStringLiteral(node.name) && PROMISE_TIMER_MODULES.has(node.name.text)) return false;
  }
  return true;
}
