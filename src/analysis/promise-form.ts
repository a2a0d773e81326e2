import { AST_NODE_TYPES, type ParserServicesWithTypeInformation, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';

import { askChecker } from './checker-guard.js';
import { classifyThenability } from './thenable.js';

/**
 * Whether a call that takes a Node-style callback last has a promise form:
 * the same callee, called with the other arguments only, resolves to what
 * the callback receives as its result. pg's `client.query(sql, (err, res) => …)`
 * has one (`client.query(sql)` returns `Promise<QueryResult>`); `fs.readFile`
 * has none (without the callback it is a type error). `resultType` is the
 * type of the callback's second parameter; the promise's value must be
 * assignable to it.
 */
export function hasPromiseForm(
  services: ParserServicesWithTypeInformation,
  call: TSESTree.CallExpression,
  resultType: ts.Type,
): boolean {
  const callback = call.arguments.at(-1);
  if (callback === undefined || call.arguments.some((argument) => argument.type === AST_NODE_TYPES.SpreadElement)) return false;
  const argumentCount = call.arguments.length - 1;
  return askChecker(false, () => {
    const checker = services.program.getTypeChecker();
    const calleeType = services.getTypeAtLocation(call.callee);
    return calleeType.getCallSignatures().some((signature) => {
      const declared = (signature.getDeclaration() as ts.SignatureDeclaration | undefined)?.parameters;
      if (declared === undefined || declared.some((parameter) => parameter.dotDotDotToken !== undefined)) return false;
      const required = declared.filter((parameter) => parameter.questionToken === undefined && parameter.initializer === undefined).length;
      if (argumentCount > declared.length || argumentCount < required) return false;
      const returnType = signature.getReturnType();
      if (classifyThenability(checker, returnType) !== 'thenable') return false;
      const awaited = checker.getAwaitedType(returnType);
      return awaited !== undefined && checker.isTypeAssignableTo(awaited, resultType);
    });
  });
}
