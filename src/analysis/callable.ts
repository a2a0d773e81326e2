import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';
import * as tsutils from 'ts-api-utils';

import { askChecker } from './checker-guard.js';

/** The value may be a function (some member of its type has a call signature): a callback, when passed on. */
export function mayBeCallable(services: ParserServicesWithTypeInformation, node: TSESTree.Node): boolean {
  // Unknown counts as callable: a callback passed on may start asynchronous work.
  return askChecker(true, () =>
    tsutils.unionConstituents(services.getTypeAtLocation(node)).some((type) => type.getCallSignatures().length > 0),
  );
}
