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
 * doc page, which quotes them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PGlite } from '@electric-sql/pglite';
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

/** The example's `Queryable`: what it asks of the client (PGlite here). */
type Queryable = Pick<PGlite, 'query'>;

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

beforeAll(async () => {
  db = await PGlite.create();
  await db.exec(`
    CREATE TABLE orders (id integer PRIMARY KEY, amount integer NOT NULL);
    INSERT INTO orders (id, amount) VALUES (1, 100), (2, 250);
  `);
});

afterAll(async () => {
  await db.close();
});

describe('no-lost-update on PGlite', () => {
  it('the flagged example loses an order when two calls overlap; the fixed one counts both under every schedule', async () => {
    const flagged = readFlaggedExample();
    const { output: fixed, before, after } = await lintAndFix(flagged, { rules: ['no-lost-update'] });
    expect(before.map((message) => message.messageId)).toEqual(['lostUpdate']);
    expect(after).toEqual([]);
    expect(fixed).not.toBe(flagged);
    expect(typeCheck(fixed)).toEqual([]);

    const results = { flagged: { together: 0, reversed: 0, staggered: 0 }, fixed: { together: 0, reversed: 0, staggered: 0 } };
    for (const schedule of SCHEDULES) {
      results.flagged[schedule] = await run(load(flagged), db, schedule);
      results.fixed[schedule] = await run(load(fixed), db, schedule);
    }
    console.log(`no-lost-update on PGlite, revenue of orders 1 (100) and 2 (250), expected 350: ${JSON.stringify(results)}`);

    // Overlapping calls: each adds its amount to the 0 it read before its query, the last write wins.
    expect(results.flagged).toEqual({ together: 250, reversed: 100, staggered: 350 });
    expect(results.fixed).toEqual({ together: 350, reversed: 350, staggered: 350 });
  });
});
