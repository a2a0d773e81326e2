import type { ParserServicesWithTypeInformation, TSESTree } from '@typescript-eslint/utils';

import { askChecker } from './checker-guard.js';
import { classifyDatabaseHandleType, type DatabaseHandle, type DatabaseHandleOptions } from './database-handle.js';

/**
 * Is a value one database connection, which runs the queries it is given one
 * after another whatever the code awaits: a `pg` `Client`, a `PoolClient`
 * checked out with `pool.connect()`, a `mysql2` `Connection` (promise or
 * callback API) or a `PoolConnection` from `pool.getConnection()`, or a type
 * the user names in `singleConnectionTypes`. Pools are not: they hand each
 * query to a free connection.
 */
export function getSingleConnection(
  services: ParserServicesWithTypeInformation,
  expression: TSESTree.Expression,
  options: Pick<DatabaseHandleOptions, 'singleConnectionTypes'> = {},
): DatabaseHandle | undefined {
  return askChecker(undefined, () => {
    const handle = classifyDatabaseHandleType(services.program, services.getTypeAtLocation(expression), options);
    return handle?.kind === 'connection' ? handle : undefined;
  });
}
