import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { askChecker } from './checker-guard.js';
import {
  type FunctionWithBody,
  isAsyncWithOnlySyncWork,
  isCallBoundToDeclaration,
  isServerAction,
  summarizeCallee,
  summarizeFunction,
} from './function-summary.js';

/**
 * An `async` function doing only synchronous work — no await of any kind,
 * no thenable returned — that is not required to be async by its framework
 * (a React server action is a network call, whatever its body does).
 */
export function isAsyncWrapperAroundSyncWork(program: ts.Program, declaration: FunctionWithBody): boolean {
  return askChecker(false, () => isAsyncWithOnlySyncWork(summarizeFunction(program, declaration))) && !isServerAction(declaration);
}

/**
 * The function this call runs, when it is certainly an async wrapper around
 * synchronous work: the callee resolves to one declaration with a body, that
 * declaration is such a wrapper, and nothing else (an override, a reassigned
 * binding) can run in its place.
 */
export function getAsyncWrapperCallee(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
): FunctionWithBody | undefined {
  const program = services.program;
  const tsCall = services.esTreeNodeToTSNodeMap.get(call);
  return askChecker(undefined, () => {
    const summarized = summarizeCallee(program, tsCall);
    if (
      summarized === undefined ||
      !isAsyncWrapperAroundSyncWork(program, summarized.declaration) ||
      !isCallBoundToDeclaration(program, tsCall, summarized.declaration)
    ) {
      return undefined;
    }
    return summarized.declaration;
  });
}
