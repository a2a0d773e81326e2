import type { DatabaseOperation } from './database-operation.js';

/**
 * When a database call's work starts. Most clients send the query when the
 * method is called; lazy thenables run only when something calls their
 * `then`: Prisma's `PrismaPromise` (awaited, handed to `Promise.all` or to
 * `$transaction`), Knex query builders and Drizzle query builders (their
 * `then` builds and sends the SQL). So two lazy calls created first and then
 * awaited one by one run in sequence.
 */
export type WorkStart = 'when-called' | 'when-awaited';

/** Libraries whose query methods return lazy thenables. */
const LAZY_LIBRARIES = new Set(['prisma', 'knex', 'drizzle']);

export function getWorkStart(operation: Pick<DatabaseOperation, 'handle'>): WorkStart {
  return LAZY_LIBRARIES.has(operation.handle.library) ? 'when-awaited' : 'when-called';
}
