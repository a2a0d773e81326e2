/**
 * `no-lost-update` on a real Postgres: PGlite (Postgres compiled to
 * WebAssembly) runs the query the flagged example awaits. The example is the
 * first ❌ block of `docs/rules/no-lost-update.md`, read from the page: a
 * revenue total kept in memory and added to with each order's amount, looked
 * up in an `orders` table. The rule's `--fix` makes the ✅ version; both are
 * run under three schedules of two concurrent `record` calls:
 *
 * - `together`: both calls start at once (`Promise.all`), order 1 first;
 * - `reversed`: both at once, order 2 first;
 * - `staggered`: order 2 starts only once order 1 has been recorded.
 *
 * The flagged code loses one order's amount whenever the calls overlap; the
 * fixed code gets 350 under every schedule. The figures are printed for the
 * doc page, which quotes them. The second test runs both through the real
 * `pg` client, with PGlite served on the Postgres wire protocol on 127.0.0.1
 * (`@electric-sql/pglite-socket`), and gets the same figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { lintAndFix, typeCheck } from '../fix-semantics/harness.js';

const docPage = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs', 'rules', 'no-lost-update.md');

/** The first ```ts block under the page's `### ❌ Incorrect` heading. */
function readFlaggedExample(): string {
  const text = readFileSync(docPage, 'utf8');
  const section = text.slice(text.indexOf('### ❌ Incorrect'));
  const match = /```ts\n([\s\S]*?)```/u.exec(section);
  if (match?.[1] === undefined) throw new Error('no ❌ example in the doc page');
  return match[1];
}

/** What the example asks of its client: PGlite's own, or `pg`'s `Client`. */
interface Queryable {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

interface OrderStats {
  revenue: number;
  record(orderId: number): Promise<void>;
}

type OrderStatsClass = new (db: Queryable) => OrderStats;

/** Compiles the example and hands back its exported `OrderStats` class. */
function load(code: string): OrderStatsClass {
  const { outputText } = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS },
  });
  const exports: Record<string, unknown> = {};
  // The example is our own documentation, compiled here: running it is the point.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const evaluate = new Function('exports', outputText) as (target: Record<string, unknown>) => void;
  evaluate(exports);
  return exports.OrderStats as OrderStatsClass;
}

type Schedule = 'reversed' | 'staggered' | 'together';

async function run(OrderStats: OrderStatsClass, db: Queryable, schedule: Schedule): Promise<number> {
  const stats = new OrderStats(db);
  switch (schedule) {
    case 'together':
      await Promise.all([stats.record(1), stats.record(2)]);
      break;
    case 'reversed':
      await Promise.all([stats.record(2), stats.record(1)]);
      break;
    case 'staggered':
      await stats.record(1);
      await stats.record(2);
      break;
  }
  return stats.revenue;
}

const SCHEDULES: readonly Schedule[] = ['together', 'reversed', 'staggered'];

let db: PGlite;
let server: PGLiteSocketServer;
let client: pg.Client;

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`
    CREATE TABLE orders (id integer PRIMARY KEY, amount integer NOT NULL);
    INSERT INTO orders (id, amount) VALUES (1, 100), (2, 250);
  `);
  // The same database on the Postgres wire protocol, for the real `pg` client.
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  client = new pg.Client({ host, port: Number(port), user: 'postgres', database: 'postgres' });
  await client.connect();
});

afterAll(async () => {
  await client.end();
  await server.stop();
  await db.close();
});

async function runAll(code: string, queryable: Queryable): Promise<Record<Schedule, number>> {
  const results: Record<Schedule, number> = { together: 0, reversed: 0, staggered: 0 };
  for (const schedule of SCHEDULES) results[schedule] = await run(load(code), queryable, schedule);
  return results;
}

describe('no-lost-update on PGlite', () => {
  it('the flagged example loses an order when two calls overlap; the fixed one counts both under every schedule', async () => {
    const flagged = readFlaggedExample();
    const { output: fixed, before, after } = await lintAndFix(flagged, { rules: ['no-lost-update'] });
    expect(before.map((message) => message.messageId)).toEqual(['lostUpdate']);
    expect(after).toEqual([]);
    expect(fixed).not.toBe(flagged);
    expect(typeCheck(fixed)).toEqual([]);

    const results = { flagged: await runAll(flagged, db), fixed: await runAll(fixed, db) };
    console.log(`no-lost-update on PGlite, revenue of orders 1 (100) and 2 (250), expected 350: ${JSON.stringify(results)}`);

    // Overlapping calls: each adds its amount to the 0 it read before its query, the last write wins.
    expect(results.flagged).toEqual({ together: 250, reversed: 100, staggered: 350 });
    expect(results.fixed).toEqual({ together: 350, reversed: 350, staggered: 350 });
  });

  it('the same through the real pg client on the wire protocol', async () => {
    const flagged = readFlaggedExample();
    const { output: fixed } = await lintAndFix(flagged, { rules: ['no-lost-update'] });
    const results = { flagged: await runAll(flagged, client), fixed: await runAll(fixed, client) };
    console.log(`no-lost-update on PGlite through pg, expected 350: ${JSON.stringify(results)}`);
    expect(results.flagged).toEqual({ together: 250, reversed: 100, staggered: 350 });
    expect(results.fixed).toEqual({ together: 350, reversed: 350, staggered: 350 });
  });
});
